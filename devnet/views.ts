/**
 * The devnet's state written as the JSON of a Cosmos SDK v0.53 REST node (ics-protocol.md §6):
 * proto field names, int64 as strings, uint32 as numbers, enums by name, 18-place decimals.
 * Typed with the wire types the core's decoders read, so both sides agree by construction.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { formatDec, parseDec } from '../src/power/legacy-dec.js';
import { consensusPower, isActivePhase } from '../src/ics/rules.js';
import type { WireChain, WireConsumerChainResponse, WireConsumerValidator, WireInfractionParameters, WirePhase, WireProviderParams } from '../src/ics/wire.js';
import type { WireValidator } from '../src/staking/wire.js';
import type { ConsumerState, Snapshot, ValidatorState } from './state.js';
import { compareAddressBytes } from './addresses.js';
import { SLASH_METER_REPLENISH_FRACTION, SLASH_METER_REPLENISH_PERIOD_SECONDS, computeSetNow, consumerAddressOfKey } from './state.js';

export const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * A Timestamp as the gateway writes it: RFC 3339 in UTC with no fraction when it is zero
 * ("2025-01-01T00:00:00Z"), else 3, 6 or 9 digits; a Date has milliseconds, so 3.
 */
export function timestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
const ED25519 = '/cosmos.crypto.ed25519.PubKey';

/** "0.05" → "0.050000000000000000" */
export function dec(text: string): string {
  return formatDec(parseDec(text) ?? 0n);
}

export function wirePhase(consumer: ConsumerState): WirePhase {
  return `CONSUMER_PHASE_${consumer.phase.toUpperCase()}` as WirePhase;
}

const INFRACTION: WireInfractionParameters = {
  double_sign: { slash_fraction: '0.050000000000000000', jail_duration: '9223372036.854775807s', tombstone: true },
  downtime: { slash_fraction: '0.000000000000000000', jail_duration: '600s', tombstone: false },
};

export function chainJson(c: ConsumerState): WireChain {
  return {
    chain_id: c.chainId,
    client_id: c.clientId,
    top_N: c.topN,
    min_power_in_top_N: c.topN > 0 ? c.minPowerInTopN.toString() : '-1',
    validators_power_cap: c.validatorsPowerCap,
    validator_set_cap: c.validatorSetCap,
    allowlist: [...c.allowlist],
    denylist: [...c.denylist],
    phase: wirePhase(c),
    metadata: { name: c.name, description: c.description, metadata: c.metadata },
    min_stake: c.minStake.toString(),
    allow_inactive_vals: c.allowInactiveVals,
    consumer_id: c.consumerId,
    allowlisted_reward_denoms: { denoms: [] },
    prioritylist: [...c.prioritylist],
    infraction_parameters: INFRACTION,
  };
}

export function consumerChainJson(c: ConsumerState): WireConsumerChainResponse {
  return {
    consumer_id: c.consumerId,
    chain_id: c.chainId,
    owner_address: c.owner,
    phase: wirePhase(c),
    metadata: { name: c.name, description: c.description, metadata: c.metadata },
    init_params: {
      initial_height: { revision_number: '1', revision_height: '1' },
      // Registered without hashes: the store holds nil bytes, which Go's encoding/json writes as null.
      genesis_hash: null,
      binary_hash: null,
      spawn_time: c.spawnTime ? timestamp(c.spawnTime) : ZERO_TIME,
      unbonding_period: '1728000s',
      ccv_timeout_period: '2419200s',
      transfer_timeout_period: '3600s',
      consumer_redistribution_fraction: '0.75',
      blocks_per_distribution_transmission: '1000',
      historical_entries: '10000',
      distribution_transmission_channel: '',
      connection_id: '',
    },
    power_shaping_params: {
      top_N: c.topN,
      validators_power_cap: c.validatorsPowerCap,
      validator_set_cap: c.validatorSetCap,
      // The parameters as registered: deletion removes the list indexes, not the parameters.
      allowlist: [...(c.registeredLists ?? c).allowlist],
      denylist: [...(c.registeredLists ?? c).denylist],
      min_stake: c.minStake.toString(),
      allow_inactive_vals: c.allowInactiveVals,
      prioritylist: [...(c.registeredLists ?? c).prioritylist],
    },
    infraction_parameters: INFRACTION,
    client_id: c.clientId,
  };
}

