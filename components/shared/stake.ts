/** Stake arithmetic the elements share. */
import type { ConsumerValidator } from '../../src/index.js';
import { ratio } from '../../src/power/index.js';

/** The share of provider stake securing a chain: the set's provider tokens / provider bonded tokens. */
export function stakeShare(set: readonly ConsumerValidator[], bonded: bigint): number {
  let sum = 0n;
  for (const v of set) sum += v.providerTokens;
  return ratio(sum, bonded);
}
