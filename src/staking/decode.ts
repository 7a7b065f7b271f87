/** Decoders from the x/staking REST JSON (wire.ts) to models.ts. */
import type { Path } from '../chain/decode.js';
import { fields, string } from '../chain/decode.js';
import { decodeBase64 } from './address.js';
import type { BondStatus, StakingParams, StakingPool, StakingValidator, ValidatorDescription } from './models.js';

/** A validator as decoded; the client adds the consensus address (an async hash). */
export type DecodedValidator = Omit<StakingValidator, 'consensusAddress'>;

const ED25519 = '/cosmos.crypto.ed25519.PubKey';

const STATUS_BY_WIRE: Record<string, BondStatus> = {
  BOND_STATUS_UNSPECIFIED: 'unspecified',
  BOND_STATUS_UNBONDED: 'unbonded',
  BOND_STATUS_UNBONDING: 'unbonding',
  BOND_STATUS_BONDED: 'bonded',
};

export function decodeBondStatus(value: unknown, path: Path): BondStatus {
  const status = STATUS_BY_WIRE[string(value, path)];
  if (!status) path.fail('a bond status such as "BOND_STATUS_BONDED"', value);
  return status;
}

export function decodeDescription(value: unknown, path: Path): ValidatorDescription {
  const f = fields(value, path);
  return {
    moniker: f.string('moniker'),
    identity: f.string('identity', ''),
    website: f.string('website', ''),
    securityContact: f.string('security_contact', ''),
    details: f.string('details', ''),
  };
}

export function decodeStakingValidator(value: unknown, path: Path): DecodedValidator {
  const f = fields(value, path);
  const pubkey = fields(f.obj.consensus_pubkey, path.field('consensus_pubkey'));
  const type = pubkey.string('@type');
  const key = pubkey.bytes('key');
  if (type !== ED25519) path.field('consensus_pubkey').field('@type').fail(`"${ED25519}"`, type);
  let keyBytes = 0;
  try {
    keyBytes = decodeBase64(key).length;
  } catch {
    // reported below
  }
  if (keyBytes !== 32) path.field('consensus_pubkey').field('key').fail('a base64 ed25519 key of 32 bytes', key);
  const commission = fields(f.obj.commission, path.field('commission'));
  const rates = fields(commission.obj.commission_rates, path.field('commission').field('commission_rates'));
  return {
    operatorAddress: f.string('operator_address'),
    consensusPubkey: { type, key },
    jailed: f.boolean('jailed'),
    status: decodeBondStatus(f.obj.status, path.field('status')),
    tokens: f.bigInteger('tokens'),
    delegatorShares: f.decimal('delegator_shares'),
    description: decodeDescription(f.obj.description, path.field('description')),
    commissionRate: rates.decimal('rate'),
    maxCommissionRate: rates.decimal('max_rate'),
    maxCommissionChangeRate: rates.decimal('max_change_rate'),
    minSelfDelegation: f.bigInteger('min_self_delegation'),
  };
}

export function decodePool(value: unknown, path: Path): StakingPool {
  const f = fields(value, path);
  const pool = fields(f.obj.pool, path.field('pool'));
  return { bondedTokens: pool.bigInteger('bonded_tokens'), notBondedTokens: pool.bigInteger('not_bonded_tokens') };
}

export function decodeStakingParams(value: unknown, path: Path): StakingParams {
  const f = fields(value, path);
  const p = fields(f.obj.params, path.field('params'));
  return {
    unbondingTimeSeconds: p.duration('unbonding_time'),
    maxValidators: p.uint32('max_validators'),
    maxEntries: p.uint32('max_entries'),
    historicalEntries: p.uint32('historical_entries'),
    bondDenom: p.string('bond_denom'),
    minCommissionRate: p.decimal('min_commission_rate', '0.000000000000000000'),
  };
}
