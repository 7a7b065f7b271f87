/**
 * The JSON that a Cosmos SDK REST (gRPC-gateway) node returns for the ICS provider routes
 * (`/interchain_security/ccv/provider/...`), as written by the SDK's gateway marshaller:
 * proto field names, int64/uint64 as strings, uint32 as numbers, enums by name, LegacyDec
 * as 18-place decimal strings, bytes as base64. See ics-protocol.md §3 and §6.
 *
 * The devnet writes exactly these shapes and the core's decoders read them, so both sides
 * share one definition. Nothing here is trusted at run time: decoders check every field.
 */

/** `tendermint.crypto.PublicKey` in JSON: a oneof, `{"ed25519": "<base64>"}` in practice. */
export interface WirePublicKey {
  /** bytes: base64, or null for nil bytes (Go's encoding/json), as every bytes field below. */
  ed25519?: string | null;
  secp256k1?: string | null;
}

export interface WirePageResponse {
  /** base64 key of the next page, or null on the last page. */
  next_key: string | null;
  /** uint64 as a string; "0" unless `pagination.count_total` was asked for. */
  total: string;
}

export interface WireConsumerMetadata {
  name: string;
  description: string;
  metadata: string;
}

export interface WireSlashJailParameters {
  slash_fraction: string;
  /** Duration, e.g. "600s" or "9223372036.854775807s". */
  jail_duration: string;
  tombstone: boolean;
}

export interface WireInfractionParameters {
  double_sign: WireSlashJailParameters | null;
  downtime: WireSlashJailParameters | null;
}

/** Item of `QueryConsumerChainsResponse.chains`. */
export interface WireChain {
  chain_id: string;
  client_id: string;
  top_N: number;
  /** int64 string; "-1" when the chain is not Top-N. */
  min_power_in_top_N: string;
  validators_power_cap: number;
  validator_set_cap: number;
  allowlist: string[];
  denylist: string[];
  /** e.g. "CONSUMER_PHASE_LAUNCHED" (a plain string field, not an enum). */
  phase: string;
  metadata: WireConsumerMetadata;
  min_stake: string;
  allow_inactive_vals: boolean;
  consumer_id: string;
  /** Added in v6.x; absent from older nodes and from the documented samples. */
  allowlisted_reward_denoms?: { denoms: string[] } | null;
  prioritylist?: string[];
  infraction_parameters?: WireInfractionParameters | null;
}

export interface WireConsumerChainsResponse {
  chains: WireChain[];
  pagination: WirePageResponse | null;
}

export interface WireHeight {
  revision_number: string;
  revision_height: string;
}

export interface WireConsumerInitializationParameters {
  initial_height: WireHeight;
  /** bytes: null when the chain was registered without it (nil bytes). */
  genesis_hash: string | null;
  binary_hash: string | null;
  /** RFC 3339; "0001-01-01T00:00:00Z" when not set. */
  spawn_time: string;
  unbonding_period: string;
  ccv_timeout_period: string;
  transfer_timeout_period: string;
  consumer_redistribution_fraction: string;
  blocks_per_distribution_transmission: string;
  historical_entries: string;
  distribution_transmission_channel: string;
  connection_id: string;
}

export interface WirePowerShapingParameters {
  top_N: number;
  validators_power_cap: number;
  validator_set_cap: number;
  allowlist: string[];
  denylist: string[];
  min_stake: string;
  allow_inactive_vals: boolean;
  prioritylist?: string[];
}

/** `QueryConsumerChainResponse` (`/consumer_chain/{consumer_id}`). */
export interface WireConsumerChainResponse {
  consumer_id: string;
  chain_id: string;
  owner_address: string;
  phase: string;
  metadata: WireConsumerMetadata;
  init_params: WireConsumerInitializationParameters | null;
  power_shaping_params: WirePowerShapingParameters | null;
  infraction_parameters?: WireInfractionParameters | null;
  client_id?: string;
}

export interface WireStakingDescription {
  moniker: string;
  identity: string;
  website: string;
  security_contact: string;
  details: string;
}

/** Entry of `/consumer_validators/{consumer_id}`. */
export interface WireConsumerValidator {
  provider_address: string;
  consumer_key: WirePublicKey | null;
  /** Deprecated, always "0" in v7. */
  power: string;
  /** Deprecated, always "0.000000000000000000" in v7. */
  rate: string;
  consumer_power: string;
  consumer_commission_rate: string;
  provider_commission_rate: string;
  description: WireStakingDescription;
  provider_operator_address: string;
  jailed: boolean;
  /** BondStatus by name, e.g. "BOND_STATUS_BONDED". */
  status: string;
  provider_tokens: string;
  provider_power: string;
  validates_current_epoch: boolean;
}

export interface WireConsumerValidatorsResponse {
  validators: WireConsumerValidator[];
}

export interface WireOptedInValidatorsResponse {
  validators_provider_addresses: string[];
}

export interface WireConsumerChainsPerValidatorResponse {
  consumer_ids: string[];
}

export interface WireCommissionRateResponse {
  rate: string;
}

export interface WireValidatorConsumerAddrResponse {
  consumer_address: string;
}

export interface WireValidatorProviderAddrResponse {
  provider_address: string;
}

export interface WireBlocksUntilNextEpochResponse {
  blocks_until_next_epoch: string;
}

export interface WireConsumerIdFromClientIdResponse {
  consumer_id: string;
}

export interface WireConsumerGenesisTimeResponse {
  genesis_time: string;
}

export interface WireAddressPair {
  provider_address: string;
  consumer_address: string;
  consumer_key: WirePublicKey | null;
}

export interface WireAllPairsValConsAddrResponse {
  pair_val_con_addr: WireAddressPair[];
}

export interface WireThrottleStateResponse {
  slash_meter: string;
  slash_meter_allowance: string;
  next_replenish_candidate: string;
}

export interface WireRegisteredConsumerRewardDenomsResponse {
  denoms: string[];
}

export interface WireCoin {
  denom: string;
  amount: string;
}

/** Provider `Params`. `template_client` is passed through untyped: the SDK never reads it. */
export interface WireProviderParams {
  template_client: unknown;
  trusting_period_fraction: string;
  ccv_timeout_period: string;
  slash_meter_replenish_period: string;
  slash_meter_replenish_fraction: string;
  consumer_reward_denom_registration_fee: WireCoin;
  blocks_per_epoch: string;
  number_of_epochs_to_start_receiving_rewards: string;
  max_provider_consensus_validators: string;
}

export interface WireProviderParamsResponse {
  params: WireProviderParams;
}

/** The phase names a node writes, in enum order (value = index). */
export const WIRE_PHASES = [
  'CONSUMER_PHASE_UNSPECIFIED',
  'CONSUMER_PHASE_REGISTERED',
  'CONSUMER_PHASE_INITIALIZED',
  'CONSUMER_PHASE_LAUNCHED',
  'CONSUMER_PHASE_STOPPED',
  'CONSUMER_PHASE_DELETED',
] as const;
export type WirePhase = (typeof WIRE_PHASES)[number];
