/**
 * JSON of the x/staking REST routes (`/cosmos/staking/v1beta1/...`, Cosmos SDK v0.50/v0.53),
 * shared by the devnet (which writes it) and the core's decoders (which check it).
 */

export interface WireAnyPubKey {
  '@type': string;
  key: string;
}

export interface WireCommissionRates {
  rate: string;
  max_rate: string;
  max_change_rate: string;
}

export interface WireValidator {
  operator_address: string;
  consensus_pubkey: WireAnyPubKey;
  jailed: boolean;
  /** BondStatus by name. */
  status: string;
  tokens: string;
  delegator_shares: string;
  description: {
    moniker: string;
    identity: string;
    website: string;
    security_contact: string;
    details: string;
  };
  unbonding_height: string;
  unbonding_time: string;
  commission: { commission_rates: WireCommissionRates; update_time: string };
  min_self_delegation: string;
  unbonding_on_hold_ref_count: string;
  unbonding_ids: string[];
}

export interface WireValidatorsResponse {
  validators: WireValidator[];
  pagination: { next_key: string | null; total: string } | null;
}

export interface WireValidatorResponse {
  validator: WireValidator;
}

export interface WirePoolResponse {
  pool: { not_bonded_tokens: string; bonded_tokens: string };
}

export interface WireStakingParamsResponse {
  params: {
    unbonding_time: string;
    max_validators: number;
    max_entries: number;
    historical_entries: number;
    bond_denom: string;
    min_commission_rate: string;
  };
}

export const WIRE_BOND_STATUSES = ['BOND_STATUS_UNSPECIFIED', 'BOND_STATUS_UNBONDED', 'BOND_STATUS_UNBONDING', 'BOND_STATUS_BONDED'] as const;
export type WireBondStatus = (typeof WIRE_BOND_STATUSES)[number];
