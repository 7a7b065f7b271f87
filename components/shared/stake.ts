/** Stake arithmetic the elements share, over the core's power maths. */
import type { ConsumerValidator } from '../../src/index.js';
import { stakeShare as shareOfBonded } from '../../src/power/index.js';

/** The share of provider stake securing a chain: the set's provider tokens / provider bonded tokens. */
export function stakeShare(set: readonly ConsumerValidator[], bonded: bigint): number {
  return shareOfBonded(
    set.map((v) => v.providerTokens),
    bonded,
  );
}
