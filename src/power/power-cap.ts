/**
 * The validators' power cap (`validators_power_cap`), as the provider module applies it
 * (`NoMoreThanPercentOfTheSum`): no validator above floor(sum × percent / 100); what is cut
 * from the large ones is spread over the smaller ones, largest first, so the sum stays the same.
 * Best effort: with n validators and a cap below 100/n % no exact solution exists, and every
 * validator ends at the cap.
 */

export interface Powered {
  power: bigint;
}

/**
 * Returns new objects with capped `power`, sorted by original power descending (ties keep
 * input order; the chain's unstable sort may order equal powers differently, which can move a
 * unit of power between two equally weighted validators).
 */
export function capPowers<T extends Powered>(validators: readonly T[], percent: number): T[] {
  if (percent <= 0 || validators.length === 0) return validators.map((v) => ({ ...v }));
  if (percent > 100) throw new RangeError(`percent must be at most 100, got ${percent}`);
  const sorted = [...validators].sort((a, b) => (a.power === b.power ? 0 : a.power > b.power ? -1 : 1));
  let sum = 0n;
  for (const v of sorted) sum += v.power;
  let maxPower = (sum * BigInt(percent)) / 100n;
  // The chain never sets a power to 0 through the cap.
  if (maxPower === 0n) maxPower = 1n;

  let remainingPower = 0n;
  let belowCap = 0n;
  for (const v of sorted) {
    if (v.power >= maxPower) remainingPower += v.power - maxPower;
    else belowCap++;
  }
  let perValidator = belowCap === 0n ? 0n : remainingPower / belowCap;
  return sorted.map((v) => {
    let power: bigint;
    if (v.power >= maxPower) {
      power = maxPower;
    } else if (v.power + perValidator >= maxPower) {
      power = maxPower;
      remainingPower -= maxPower - v.power;
      belowCap--;
    } else {
      power = v.power + perValidator;
      remainingPower -= perValidator;
      belowCap--;
    }
    if (belowCap !== 0n) perValidator = remainingPower / belowCap;
    return { ...v, power };
  });
}
