/**
 * Standard, padded base64 (RFC 4648 §4), as the SDK gateway writes bytes in JSON: consensus keys,
 * and the bytes the devnet encodes.
 *
 * The platform's `atob`/`btoa` (browsers, workers and Node alike) rather than a codec library:
 * measured, a library's base64 and bech32 were about a tenth of every element's read path. `atob`
 * alone forgives spaces and a missing `=`, so the shape is checked first: what the chain did not
 * write is refused, not guessed.
 */
import { IcsError, shortenForMessage } from './errors.js';

const PADDED_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64(value: string): Uint8Array {
  if (typeof value !== 'string' || !PADDED_BASE64.test(value)) {
    throw new IcsError('invalid-input', `"${shortenForMessage(String(value))}" is not valid base64.`);
  }
  return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
}

export function encodeBase64(bytes: Uint8Array): string {
  // One char per byte, in slices: String.fromCharCode(...bytes) would overflow the call stack on large input.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
