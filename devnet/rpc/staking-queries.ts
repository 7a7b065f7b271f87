/**
 * x/staking's gRPC queries over ABCI, answered by the devnet's REST routes and written with
 * cosmjs-types' encoders (the SDK's own messages). Decimals become LegacyDec wire integers.
 */
import { Any } from 'cosmjs-types/google/protobuf/any';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { PageRequest as PageRequestCodec } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import {
  QueryParamsResponse,
  QueryPoolResponse,
  QueryValidatorRequest,
  QueryValidatorResponse,
  QueryValidatorsRequest,
  QueryValidatorsResponse,
} from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { Validator } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { BondStatus } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { WirePoolResponse, WireStakingParamsResponse, WireValidator } from '../../src/staking/wire.js';
import { WIRE_BOND_STATUSES } from '../../src/staking/wire.js';
import type { WireBondStatus } from '../../src/staking/wire.js';
import { decodeBase64 } from '../../src/staking/address.js';
import type { WirePageResponse } from '../../src/ics/wire.js';
import { legacyDecWire, pageQuery } from './ics-queries.js';
import { durationParts, timestampParts } from './proto.js';
import type { AbciQuery } from './proto.js';

export const STAKING_QUERY_SERVICE = '/cosmos.staking.v1beta1.Query/';

/** The core's bond status names are in enum order (value = index); an unknown name is UNSPECIFIED. */
function statusValue(name: string): BondStatus {
  return Math.max(0, WIRE_BOND_STATUSES.indexOf(name as WireBondStatus)) as BondStatus;
}

export function validatorProto(v: WireValidator): Validator {
  return Validator.fromPartial({
    operatorAddress: v.operator_address,
    consensusPubkey: Any.fromPartial({
      typeUrl: v.consensus_pubkey['@type'],
      value: Ed25519PubKey.encode({ key: decodeBase64(v.consensus_pubkey.key) }).finish(),
    }),
    jailed: v.jailed,
    status: statusValue(v.status),
    tokens: v.tokens,
    delegatorShares: legacyDecWire(v.delegator_shares),
    description: {
      moniker: v.description.moniker,
      identity: v.description.identity,
      website: v.description.website,
      securityContact: v.description.security_contact,
      details: v.description.details,
    },
    unbondingHeight: BigInt(v.unbonding_height),
    unbondingTime: timestampParts(v.unbonding_time),
    commission: {
      commissionRates: {
        rate: legacyDecWire(v.commission.commission_rates.rate),
        maxRate: legacyDecWire(v.commission.commission_rates.max_rate),
        maxChangeRate: legacyDecWire(v.commission.commission_rates.max_change_rate),
      },
      updateTime: timestampParts(v.commission.update_time),
    },
    minSelfDelegation: v.min_self_delegation,
    unbondingOnHoldRefCount: BigInt(v.unbonding_on_hold_ref_count),
    unbondingIds: v.unbonding_ids.map((id) => BigInt(id)),
  });
}

function pageResponse(page: WirePageResponse | null | undefined) {
  return page ? { nextKey: page.next_key ? decodeBase64(page.next_key) : new Uint8Array(), total: BigInt(page.total) } : undefined;
}

export const STAKING_QUERIES: Record<string, AbciQuery> = {
  Validators: {
    rest: (req) => {
      const r = QueryValidatorsRequest.decode(req);
      const query = new URLSearchParams();
      if (r.status) query.set('status', r.status);
      return { path: '/validators', query: pageQuery(r.pagination ? pageBytes(r.pagination) : undefined, query) };
    },
    encode: (body) =>
      QueryValidatorsResponse.encode({
        validators: (body.validators as WireValidator[]).map(validatorProto),
        pagination: pageResponse(body.pagination as WirePageResponse),
      }).finish(),
  },
  Validator: {
    rest: (req) => ({ path: `/validators/${encodeURIComponent(QueryValidatorRequest.decode(req).validatorAddr)}` }),
    encode: (body) => QueryValidatorResponse.encode({ validator: validatorProto(body.validator as WireValidator) }).finish(),
  },
  Pool: {
    rest: () => ({ path: '/pool' }),
    encode: (body) => {
      const pool = body.pool as WirePoolResponse['pool'];
      return QueryPoolResponse.encode({ pool: { notBondedTokens: pool.not_bonded_tokens, bondedTokens: pool.bonded_tokens } }).finish();
    },
  },
  Params: {
    rest: () => ({ path: '/params' }),
    encode: (body) => {
      const p = body.params as WireStakingParamsResponse['params'];
      return QueryParamsResponse.encode({
        params: {
          unbondingTime: durationParts(p.unbonding_time),
          maxValidators: p.max_validators,
          maxEntries: p.max_entries,
          historicalEntries: p.historical_entries,
          bondDenom: p.bond_denom,
          minCommissionRate: legacyDecWire(p.min_commission_rate),
        },
      }).finish();
    },
  },
};

function pageBytes(page: NonNullable<QueryValidatorsRequest['pagination']>): Uint8Array {
  // Re-encoded so pageQuery reads every request the same way.
  return PageRequestCodec.encode(page).finish();
}
