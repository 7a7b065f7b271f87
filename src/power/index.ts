/** Pure power maths: totals, shares, stake share, cumulative curve, Nakamoto coefficient, Top-N threshold, caps. */
export { cumulativeCurve, nakamotoCoefficient, ratio, shares, sortDescending, stakeShare, sumPowers } from './shares.js';
export type { CumulativePoint } from './shares.js';
export { countInTopN, minPowerInTopN } from './top-n.js';
export { capPowers } from './power-cap.js';
export type { Powered } from './power-cap.js';
export { NO_POWER_SHAPING, activeValidators, computeConsumerSet, sortBonded, whyLeftOut } from './consumer-set.js';
export type {
  ConsumerSetInput,
  ConsumerSetMember,
  ConsumerSetResult,
  ExclusionReason,
  LeftOutReason,
  PowerShaping,
  ProviderValidatorState,
} from './consumer-set.js';
export { formatDec, legacyQuo, parseDec } from './legacy-dec.js';
