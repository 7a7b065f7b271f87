/**
 * Keeps focus in an element across a step that removes the focused control (Connect, Confirm,
 * Close, Cancel): call it when the step starts, and the function it returns when the step ends.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How long after the step the element may still take focus back: a confirmed transaction's
 * result closes while the chain is read again, and the controls come back with that read.
 */
const KEEP_MS = 15_000;

/**
 * When focus was inside `host` at the call, the returned function moves focus to the element's
 * first control (delegatesFocus) once it fell out, instead of leaving it on the page's body: after
 * the host's next render, or, when that render has no control yet (the body hidden while the chain
 * is read again), after the first later render that has one. It lets go as soon as focus is
 * anywhere else on the page (the person or the page moved it), and after `KEEP_MS`. When focus was
 * not inside `host`, the returned function does nothing.
 */
export function focusKeeper(host: ReactiveControllerHost & HTMLElement): () => void {
  const had = Boolean(host.shadowRoot?.activeElement);
  return () => {
    if (!had) return;
    const until = Date.now() + KEEP_MS;
    const keeper: ReactiveController = {
      hostUpdated: () => {
        const root = host.shadowRoot;
        const active = document.activeElement;
        const fellOut = !root?.activeElement && (active === null || active === document.body);
        if (fellOut && Date.now() < until) {
          host.focus();
          if (!root?.activeElement) return;
        }
        host.removeController(keeper);
      },
    };
    host.addController(keeper);
    host.requestUpdate();
  };
}
