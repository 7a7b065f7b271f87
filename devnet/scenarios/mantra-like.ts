/**
 * A provider shaped like MANTRA Chain (v8 wires the ICS v7 provider): account prefix `mantra`,
 * staking denom `uom` with bank denom metadata for `OM` (exponent 6), and ICS's default epoch of
 * 600 blocks. The validators, consumers and test operators are the default scenario's, their
 * addresses re-encoded with the `mantra` prefix (the same bytes, so the same test keys sign).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeAddress, encodeAddress } from '../../src/chain/bech32.js';
import type { Scenario } from '../scenario.js';

const DEFAULT_PATH = fileURLToPath(new URL('./default.json', import.meta.url));

/** MANTRA's account prefix, staking denom and display unit. */
export const MANTRA_LIKE = {
  chainId: 'mantra-devnet-1',
  bech32Prefix: 'mantra',
  denom: 'uom',
  displayDenom: 'OM',
  displayExponent: 6,
  /** ICS's default `blocks_per_epoch`, which the MANTRA provider keeps (about an hour of blocks). */
  blocksPerEpoch: 600,
} as const;

/** Re-encodes every `cosmos…1` bech32 string of the default scenario with the `mantra` prefix. */
function rePrefix(value: unknown): unknown {
  if (typeof value === 'string' && /^cosmos(valoper|valcons)?1[02-9ac-hj-np-z]{38,}$/.test(value)) {
    const { prefix, bytes } = decodeAddress(value);
    return encodeAddress(prefix.replace(/^cosmos/, MANTRA_LIKE.bech32Prefix), bytes);
  }
  if (Array.isArray(value)) return value.map(rePrefix);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rePrefix(v)]));
  }
  return value;
}

export function mantraLikeScenario(): Scenario {
  const base = rePrefix(JSON.parse(readFileSync(DEFAULT_PATH, 'utf8'))) as Scenario;
  return {
    ...base,
    chainId: MANTRA_LIKE.chainId,
    seed: 'ics-elements/mantra-like',
    bech32Prefix: MANTRA_LIKE.bech32Prefix,
    denom: MANTRA_LIKE.denom,
    denomMetadata: {
      display: 'om',
      exponent: MANTRA_LIKE.displayExponent,
      symbol: MANTRA_LIKE.displayDenom,
      name: 'OM',
      description: 'The native token of MANTRA Chain.',
    },
    params: { ...base.params, blocksPerEpoch: MANTRA_LIKE.blocksPerEpoch },
  };
}
