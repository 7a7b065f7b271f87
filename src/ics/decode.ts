/** Decoders from the REST JSON of the ICS provider routes (wire.ts) to the models (models.ts). */
import { NO_POWER_SHAPING } from '../power/consumer-set.js';
import type { Path } from '../chain/decode.js';
import { fields, string } from '../chain/decode.js';
import type {
  AddressPair,
  ConsensusKey,
  ConsumerChain,
  ConsumerChainDetails,
  ConsumerInitParams,
  ConsumerMetadata,
  ConsumerPhase,
  ConsumerValidator,
  InfractionParameters,
  PowerShaping,
  ProviderParams,
  SlashJailParameters,
  ThrottleState,
} from './models.js';
import { WIRE_PHASES } from './wire.js';
import { decodeBondStatus, decodeDescription } from '../staking/decode.js';

const PHASE_BY_WIRE: Record<string, ConsumerPhase> = {
  CONSUMER_PHASE_REGISTERED: 'registered',
  CONSUMER_PHASE_INITIALIZED: 'initialized',
  CONSUMER_PHASE_LAUNCHED: 'launched',
  CONSUMER_PHASE_STOPPED: 'stopped',
  CONSUMER_PHASE_DELETED: 'deleted',
};

/** The `{phase}` path segment for a phase filter ('all' = 0). */
export function phaseSegment(phase: ConsumerPhase | 'all'): string {
  if (phase === 'all') return '0';
  return String(WIRE_PHASES.indexOf(`CONSUMER_PHASE_${phase.toUpperCase()}` as (typeof WIRE_PHASES)[number]));
}

export function decodePhase(value: unknown, path: Path): ConsumerPhase {
  const text = string(value, path);
  const phase = PHASE_BY_WIRE[text];
  if (!phase) path.fail('a consumer phase such as "CONSUMER_PHASE_LAUNCHED"', value);
  return phase;
}

export function decodeMetadata(value: unknown, path: Path): ConsumerMetadata {
  const f = fields(value, path);
  return { name: f.string('name'), description: f.string('description'), metadata: f.string('metadata') };
}

export function decodePublicKey(value: unknown, path: Path): ConsensusKey | undefined {
  const f = fields(value, path);
  // A oneof of bytes: a key set to nil bytes is written `null` and reads as an empty key.
  if ('ed25519' in f.obj) return { type: 'ed25519', key: f.bytes('ed25519') };
  if ('secp256k1' in f.obj) return { type: 'secp256k1', key: f.bytes('secp256k1') };
  if (Object.keys(f.obj).length === 0) return undefined;
  return path.fail('{"ed25519": "<base64>"}', value);
}

function decodeSlashJail(value: unknown, path: Path): SlashJailParameters {
  const f = fields(value, path);
  return {
    slashFraction: f.decimal('slash_fraction'),
    jailDurationSeconds: f.duration('jail_duration'),
    tombstone: f.boolean('tombstone'),
  };
}

export function decodeInfractionParameters(value: unknown, path: Path): InfractionParameters {
  const f = fields(value, path);
  return {
    doubleSign: f.message('double_sign', decodeSlashJail, true),
    downtime: f.message('downtime', decodeSlashJail, true),
  };
}

export function decodeChain(value: unknown, path: Path): ConsumerChain {
  const f = fields(value, path);
  const topN = f.uint32('top_N');
  const minPower = f.bigInteger('min_power_in_top_N');
  const rewardDenoms = f.message('allowlisted_reward_denoms', (v, p) => fields(v, p).strings('denoms', []), true);
  return {
    consumerId: f.string('consumer_id'),
    chainId: f.string('chain_id'),
    clientId: f.string('client_id'),
    phase: decodePhase(f.obj.phase, path.field('phase')),
    kind: topN > 0 ? 'top-n' : 'opt-in',
    topN,
    minPowerInTopN: topN > 0 && minPower >= 0n ? minPower : undefined,
    validatorsPowerCap: f.uint32('validators_power_cap'),
    validatorSetCap: f.uint32('validator_set_cap'),
    allowlist: f.strings('allowlist'),
    denylist: f.strings('denylist'),
    prioritylist: f.strings('prioritylist', []),
    minStake: f.bigInteger('min_stake'),
    allowInactiveVals: f.boolean('allow_inactive_vals'),
    metadata: decodeMetadata(f.obj.metadata, path.field('metadata')),
    allowlistedRewardDenoms: rewardDenoms ?? [],
    infractionParameters: f.message('infraction_parameters', decodeInfractionParameters, true),
  };
}

export function decodePowerShaping(value: unknown, path: Path): PowerShaping {
  const f = fields(value, path);
  return {
    topN: f.uint32('top_N'),
    validatorsPowerCap: f.uint32('validators_power_cap'),
    validatorSetCap: f.uint32('validator_set_cap'),
    allowlist: f.strings('allowlist'),
    denylist: f.strings('denylist'),
    prioritylist: f.strings('prioritylist', []),
    minStake: f.bigInteger('min_stake'),
    allowInactiveVals: f.boolean('allow_inactive_vals'),
  };
}

