/**
 * Normalized ICS models: camelCase, bigint for power and tokens, decimal strings for rates,
 * phases and kinds as string unions. What the elements and integrators work with.
 */
import type { BondStatus, ValidatorDescription } from '../staking/models.js';

export const CONSUMER_PHASES = ['registered', 'initialized', 'launched', 'stopped', 'deleted'] as const;
export type ConsumerPhase = (typeof CONSUMER_PHASES)[number];

/** Top-N chains are secured by the top N% of provider stake by rule; opt-in chains by volunteers. */
export type ConsumerKind = 'top-n' | 'opt-in';

export interface ConsumerMetadata {
  /** Written by whoever registered the chain: never render as HTML. */
  name: string;
  description: string;
  /** Free text, by convention JSON such as `{"forge_json_url": "...", "phase": "mainnet"}`. */
  metadata: string;
}

export interface PowerShaping {
  /** 0 on opt-in chains; N in [50, 100] on Top-N chains. */
  topN: number;
  /** Max % of consumer power for one validator; 0 = off. */
  validatorsPowerCap: number;
  /** Max number of consumer validators; 0 = none. Ignored on Top-N chains. */
  validatorSetCap: number;
  /** Provider consensus addresses allowed to validate; empty = everyone. */
  allowlist: string[];
  /** Provider consensus addresses that may not validate. */
  denylist: string[];
  /** Provider consensus addresses placed first when the set is capped. */
  prioritylist: string[];
  /** Minimum bonded tokens (base denom) to validate; 0 = off. */
  minStake: bigint;
  /** Whether validators outside the provider's active set may validate. */
  allowInactiveVals: boolean;
}

export interface SlashJailParameters {
  slashFraction: string;
  jailDurationSeconds: number;
  tombstone: boolean;
}

export interface InfractionParameters {
  doubleSign: SlashJailParameters | undefined;
  downtime: SlashJailParameters | undefined;
}

/** One consumer chain as listed by `consumer_chains/{phase}`. */
export interface ConsumerChain extends PowerShaping {
  consumerId: string;
  chainId: string;
  /** IBC client on the provider; "" before launch. */
  clientId: string;
  phase: ConsumerPhase;
  kind: ConsumerKind;
  /** Minimum provider power to be in the top N; undefined on opt-in chains. */
  minPowerInTopN: bigint | undefined;
  metadata: ConsumerMetadata;
  allowlistedRewardDenoms: string[];
  infractionParameters: InfractionParameters | undefined;
}

export interface ConsumerInitParams {
  /** When the chain launches; undefined when not set (a registered chain). */
  spawnTime: Date | undefined;
  initialHeight: { revisionNumber: bigint; revisionHeight: bigint };
  unbondingPeriodSeconds: number;
  ccvTimeoutPeriodSeconds: number;
  transferTimeoutPeriodSeconds: number;
  consumerRedistributionFraction: string;
  blocksPerDistributionTransmission: bigint;
  historicalEntries: bigint;
  distributionTransmissionChannel: string;
  connectionId: string;
  genesisHash: string;
  binaryHash: string;
}

/** One consumer chain in full, from `consumer_chain/{consumer_id}`. */
export interface ConsumerChainDetails {
  consumerId: string;
  chainId: string;
  ownerAddress: string;
  phase: ConsumerPhase;
  kind: ConsumerKind;
  metadata: ConsumerMetadata;
  initParams: ConsumerInitParams | undefined;
  powerShaping: PowerShaping;
  infractionParameters: InfractionParameters | undefined;
  clientId: string;
}

export interface ConsensusKey {
  type: 'ed25519' | 'secp256k1';
  /** base64 */
  key: string;
}

/** One validator of a consumer chain's set, from `consumer_validators/{consumer_id}`. */
export interface ConsumerValidator {
  /** Provider consensus address (`cosmosvalcons1…`). */
  providerAddress: string;
  /** Operator address on the provider (`cosmosvaloper1…`). */
  operatorAddress: string;
  /** The key used on the consumer: the assigned consumer key, else the provider key. */
  consumerKey: ConsensusKey | undefined;
  /** Power on the consumer (after the power cap). */
  consumerPower: bigint;
  /** Power on the provider (tokens / 10^6). */
  providerPower: bigint;
  providerTokens: bigint;
  consumerCommissionRate: string;
  providerCommissionRate: string;
  description: ValidatorDescription;
  jailed: boolean;
  status: BondStatus;
  /** In the set now, or would be if the epoch ended now. */
  validatesCurrentEpoch: boolean;
}

export interface ProviderParams {
  blocksPerEpoch: number;
  maxProviderConsensusValidators: number;
  numberOfEpochsToStartReceivingRewards: number;
  trustingPeriodFraction: string;
  ccvTimeoutPeriodSeconds: number;
  slashMeterReplenishPeriodSeconds: number;
  slashMeterReplenishFraction: string;
  consumerRewardDenomRegistrationFee: { denom: string; amount: bigint };
}

export interface AddressPair {
  providerAddress: string;
  consumerAddress: string;
  consumerKey: ConsensusKey | undefined;
}

export interface ThrottleState {
  slashMeter: bigint;
  slashMeterAllowance: bigint;
  nextReplenishCandidate: Date | undefined;
}
