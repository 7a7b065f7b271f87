/**
 * Hostile metadata without a scenario of its own: the page's `fetch` passes every request to the
 * devnet and rewrites its JSON answers, replacing whole string values (a chain's name, its chain
 * id, a moniker) with hostile ones, as a chain whose metadata anyone can write would serve them.
 */

/** 60 wide letters with bidi, zero-width and NUL characters inside, and no place to break. */
export const LONG_NAME = `\u202E${'W'.repeat(30)}\u200B${'M'.repeat(30)}\u0000end`;
/** A 48-character chain id without a break opportunity. */
export const LONG_CHAIN_ID = 'w'.repeat(48);
/** A 70-character moniker of wide letters. */
export const LONG_MONIKER = `\u202E${'W'.repeat(69)}`;

// As the elements must show them (written out here, not made by the code under test): each
// invisible or direction-changing character as a visible ⟨U+XXXX⟩ marker.
export const LONG_NAME_SHOWN = `⟨U+202E⟩${'W'.repeat(30)}⟨U+200B⟩${'M'.repeat(30)}⟨U+0000⟩end`;
export const LONG_MONIKER_SHOWN = `⟨U+202E⟩${'W'.repeat(69)}`;

/** Replaces, in every JSON answer, each string equal to a key of `replace` with its value. Returns the undo. */
export function rewriteAnswers(replace: Record<string, string>): () => void {
  const original = window.fetch;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return Object.hasOwn(replace, value) ? replace[value] : value;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body = walk(await response.json());
    return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => (window.fetch = original);
}

/** Whether `inner`'s box lies inside `outer`'s horizontally (1 px of rounding allowed), in words when not. */
export function horizontalOverflow(inner: Element, outer: Element): string | undefined {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  if (a.left >= b.left - 1 && a.right <= b.right + 1) return undefined;
  return `${inner.localName}.${[...inner.classList].join('.')} spans ${Math.round(a.left)}..${Math.round(a.right)}, outside ${Math.round(b.left)}..${Math.round(b.right)} by ${Math.round(Math.max(b.left - a.left, a.right - b.right))} px`;
}

/** Every element under `root` (shadow content) whose box sticks out of `box` horizontally, in words. */
export function overflowingIn(root: ParentNode, box: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const display = getComputedStyle(el).display;
    // Hidden things, and boxless ones (display: contents has no rectangle of its own).
    if (el.closest('.visually-hidden, .table-box') || display === 'none' || display === 'contents') continue;
    const problem = horizontalOverflow(el, box);
    if (problem) out.push(problem);
  }
  return out;
}