function decodeInitParams(value: unknown, path: Path): ConsumerInitParams {
  const f = fields(value, path);
  const height = fields(f.obj.initial_height, path.field('initial_height'));
  return {
    spawnTime: f.timestamp('spawn_time'),
    initialHeight: {
      revisionNumber: height.bigInteger('revision_number'),
      revisionHeight: height.bigInteger('revision_height'),
    },
    unbondingPeriodSeconds: f.duration('unbonding_period'),
    ccvTimeoutPeriodSeconds: f.duration('ccv_timeout_period'),
    transferTimeoutPeriodSeconds: f.duration('transfer_timeout_period'),
    consumerRedistributionFraction: f.decimal('consumer_redistribution_fraction'),
    blocksPerDistributionTransmission: f.bigInteger('blocks_per_distribution_transmission'),
    historicalEntries: f.bigInteger('historical_entries'),
    distributionTransmissionChannel: f.string('distribution_transmission_channel'),
    connectionId: f.string('connection_id', ''),
    genesisHash: f.bytes('genesis_hash'),
    binaryHash: f.bytes('binary_hash'),
  };
}

export function decodeConsumerChainDetails(value: unknown, path: Path): ConsumerChainDetails {
  const f = fields(value, path);
  const powerShaping = f.message('power_shaping_params', decodePowerShaping, true) ?? noShaping();
  return {
    consumerId: f.string('consumer_id'),
    chainId: f.string('chain_id'),
    ownerAddress: f.string('owner_address'),
    phase: decodePhase(f.obj.phase, path.field('phase')),
    kind: powerShaping.topN > 0 ? 'top-n' : 'opt-in',
    metadata: decodeMetadata(f.obj.metadata, path.field('metadata')),
    initParams: f.message('init_params', decodeInitParams, true),
    powerShaping,
    infractionParameters: f.message('infraction_parameters', decodeInfractionParameters, true),
    clientId: f.string('client_id', ''),
  };
}

export function decodeConsumerValidator(value: unknown, path: Path): ConsumerValidator {
  const f = fields(value, path);
  return {
    providerAddress: f.string('provider_address'),
    operatorAddress: f.string('provider_operator_address'),
    consumerKey: f.message('consumer_key', decodePublicKey, true),
    consumerPower: f.bigInteger('consumer_power'),
    providerPower: f.bigInteger('provider_power'),
    providerTokens: f.bigInteger('provider_tokens'),
    consumerCommissionRate: f.decimal('consumer_commission_rate'),
    providerCommissionRate: f.decimal('provider_commission_rate'),
    description: decodeDescription(f.obj.description, path.field('description')),
    jailed: f.boolean('jailed'),
    status: decodeBondStatus(f.obj.status, path.field('status')),
    validatesCurrentEpoch: f.boolean('validates_current_epoch'),
  };
}

export function decodeProviderParams(value: unknown, path: Path): ProviderParams {
  const f = fields(value, path);
  const fee = fields(f.obj.consumer_reward_denom_registration_fee, path.field('consumer_reward_denom_registration_fee'));
  return {
    blocksPerEpoch: f.safeInteger('blocks_per_epoch'),
    maxProviderConsensusValidators: f.safeInteger('max_provider_consensus_validators'),
    numberOfEpochsToStartReceivingRewards: f.safeInteger('number_of_epochs_to_start_receiving_rewards'),
    trustingPeriodFraction: f.decimal('trusting_period_fraction'),
    ccvTimeoutPeriodSeconds: f.duration('ccv_timeout_period'),
    slashMeterReplenishPeriodSeconds: f.duration('slash_meter_replenish_period'),
    slashMeterReplenishFraction: f.decimal('slash_meter_replenish_fraction'),
    consumerRewardDenomRegistrationFee: { denom: fee.string('denom'), amount: fee.bigInteger('amount') },
  };
}

export function decodeAddressPair(value: unknown, path: Path): AddressPair {
  const f = fields(value, path);
  return {
    providerAddress: f.string('provider_address'),
    consumerAddress: f.string('consumer_address'),
    consumerKey: f.message('consumer_key', decodePublicKey, true),
  };
}

export function decodeThrottleState(value: unknown, path: Path): ThrottleState {
  const f = fields(value, path);
  return {
    slashMeter: f.bigInteger('slash_meter'),
    slashMeterAllowance: f.bigInteger('slash_meter_allowance'),
    nextReplenishCandidate: f.timestamp('next_replenish_candidate'),
  };
}

/** A chain that sends no power-shaping params: no shaping, with arrays of its own (the model's are mutable). */
function noShaping(): PowerShaping {
  return { ...NO_POWER_SHAPING, allowlist: [], denylist: [], prioritylist: [] };
}
