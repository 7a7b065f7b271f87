/**
 * The provider module's rules about consumer chains and the validators on them, written once:
 * phases, consumer ids, consensus power, where a validator stands, and who may opt out. The
 * elements, the signing pre-checks and the devnet all ask here. Plain inputs, no I/O.
 */
import type { ConsumerPhase } from './models.js';

/**
 * The phases in which a chain has (or computes) a validator set: the module's "active" chains,
 * where a validator can opt in and the consumer-id routes answer.
 */
export const ACTIVE_PHASES: readonly ConsumerPhase[] = ['registered', 'initialized', 'launched'];

export function isActivePhase(phase: ConsumerPhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}

const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * A consumer id as the module reads it (a uint64 in decimal, `strconv.ParseUint(id, 10, 64)`):
 * its canonical text ("007" is "7"), or undefined when it is not one.
 */
export function parseConsumerId(text: string): string | undefined {
  const trimmed = text.trim();
  // Leading zeros are allowed, as ParseUint allows them; the length cap only keeps BigInt() cheap.
  if (!/^\d{1,64}$/.test(trimmed)) return undefined;
  const id = BigInt(trimmed);
  return id <= MAX_UINT64 ? id.toString() : undefined;
}

// ---- consensus power ---------------------------------------------------------------------------

/**
 * x/staking's `DefaultPowerReduction`: 10^6 base units make one unit of consensus power. A chain
 * built with another reduction publishes it nowhere a query can read, so a caller that knows
 * better passes its own.
 */
export const DEFAULT_POWER_REDUCTION = 10n ** 6n;

/** x/staking's `TokensToConsensusPower`: tokens / power reduction, the remainder dropped. */
export function tokensToConsensusPower(tokens: bigint, powerReduction: bigint = DEFAULT_POWER_REDUCTION): bigint {
  return tokens / powerReduction;
}

/**
 * A validator's consensus power (`Validator.ConsensusPower`, what staking stores as its last
 * power and the provider compares with the Top-N threshold): its tokens' power while bonded, 0
 * otherwise.
 */
export function consensusPower(tokens: bigint, bonded: boolean, powerReduction: bigint = DEFAULT_POWER_REDUCTION): bigint {
  return bonded ? tokensToConsensusPower(tokens, powerReduction) : 0n;
}

// ---- where a validator stands on a chain -------------------------------------------------------

/**
 * Where a validator stands on one active consumer chain: the one vocabulary the elements, the
 * signing code and the devnet share. An element may show more (a phase, a pending opt-out) from
 * the same facts, but these are its steps.
 */
export type ValidatorStanding =
  /** In the chain's validator set (for a chain not launched yet: in the set it would launch with). */
  | 'in-set'
  /** Opted in and in the set the next epoch end computes: validates from the next epoch. */
  | 'next-epoch'
  /** Not opted in, but the Top-N rule puts it in the set from the next epoch. */
  | 'must-validate'
  /** Opted in, but the chain's power shaping or the provider's active set leaves it out (see `LeftOutReason`). */
  | 'left-out'
  | 'not-opted-in';

/** What decides the standing: three answers the provider's queries give. */
export interface StandingFacts {
  /** In the set `QueryConsumerValidators` answers (launched: as of the last epoch end). */
  inSet: boolean;
  /** Opted in now (`QueryConsumerChainOptedInValidators` shows an opt-in at once). */
  optedIn: boolean;
  /**
   * The module's `hasToValidate` (the chain is among `consumer_chains_per_validator`): in the
   * set, or in the set the epoch end would compute now.
   */
  hasToValidate: boolean;
}

export function validatorStanding(facts: StandingFacts): ValidatorStanding {
  if (facts.inSet) return 'in-set';
  if (facts.hasToValidate) return facts.optedIn ? 'next-epoch' : 'must-validate';
  return facts.optedIn ? 'left-out' : 'not-opted-in';
}

// Why an opted-in validator is left out of the set (\`whyLeftOut\`, \`LeftOutReason\`) is the set
// computation's answer, so it lives beside it in src/power (\`ics-elements/power\`): keeping it here
// would carry the whole set computation into every page that reads a consumer id or a phase.

// ---- the Top-N rule and opting out -------------------------------------------------------------

/** The chain facts the opt-out rule reads. */
export interface OptOutChain {
  phase: ConsumerPhase;
  /** The Top-N threshold (`min_power_in_top_N`); undefined on an opt-in chain. */
  minPowerInTopN: bigint | undefined;
}

/**
 * On a Top-N chain, a validator whose consensus power is at least the threshold is in the top N:
 * it is opted in at the epoch end and may not opt out.
 */
export function isInTopN(minPowerInTopN: bigint | undefined, power: bigint): boolean {
  return minPowerInTopN !== undefined && minPowerInTopN >= 0n && power >= minPowerInTopN;
}

/** Why `MsgOptOut` is refused: the chain has not launched, or the validator is in its top N. */
export type OptOutRefusal = 'not-launched' | 'top-n';

/**
 * The v7 module's `HandleOptOut` checks: the chain must be launched, and on a Top-N chain the
 * validator's consensus power must be below the threshold (ics-protocol.md §4.2).
 */
export function optOutRefusal(chain: OptOutChain, power: bigint): OptOutRefusal | undefined {
  if (chain.phase !== 'launched') return 'not-launched';
  if (isInTopN(chain.minPowerInTopN, power)) return 'top-n';
  return undefined;
}

export function canOptOut(chain: OptOutChain, power: bigint): boolean {
  return optOutRefusal(chain, power) === undefined;
}
