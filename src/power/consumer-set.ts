/**
 * Which provider validators validate a consumer chain after the next epoch end, and with what
 * power: the provider module's `ComputeConsumerNextValSet` as a pure function (ics-protocol.md §5).
 *
 * 1. bonded validators sorted by bonded tokens, descending;
 * 2. unless `allowInactiveVals`, only the first `maxProviderConsensusValidators`;
 * 3. kept if opted in (or, on a Top-N chain, power ≥ min power in top N), allowlisted (or no
 *    allowlist), not denylisted, and bonded tokens ≥ `minStake`;
 * 4. priority-listed validators first; 5. `validatorSetCap` (opt-in chains only);
 * 6. `validatorsPowerCap`.
 *
 * The devnet runs this at every epoch end; elements use `excluded` to explain a set.
 */
import { capPowers } from './power-cap.js';
import { minPowerInTopN } from './top-n.js';

export interface ProviderValidatorState {
  /** Provider consensus address (`cosmosvalcons1…`). */
  consensusAddress: string;
  /** Bonded tokens in the base denom. */
  tokens: bigint;
  /** Staking's last validator power (tokens / power reduction). */
  power: bigint;
  /** Status BONDED on the provider (jailed validators are not). */
  bonded: boolean;
}

export interface PowerShaping {
  /** 0 for an opt-in chain; N in [50, 100] for a Top-N chain. */
  topN: number;
  validatorsPowerCap: number;
  validatorSetCap: number;
  allowlist: readonly string[];
  denylist: readonly string[];
  prioritylist: readonly string[];
  minStake: bigint;
  allowInactiveVals: boolean;
}

/** No shaping: an opt-in chain with no caps, lists or minimum stake (a chain that sends no power-shaping params). */
export const NO_POWER_SHAPING: PowerShaping = Object.freeze({
  topN: 0,
  validatorsPowerCap: 0,
  validatorSetCap: 0,
  allowlist: [],
  denylist: [],
  prioritylist: [],
  minStake: 0n,
  allowInactiveVals: false,
});

export type ExclusionReason = 'not-bonded' | 'inactive' | 'not-opted-in' | 'not-allowlisted' | 'denylisted' | 'below-min-stake' | 'set-cap';

export interface ConsumerSetMember {
  consensusAddress: string;
  /** Power on the consumer, after the power cap. */
  power: bigint;
  /** Power on the provider, before the cap. */
  providerPower: bigint;
  /** True when this validator was in the top N% and so opted in automatically. */
  inTopN: boolean;
}

export interface ConsumerSetResult {
  /** The new set, ordered as the module orders it before storing (priority, then power). */
  members: ConsumerSetMember[];
  /** Why each provider validator not in `members` was left out. */
  excluded: Map<string, ExclusionReason>;
  /** Min power in the top N for Top-N chains (on the active set); undefined for opt-in chains. */
  minPowerInTopN: bigint | undefined;
  /** Validators that the Top-N rule opts in at this epoch end (power ≥ min, active). */
  autoOptedIn: string[];
}

export interface ConsumerSetInput {
  validators: readonly ProviderValidatorState[];
  shaping: PowerShaping;
  /** Consensus addresses opted in to this chain (before the Top-N auto opt-in). */
  optedIn: ReadonlySet<string>;
  maxProviderConsensusValidators: number;
}

/** Bonded validators, sorted by tokens descending (ties by address, for determinism). */
export function sortBonded(validators: readonly ProviderValidatorState[]): ProviderValidatorState[] {
  return validators
    .filter((v) => v.bonded)
    .sort((a, b) => (a.tokens === b.tokens ? a.consensusAddress.localeCompare(b.consensusAddress) : a.tokens > b.tokens ? -1 : 1));
}

/** The provider's active (consensus) validators: the first `max` bonded by tokens. */
export function activeValidators(validators: readonly ProviderValidatorState[], maxProviderConsensusValidators: number): ProviderValidatorState[] {
  return sortBonded(validators).slice(0, maxProviderConsensusValidators);
}

