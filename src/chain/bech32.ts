/**
 * Bech32 addresses (BIP-173) and a chain's three prefixes (`cosmos`, `cosmosvaloper`,
 * `cosmosvalcons`). Here in src/chain, below staking and ICS, because the chain settings read and
 * check the prefix (config.ts, chain-params.ts); what the addresses mean for validators (kinds,
 * conversions, consensus addresses) is src/staking/address.ts.
 *
 * The codec is written here, about forty lines of BIP-173, because the libraries weigh more than
 * their use: cosmjs's encoding pulls its CommonJS barrels into the read path, and @scure/base's
 * module (every base it has) was the largest single module of an element's bundle (11.6 KB
 * minified). test/core/staking/address.test.ts checks it against cosmjs's bech32, BIP-173's own
 * test vectors included.
 */
import { IcsError, shortenForMessage } from './errors.js';

/** Bech32 prefixes of one chain. `cosmos` gives cosmos / cosmosvaloper / cosmosvalcons. */
export interface Bech32Prefixes {
  account: string;
  validator: string;
  consensus: string;
}

export function prefixesFor(accountPrefix: string): Bech32Prefixes {
  return {
    account: accountPrefix,
    validator: `${accountPrefix}valoper`,
    consensus: `${accountPrefix}valcons`,
  };
}

/** Cosmos addresses are short; 90 is the BIP-173 limit, which they all fit in. */
const BECH32_LIMIT = 90;
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** A bech32 prefix (human-readable part): printable US-ASCII, no space (BIP-173). */
const PREFIX_CHARS = /^[\x21-\x7e]+$/;
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

export interface DecodedAddress {
  prefix: string;
  bytes: Uint8Array;
}

/** BIP-173's checksum over the prefix (high bits, a zero, low bits) and the 5-bit words. */
function polymod(prefix: string, words: readonly number[]): number {
  const values = [...[...prefix].map((c) => c.charCodeAt(0) >> 5), 0, ...[...prefix].map((c) => c.charCodeAt(0) & 31), ...words];
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= GENERATOR[i]!;
  }
  return checksum;
}

/** Regroups bits (8 → 5 with padding to encode, 5 → 8 refusing non-zero padding to decode). */
function regroup(values: ArrayLike<number>, from: number, to: number, pad: boolean): number[] {
  const out: number[] = [];
  const max = (1 << to) - 1;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < values.length; i++) {
    buffer = ((buffer << from) | values[i]!) & 0xffffff;
    bits += from;
    for (; bits >= to; bits -= to) out.push((buffer >> (bits - to)) & max);
  }
  if (pad && bits > 0) out.push((buffer << (to - bits)) & max);
  else if (!pad && (bits >= from || (buffer << (to - bits)) & max)) throw new Error('non-zero padding');
  return out;
}

/** Decodes any bech32 address, or throws `IcsError('invalid-input')` naming what is wrong. */
export function decodeAddress(address: string): DecodedAddress {
  if (typeof address !== 'string' || address.trim() === '') {
    throw new IcsError('invalid-input', 'An address is required.');
  }
  const lower = address.toLowerCase();
  const split = lower.lastIndexOf('1');
  const words = [...lower.slice(split + 1)].map((c) => CHARSET.indexOf(c));
  const prefix = lower.slice(0, split);
  const wellFormed =
    address.length <= BECH32_LIMIT &&
    (address === lower || address === address.toUpperCase()) &&
    split >= 1 &&
    words.length >= 6 &&
    PREFIX_CHARS.test(prefix) &&
    !words.includes(-1) &&
    polymod(prefix, words) === 1;
  try {
    if (!wellFormed) throw new Error('bad characters, case, length or checksum');
    return { prefix, bytes: Uint8Array.from(regroup(words.slice(0, -6), 5, 8, false)) };
  } catch (cause) {
    throw new IcsError('invalid-input', `"${shortenForMessage(address)}" is not a valid bech32 address (bad characters or checksum).`, { cause });
  }
}

export function encodeAddress(prefix: string, bytes: Uint8Array): string {
  const words = regroup(bytes, 8, 5, true);
  if (!PREFIX_CHARS.test(prefix) || prefix !== prefix.toLowerCase() || prefix.length + 7 + words.length > BECH32_LIMIT) {
    throw new IcsError('invalid-input', `"${shortenForMessage(prefix)}" and ${bytes.length} bytes do not make a bech32 address.`);
  }
  const checksum = polymod(prefix, [...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const all = [...words, ...[25, 20, 15, 10, 5, 0].map((shift) => (checksum >>> shift) & 31)];
  return `${prefix}1${all.map((word) => CHARSET[word]).join('')}`;
}