export function validatorJson(v: ValidatorState): WireValidator {
  return {
    operator_address: v.operatorAddress,
    consensus_pubkey: { '@type': ED25519, key: v.consensusKey },
    jailed: v.jailed,
    status: v.status,
    tokens: v.tokens.toString(),
    delegator_shares: `${v.tokens}.000000000000000000`,
    description: { moniker: v.moniker, identity: '', website: v.website, security_contact: '', details: v.details },
    unbonding_height: '0',
    unbonding_time: '1970-01-01T00:00:00Z',
    commission: {
      commission_rates: { rate: dec(v.commission), max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' },
      update_time: '2024-01-01T00:00:00Z',
    },
    min_self_delegation: '1',
    unbonding_on_hold_ref_count: '0',
    unbonding_ids: [],
  };
}

/**
 * The consumer's set as the v7 query answers it: the stored set for a launched chain, none for a
 * stopped one, and for every other phase (a deleted chain too) the set computed now.
 */
export function consumerSet(s: Snapshot, c: ConsumerState) {
  if (c.phase === 'launched') return c.storedSet;
  if (c.phase === 'stopped') return [];
  return computeSetNow(s.validators, c, s.maxProviderConsensusValidators).members;
}

/** `hasToValidate`: in the stored set, or in the set recomputed now; false for inactive chains. */
export function hasToValidate(s: Snapshot, c: ConsumerState, valcons: string): boolean {
  if (!isActivePhase(c.phase)) return false;
  if (c.storedSet.some((m) => m.consensusAddress === valcons)) return true;
  return computeSetNow(s.validators, c, s.maxProviderConsensusValidators).members.some((m) => m.consensusAddress === valcons);
}

export function consumerValidatorsJson(s: Snapshot, c: ConsumerState): WireConsumerValidator[] {
  const byAddress = new Map(s.validators.map((v) => [v.consensusAddress, v]));
  const rows: WireConsumerValidator[] = [];
  for (const member of consumerSet(s, c)) {
    const v = byAddress.get(member.consensusAddress);
    if (!v) continue;
    const key = c.consumerKeys.get(v.consensusAddress) ?? v.consensusKey;
    rows.push({
      provider_address: v.consensusAddress,
      consumer_key: { ed25519: key },
      power: '0',
      rate: '0.000000000000000000',
      consumer_power: member.power.toString(),
      consumer_commission_rate: dec(c.commissions.get(v.consensusAddress) ?? v.commission),
      provider_commission_rate: dec(v.commission),
      description: { moniker: v.moniker, identity: '', website: v.website, security_contact: '', details: v.details },
      provider_operator_address: v.operatorAddress,
      jailed: v.jailed,
      status: v.status,
      provider_tokens: v.tokens.toString(),
      // GetConsensusPower: the tokens' power for a bonded validator, 0 for any other.
      provider_power: consensusPower(v.tokens, v.status === 'BOND_STATUS_BONDED').toString(),
      validates_current_epoch: hasToValidate(s, c, v.consensusAddress),
    });
  }
  // The module answers in store order: ascending provider consensus-address bytes.
  return rows.sort((a, b) => compareAddressBytes(a.provider_address, b.provider_address));
}

export function consumerAddressOf(s: Snapshot, c: ConsumerState, valcons: string): string {
  const key = c.consumerKeys.get(valcons);
  return key ? consumerAddressOfKey(key, s.prefixes) : '';
}

/**
 * IBC's default proof specs (ibc-go `commitmenttypes.GetSDKSpecs()`: ics23's `IavlSpec`, then
 * `TendermintSpec`) as the gateway writes an `ics23.ProofSpec`: enums by name, int32 as numbers,
 * bytes as base64 (the nil `empty_child` as null), every field written.
 */
export function sdkProofSpecsJson() {
  const spec = (childSize: number, minPrefix: number, maxPrefix: number) => ({
    leaf_spec: { hash: 'SHA256', prehash_key: 'NO_HASH', prehash_value: 'SHA256', length: 'VAR_PROTO', prefix: 'AA==' },
    inner_spec: { child_order: [0, 1], child_size: childSize, min_prefix_length: minPrefix, max_prefix_length: maxPrefix, empty_child: null, hash: 'SHA256' },
    max_depth: 0,
    min_depth: 0,
    prehash_key_before_comparison: false,
  });
  // IAVL: 33-byte children (a length byte), prefixes of 4 to 12 bytes; Tendermint: 32 bytes, prefix 1.
  return [spec(33, 4, 12), spec(32, 1, 1)];
}

export function paramsJson(s: Snapshot, legacy = false): WireProviderParams | Omit<WireProviderParams, 'max_provider_consensus_validators'> {
  const params: WireProviderParams = {
    template_client: {
      chain_id: '',
      trust_level: { numerator: '1', denominator: '3' },
      trusting_period: '0s',
      unbonding_period: '0s',
      max_clock_drift: '10s',
      frozen_height: { revision_number: '0', revision_height: '0' },
      latest_height: { revision_number: '0', revision_height: '0' },
      proof_specs: sdkProofSpecsJson(),
      upgrade_path: ['upgrade', 'upgradedIBCState'],
      allow_update_after_expiry: false,
      allow_update_after_misbehaviour: false,
    },
    trusting_period_fraction: '0.66',
    ccv_timeout_period: '2419200s',
    slash_meter_replenish_period: `${SLASH_METER_REPLENISH_PERIOD_SECONDS}s`,
    slash_meter_replenish_fraction: SLASH_METER_REPLENISH_FRACTION,
    consumer_reward_denom_registration_fee: { denom: s.denom, amount: '10000000' },
    blocks_per_epoch: String(s.blocksPerEpoch),
    number_of_epochs_to_start_receiving_rewards: '24',
    max_provider_consensus_validators: String(s.maxProviderConsensusValidators),
  };
  if (!legacy) return params;
  const { max_provider_consensus_validators: _dropped, ...older } = params;
  return older;
}

/** Staking's unbonding time (the staking params route writes it). */
export const UNBONDING_TIME_SECONDS = 1_814_400;
const TRUSTING_PERIOD_FRACTION = '0.66';

/** The devnet's stand-in for a block's hashes: SHA-256 of "<chain id>/<what>/<height>", base64. */
export function blockHash(chainId: string, what: string, height: number): string {
  return Buffer.from(sha256(new TextEncoder().encode(`${chainId}/${what}/${height}`))).toString('base64');
}

/** IBC's `ParseChainID`: the revision number after the last dash ("provider-devnet-1" → 1), else 0. */
export function revisionNumber(chainId: string): number {
  const match = /^.*[^\n-]-([1-9][0-9]*)$/.exec(chainId);
  return match ? Number(match[1]) : 0;
}

/**
 * `QueryConsumerGenesis`: the genesis the provider made at launch (`MakeConsumerGenesis`): the
 * consumer params from the initialization parameters, the provider's client state (the template
 * client with this chain id, the launch height, the unbonding time and the trusting period =
 * unbonding time × trusting_period_fraction), its consensus state at that height, and the initial
 * validator set. Undefined when there is none (before launch, or deleted).
 */
export function consumerGenesisJson(s: Snapshot, c: ConsumerState) {
  const record = c.genesis;
  if (!record) return undefined;
  const init = consumerChainJson(c).init_params!;
  const template = paramsJson(s).template_client as Record<string, unknown>;
  const trustingSeconds = (parseDec(TRUSTING_PERIOD_FRACTION)! * BigInt(UNBONDING_TIME_SECONDS)) / 10n ** 18n;
  return {
    params: {
      enabled: true,
      blocks_per_distribution_transmission: init.blocks_per_distribution_transmission,
      distribution_transmission_channel: init.distribution_transmission_channel,
      provider_fee_pool_addr_str: '',
      ccv_timeout_period: init.ccv_timeout_period,
      transfer_timeout_period: init.transfer_timeout_period,
      consumer_redistribution_fraction: init.consumer_redistribution_fraction,
      historical_entries: init.historical_entries,
      unbonding_period: init.unbonding_period,
      soft_opt_out_threshold: '0',
      reward_denoms: [],
      provider_reward_denoms: [],
      retry_delay_period: '3600s',
      consumer_id: c.consumerId,
    },
    provider: {
      client_state: {
        ...template,
        chain_id: s.chainId,
        trusting_period: `${trustingSeconds}s`,
        unbonding_period: `${UNBONDING_TIME_SECONDS}s`,
        latest_height: { revision_number: String(revisionNumber(s.chainId)), revision_height: String(record.height) },
      },
      consensus_state: {
        timestamp: timestamp(c.launchTime ?? s.time),
        root: { hash: blockHash(s.chainId, 'app', record.height) },
        next_validators_hash: blockHash(s.chainId, 'validators', record.height),
      },
      initial_val_set: record.validators.map((v) => ({ pub_key: { ed25519: v.key }, power: v.power.toString() })),
    },
    new_chain: true,
    preCCV: false,
    connection_id: '',
  };
}

export function blocksUntilNextEpoch(s: Snapshot): number {
  const rest = s.height % s.blocksPerEpoch;
  return rest === 0 ? 0 : s.blocksPerEpoch - rest;
}
