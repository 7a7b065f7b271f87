/**
 * The Top-N threshold as the provider module computes it (`ComputeMinPowerInTopN`): sort the
 * active validators' powers descending and add them up until the running sum is at least N% of
 * the total; the power reached there is `min_power_in_top_N`. The comparison is done in
 * LegacyDec, as on chain.
 */
import { legacyQuo, percentAsDec } from './legacy-dec.js';
import { sortDescending, sumPowers } from './shares.js';

/**
 * @param activePowers powers of the provider's active (consensus) validators
 * @param topN N in (0, 100]
 * @returns the minimum power a validator needs to be in the top N%; undefined for an empty set
 */
export function minPowerInTopN(activePowers: readonly bigint[], topN: number): bigint | undefined {
  if (!Number.isInteger(topN) || topN <= 0 || topN > 100) {
    throw new RangeError(`topN must be an integer in (0, 100], got ${topN}`);
  }
  const sorted = sortDescending(activePowers);
  const total = sumPowers(sorted);
  if (total === 0n) return undefined;
  const threshold = percentAsDec(topN);
  let running = 0n;
  for (const power of sorted) {
    running += power;
    if (legacyQuo(running, total) >= threshold) return power;
  }
  // Unreachable for topN <= 100: the full sum is 100%.
  return sorted[sorted.length - 1];
}

/** How many of the given validators are at or above `minPower` (the ones that must validate). */
export function countInTopN(activePowers: readonly bigint[], minPower: bigint): number {
  return activePowers.filter((p) => p >= minPower).length;
}
