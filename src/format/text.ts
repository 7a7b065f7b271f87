/**
 * Safe text for metadata anyone can write (design §8). Pure string functions, no DOM: the
 * elements put their results into Lit text bindings (never HTML), and these make sure the text
 * cannot reorder itself, hide characters, or point a link anywhere but `https:`.
 */

/**
 * Characters that change how the text around them is shown without being seen themselves:
 * bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks
 * (U+200E, U+200F, U+061C), zero-width ones (U+200B–U+200D, U+2060, U+FEFF) and the C0/C1
 * controls. A chain name with U+202E can read "gro.ekaf" as "fake.org".
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** True when `text` holds at least one character that `neutralise` would replace. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/**
 * Shows each invisible or direction-changing character as a visible marker such as `⟨U+202E⟩`,
 * so a spoofing attempt is seen rather than obeyed. Tabs and newlines become spaces.
 */
export function neutralise(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Removes invisible and direction-changing characters (for search and comparison, not display). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

export interface ClippedText {
  /** What to show: at most `max` characters (by code point), ending in "…" when clipped. */
  text: string;
  /** The whole neutralised value, for a `title` or an expandable. */
  full: string;
  clipped: boolean;
}

/**
 * Neutralises and clips to `max` code points (never splitting a surrogate pair). The layout also
 * clips with CSS; this bounds the DOM text itself, so 10 000 characters of description never
 * reach the page in one line.
 */
export function clip(text: string, max: number): ClippedText {
  const full = neutralise(text);
  const points = Array.from(full);
  if (points.length <= max) return { text: full, full, clipped: false };
  return { text: `${points.slice(0, Math.max(1, max - 1)).join('')}…`, full, clipped: true };
}

/**
 * The URL when it is an absolute `https:` URL without credentials, else undefined. Anything
 * else (`javascript:`, `data:`, `http:`, relative paths) is never turned into a link.
 */
export function safeHttpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  if (hasInvisible(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  return url.href;
}

/** Look-alike letters folded together: digits that pass for letters, and common Cyrillic/Greek twins. */
const CONFUSABLE: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '3': 'e',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'l',
  ј: 'j',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ν: 'v',
  κ: 'k',
  ρ: 'p',
  τ: 't',
};

/**
 * A comparison key under which look-alike names collide ("Neutron", "Neutr0n", "neu\u200Btron",
 * "Nеutron" with a Cyrillic е). Two chains with one key and different consumer ids are flagged.
 */
export function nameSkeleton(name: string): string {
  const folded = stripInvisible(name).normalize('NFKC').toLowerCase();
  let out = '';
  for (const c of folded) {
    const mapped = CONFUSABLE[c] ?? c;
    if (/[\p{L}\p{N}]/u.test(mapped)) out += mapped;
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w');
}
