/** Normalized x/staking models for the provider's validators. */

/** A validator's x/staking bond status (ICS reports the same for a consumer chain's validators). */
export type BondStatus = 'bonded' | 'unbonding' | 'unbonded' | 'unspecified';

/** A validator's self-description from x/staking: written by its operator, never render as HTML. */
export interface ValidatorDescription {
  moniker: string;
  identity: string;
  website: string;
  securityContact: string;
  details: string;
}

export interface StakingValidator {
  /** `cosmosvaloper1…` */
  operatorAddress: string;
  /** `cosmosvalcons1…`, derived from the ed25519 consensus key (ICS queries take this one). */
  consensusAddress: string;
  /** base64 of the consensus public key. */
  consensusPubkey: { type: string; key: string };
  jailed: boolean;
  status: BondStatus;
  tokens: bigint;
  delegatorShares: string;
  description: ValidatorDescription;
  commissionRate: string;
  maxCommissionRate: string;
  maxCommissionChangeRate: string;
  minSelfDelegation: bigint;
}

export interface StakingPool {
  bondedTokens: bigint;
  notBondedTokens: bigint;
}

export interface StakingParams {
  unbondingTimeSeconds: number;
  maxValidators: number;
  maxEntries: number;
  historicalEntries: number;
  bondDenom: string;
  minCommissionRate: string;
}
