/**
 * Consensus addresses from consensus keys: what the chain context needs to match a validator's
 * key with its consensus address. The chain floor holds them so that src/chain never imports
 * src/staking (staking's address conversions build on these).
 */
import { IcsError } from './errors.js';
import { decodeBase64 } from './base64.js';
import { encodeAddress } from './bech32.js';
import type { Bech32Prefixes } from './bech32.js';

/**
 * The consensus address of an ed25519 consensus key (base64) for the read path: sha256 of the
 * key, first 20 bytes, under the consensus prefix (ics-protocol.md §5). The platform's SHA-256
 * (WebCrypto) keeps a hash library out of the bundle a page loads. WebCrypto exists in Node and in every secure context (https, localhost);
 * a page served over plain http from another address gets a clear error instead.
 */
export async function consensusAddressOfKey(keyBase64: string, prefixes: Bech32Prefixes): Promise<string> {
  const key = ed25519Key(keyBase64);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new IcsError(
      'invalid-input',
      "Finding a validator's consensus address needs the browser's WebCrypto, which exists only on https pages (or localhost).",
    );
  }
  return encodeAddress(prefixes.consensus, new Uint8Array(await subtle.digest('SHA-256', key)).slice(0, 20));
}

export function ed25519Key(keyBase64: string): Uint8Array<ArrayBuffer> {
  const key = decodeBase64(keyBase64);
  if (key.length !== 32) {
    throw new IcsError('invalid-input', `An ed25519 consensus key has 32 bytes; this one has ${key.length}.`);
  }
  return new Uint8Array(key);
}
