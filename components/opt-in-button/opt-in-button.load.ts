/**
 * The reads behind `<ics-opt-in-button>`: the chain (phase, kind, Top-N threshold), the
 * validator (power), whether it opted in, whether it is in the chain's set, whether it has to
 * validate from the next epoch, and the blocks until that epoch. Plain async code, no DOM.
 */
import { canOptOut as optOutAllowed, consensusPower, isActivePhase, isInTopN, validatorStanding } from '../../src/index.js';
import type { ChainContext, ConsumerChainDetails, ReadOptions, ValidatorIdentity } from '../../src/index.js';
import * as queries from '../../src/queries.js';
import { oneConsumerChain, topNThreshold } from '../shared/one-chain.js';

export interface OptInData {
  chain: ConsumerChainDetails;
  /** The Top-N chain's power threshold (`min_power_in_top_N`); undefined for opt-in chains. */
  minPowerInTopN: bigint | undefined;
  identity: ValidatorIdentity;
  /** Last validator power (tokens / 10^6 while bonded, 0 otherwise): what the Top-N rule compares. */
  power: bigint;
  optedIn: boolean;
  /** In the consumer validator set of the last epoch. */
  inSet: boolean;
  /** Would be in the set if the epoch ended now (the module's `hasToValidate`). */
  mustValidate: boolean;
  blocksUntilEpoch: number;
}

export async function loadOptIn(client: ChainContext, consumerId: string, validator: string, options: ReadOptions): Promise<OptInData> {
  const [identity, chain] = await Promise.all([queries.resolveValidator(client, validator, options), oneConsumerChain(client, consumerId, options)]);
  const active = isActivePhase(chain.phase);
  const [staked, minPowerInTopN, optedIn, set, required, blocksUntilEpoch] = await Promise.all([
    queries.validator(client, identity.operatorAddress, options),
    active ? topNThreshold(client, chain, options) : Promise.resolve(undefined),
    active ? queries.optedInValidators(client, consumerId, options) : Promise.resolve([]),
    active ? queries.consumerValidators(client, consumerId, options) : Promise.resolve([]),
    queries.consumerChainsOfValidator(client, identity.consensusAddress, options),
    queries.blocksUntilNextEpoch(client, options),
  ]);
  return {
    chain,
    minPowerInTopN,
    identity,
    power: consensusPower(staked.tokens, staked.status === 'bonded'),
    optedIn: optedIn.includes(identity.consensusAddress),
    inSet: set.some((v) => v.providerAddress === identity.consensusAddress),
    mustValidate: required.includes(consumerId),
    blocksUntilEpoch,
  };
}

/**
 * Where the validator stands on the chain, as the button explains it: the core's
 * `ValidatorStanding`, with what the button adds around it (these names are its CSS states).
 */
export type Standing =
  /** The chain is stopped or deleted: nothing to do. */
  | 'wrong-phase'
  /** Top-N and its power is at or above the threshold: it must validate, opt-out is refused. */
  | 'must-validate'
  /** Opted in and in the set. */
  | 'active'
  /** Opted in; joins the set at the next epoch. */
  | 'next-epoch'
  /** Opted in, but the chain's caps, lists or minimum stake leave it out of the set. */
  | 'opted-in'
  /** Opted out; still in the set until the epoch ends. */
  | 'opt-out-pending'
  /** Not opted in: can opt in. */
  | 'not-opted-in';

export function standingOf(data: OptInData): Standing {
  const { chain } = data;
  if (!isActivePhase(chain.phase)) return 'wrong-phase';
  // In the top N the button says "must validate" even when in the set: that is why it offers no opt-out.
  if (isInTopN(thresholdOf(data), data.power)) return 'must-validate';
  switch (validatorStanding({ inSet: data.inSet, optedIn: data.optedIn, hasToValidate: data.mustValidate })) {
    case 'in-set':
      return data.optedIn ? 'active' : 'opt-out-pending';
    case 'next-epoch':
      return 'next-epoch';
    case 'must-validate':
      return 'must-validate';
    case 'left-out':
      return 'opted-in';
    case 'not-opted-in':
      return 'not-opted-in';
  }
}

/** Opt-out is offered to an opted-in validator when the module would take it (launched, not in the top N). */
export function canOptOut(data: OptInData, standing: Standing): boolean {
  const optedIn = standing === 'active' || standing === 'next-epoch' || standing === 'opted-in';
  return optedIn && optOutAllowed({ phase: data.chain.phase, minPowerInTopN: thresholdOf(data) }, data.power);
}

/** The Top-N threshold; undefined on an opt-in chain. */
function thresholdOf(data: OptInData): bigint | undefined {
  return data.chain.kind === 'top-n' ? data.minPowerInTopN : undefined;
}
