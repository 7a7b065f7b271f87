/**
 * Bech32 addresses and a chain's three prefixes (`cosmos`, `cosmosvaloper`, `cosmosvalcons`).
 * Here in src/chain, below staking and ICS, because the chain settings read and check the
 * prefix (config.ts, chain-params.ts); what the addresses mean for validators (kinds,
 * conversions, consensus addresses) is src/staking/address.ts.
 *
 * Plain bech32 from @scure/base: a few KB, where cosmjs's encoding would pull its CommonJS
 * barrels into the read path.
 */
import { bech32 } from '@scure/base';
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

export interface DecodedAddress {
  prefix: string;
  bytes: Uint8Array;
}

/** Decodes any bech32 address, or throws `IcsError('invalid-input')` naming what is wrong. */
export function decodeAddress(address: string): DecodedAddress {
  if (typeof address !== 'string' || address.trim() === '') {
    throw new IcsError('invalid-input', 'An address is required.');
  }
  try {
    const { prefix, words } = bech32.decode(address as `${string}1${string}`, BECH32_LIMIT);
    return { prefix, bytes: bech32.fromWords(words) };
  } catch (cause) {
    throw new IcsError('invalid-input', `"${shortenForMessage(address)}" is not a valid bech32 address (bad characters or checksum).`, { cause });
  }
}

export function encodeAddress(prefix: string, bytes: Uint8Array): string {
  return bech32.encode(prefix, bech32.toWords(bytes), BECH32_LIMIT);
}
