/**
 * Address checks and orderings as the keepers do them. Stores iterate by key bytes, and the
 * bech32 alphabet is not in value order, so sorting the bech32 text would not give the order a
 * node answers in: compare the decoded bytes.
 */
import { decodeAddress } from '../src/chain/bech32.js';

const hexCache = new Map<string, string>();

function bytesHex(address: string): string {
  let hex = hexCache.get(address);
  if (hex === undefined) {
    try {
      hex = Buffer.from(decodeAddress(address).bytes).toString('hex');
    } catch {
      // Not bech32 (scenarios may name anything in an allowlist): after every real address.
      hex = `~${address}`;
    }
    if (hexCache.size > 100_000) hexCache.clear();
    hexCache.set(address, hex);
  }
  return hex;
}

/** Ascending by the address bytes (equal-length addresses, so byte order is hex order). */
export function compareAddressBytes(a: string, b: string): number {
  const x = bytesHex(a);
  const y = bytesHex(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `address` is valid bech32 with exactly this prefix (as `sdk.*AddressFromBech32` checks). */
export function hasPrefix(address: string, prefix: string): boolean {
  try {
    const decoded = decodeAddress(address);
    return decoded.prefix === prefix && decoded.bytes.length > 0;
  } catch {
    return false;
  }
}