export function computeConsumerSet(input: ConsumerSetInput): ConsumerSetResult {
  const { shaping, maxProviderConsensusValidators } = input;
  const bonded = sortBonded(input.validators);
  const active = bonded.slice(0, maxProviderConsensusValidators);
  const excluded = new Map<string, ExclusionReason>();
  for (const v of input.validators) if (!v.bonded) excluded.set(v.consensusAddress, 'not-bonded');

  let minPower: bigint | undefined;
  const autoOptedIn: string[] = [];
  if (shaping.topN > 0) {
    minPower = minPowerInTopN(
      active.map((v) => v.power),
      shaping.topN,
    );
    if (minPower !== undefined) {
      for (const v of active) if (v.power >= minPower) autoOptedIn.push(v.consensusAddress);
    }
  }
  const optedIn = new Set([...input.optedIn, ...autoOptedIn]);
  const inTopN = new Set(autoOptedIn);

  const candidates = shaping.allowInactiveVals ? bonded : active;
  if (!shaping.allowInactiveVals) {
    for (const v of bonded.slice(maxProviderConsensusValidators)) excluded.set(v.consensusAddress, 'inactive');
  }

  const allow = new Set(shaping.allowlist);
  const deny = new Set(shaping.denylist);
  const eligible: ProviderValidatorState[] = [];
  for (const v of candidates) {
    const reason = exclusionReason(v, shaping, optedIn, allow, deny, minPower);
    if (reason) excluded.set(v.consensusAddress, reason);
    else eligible.push(v);
  }

  const priority = new Set(shaping.prioritylist);
  const ordered = [...eligible.filter((v) => priority.has(v.consensusAddress)), ...eligible.filter((v) => !priority.has(v.consensusAddress))];

  let capped = ordered;
  if (shaping.topN === 0 && shaping.validatorSetCap > 0 && ordered.length > shaping.validatorSetCap) {
    capped = ordered.slice(0, shaping.validatorSetCap);
    for (const v of ordered.slice(shaping.validatorSetCap)) excluded.set(v.consensusAddress, 'set-cap');
  }

  const members = capped.map((v) => ({
    consensusAddress: v.consensusAddress,
    power: v.power,
    providerPower: v.power,
    inTopN: inTopN.has(v.consensusAddress),
  }));
  return {
    members: shaping.validatorsPowerCap > 0 ? capPowers(members, shaping.validatorsPowerCap) : members,
    excluded,
    minPowerInTopN: minPower,
    autoOptedIn,
  };
}

function exclusionReason(
  v: ProviderValidatorState,
  shaping: PowerShaping,
  optedIn: ReadonlySet<string>,
  allow: ReadonlySet<string>,
  deny: ReadonlySet<string>,
  minPower: bigint | undefined,
): ExclusionReason | undefined {
  const canValidate = optedIn.has(v.consensusAddress) || (shaping.topN > 0 && minPower !== undefined && v.power >= minPower);
  if (!canValidate) return 'not-opted-in';
  if (allow.size > 0 && !allow.has(v.consensusAddress)) return 'not-allowlisted';
  if (deny.has(v.consensusAddress)) return 'denylisted';
  if (shaping.minStake > 0n && v.tokens < shaping.minStake) return 'below-min-stake';
  return undefined;
}

/**
 * Why an opted-in validator is left out of the set, as the module's set computation decides it:
 * not bonded on the provider (jailed, or outside staking's max validators); bonded but outside the
 * provider's `max_provider_consensus_validators` on a chain that does not allow inactive
 * validators; not on the allowlist; on the denylist; below the minimum stake; or past the set cap.
 */
export type LeftOutReason = Exclude<ExclusionReason, 'not-opted-in'>;

/**
 * Why the set the next epoch end computes leaves this validator out, when it is opted in (or
 * made to validate by the Top-N rule); undefined when the set takes it, or it is not opted in.
 */
export function whyLeftOut(input: ConsumerSetInput, consensusAddress: string): LeftOutReason | undefined {
  const reason = computeConsumerSet(input).excluded.get(consensusAddress);
  return reason === 'not-opted-in' ? undefined : reason;
}
