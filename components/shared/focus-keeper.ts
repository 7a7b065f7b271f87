/**
 * Keeps focus in an element across a step that removes the focused control (Connect, Confirm,
 * Close, Cancel): call it when the step starts, and the function it returns when the step ends.
 */

/**
 * When focus was inside `host` at the call, the returned function (after the host's next render)
 * moves focus to the element's first control (delegatesFocus) if it fell out, instead of leaving
 * it on the page's body. When it was not, the returned function does nothing.
 */
export function focusKeeper(host: HTMLElement & { updateComplete?: Promise<unknown> }): () => void {
  const had = Boolean(host.shadowRoot?.activeElement);
  return () => {
    if (!had) return;
    const root = host.shadowRoot;
    void host.updateComplete?.then(() => {
      if (root && !root.activeElement) host.focus();
    });
  };
}
