/**
 * JSON as the chain writes the legacy amino sign doc: x/tx's aminojson encoder sorts the document
 * by running it through Go's `json.Unmarshal` and `json.Marshal`, so the bytes are Go's
 * encoding/json with its defaults: object keys sorted by their UTF-8 bytes, no spaces, and strings
 * escaped as Go escapes them: `"` and `\`, `\b \f \n \r \t`, other control characters as `\u00XX`,
 * `&`, `<`, `>` as `\u0026 \u003c \u003e` (HTML escaping, on by default), U+2028 and U+2029 as
 * `\u2028 \u2029` (always), and ill-formed text (a lone surrogate) as `\ufffd`.
 *
 * Written here rather than taken from cosmjs's `serializeSignDoc`, which leaves U+2028 and U+2029
 * as they are: the devnet checks a wallet's bytes against the chain's, not against cosmjs's.
 */

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function goString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (SHORT[ch] !== undefined) out += SHORT[ch];
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) out += hex4(code);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += ch + text[i + 1]!;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

const utf8 = new TextEncoder();

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(utf8.encode(a), utf8.encode(b));
}

/** `value` written as Go's `json.Marshal` writes the same value read into `interface{}`. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // The sign doc holds no numbers (int64s are strings); integers are written as Go writes a float64 that is one.
    if (!Number.isSafeInteger(value)) throw new Error(`goJson: only whole numbers, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareUtf8(a, b));
    return `{${entries.map(([k, v]) => `${goString(k)}:${goJson(v)}`).join(',')}}`;
  }
  throw new Error(`goJson: cannot write a ${typeof value}`);
}
