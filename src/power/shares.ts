/**
 * Shares of voting power, the cumulative curve and the Nakamoto coefficient. All inputs are
 * integer powers (bigint, as the chain keeps them); sums stay exact, and only the final
 * fractions become `number`s for display.
 */

/** The total power of a set (or the total of any integer amounts, such as tokens). */
export function sumPowers(powers: readonly bigint[]): bigint {
  let total = 0n;
  for (const p of powers) total += p;
  return total;
}

/**
 * The share of the provider's stake securing a chain: its set's bonded tokens on the provider /
 * the provider's bonded tokens. 0 when nothing is bonded.
 */
export function stakeShare(setTokens: readonly bigint[], bondedTokens: bigint): number {
  return ratio(sumPowers(setTokens), bondedTokens);
}

/** Each power as a fraction of the total, in input order. An empty or all-zero set gives zeros. */
export function shares(powers: readonly bigint[]): number[] {
  const total = sumPowers(powers);
  return powers.map((p) => ratio(p, total));
}

/** `part / total` as a number, exact to double precision even for totals above 2^53. */
export function ratio(part: bigint, total: bigint): number {
  if (total === 0n) return 0;
  // Scale to 15 significant digits in integers before the one float division.
  const SCALE = 10n ** 15n;
  return Number((part * SCALE) / total) / Number(SCALE);
}

export interface CumulativePoint {
  /** 1-based rank after sorting by power, descending. */
  rank: number;
  power: bigint;
  share: number;
  /** Share of the total held by this validator and all ranked above it. */
  cumulative: number;
}

/** The cumulative share curve, largest first. The last point's `cumulative` is 1 (or 0 when empty). */
export function cumulativeCurve(powers: readonly bigint[]): CumulativePoint[] {
  const sorted = sortDescending(powers);
  const total = sumPowers(sorted);
  let running = 0n;
  return sorted.map((power, i) => {
    running += power;
    return { rank: i + 1, power, share: ratio(power, total), cumulative: ratio(running, total) };
  });
}

/**
 * The fewest validators whose combined power is strictly more than `numerator/denominator` of
 * the total: by default more than 1/3, the smallest group that can halt a CometBFT chain.
 * Returns 0 for an empty or all-zero set.
 */
export function nakamotoCoefficient(powers: readonly bigint[], numerator = 1n, denominator = 3n): number {
  const sorted = sortDescending(powers);
  const total = sumPowers(sorted);
  if (total === 0n) return 0;
  let running = 0n;
  for (let i = 0; i < sorted.length; i++) {
    running += sorted[i]!;
    if (running * denominator > total * numerator) return i + 1;
  }
  return sorted.length;
}

export function sortDescending(powers: readonly bigint[]): bigint[] {
  return [...powers].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1));
}
