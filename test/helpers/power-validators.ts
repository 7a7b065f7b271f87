// The provider validators the consumer-set rules are worked out on by hand, in the power tests and
// the chain rules tests alike: powers 40, 30, 15, 10 and 5 (total 100; tokens in uatom), and
// valcons6, not bonded (jailed), with the most tokens.
import { NO_POWER_SHAPING } from '../../src/power/index.js';
import type { PowerShaping, ProviderValidatorState } from '../../src/power/index.js';

function validator(i: number, tokens: bigint, bonded = true): ProviderValidatorState {
  return { consensusAddress: `valcons${i}`, tokens, power: tokens / 1_000_000n, bonded };
}

export const HAND_WORKED_VALIDATORS: readonly ProviderValidatorState[] = [
  validator(1, 40_000_000n),
  validator(2, 30_000_000n),
  validator(3, 15_000_000n),
  validator(4, 10_000_000n),
  validator(5, 5_000_000n),
  validator(6, 50_000_000n, false),
];

/** No power shaping but the parameters given. */
export function shaping(over: Partial<PowerShaping> = {}): PowerShaping {
  return { ...NO_POWER_SHAPING, ...over };
}
