/**
 * `abci_query` as a Cosmos SDK v0.53 app answers it: gRPC query paths (`/<service>/<method>`)
 * with protobuf request and response bytes, a height that picks a kept snapshot, and errors as
 * baseapp's `gRPCErrorToSDKError` turns gRPC statuses into ABCI codes (InvalidArgument → sdk 18,
 * NotFound → sdk 38, anything else → sdk 6) with the gRPC status text in the log.
 */
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { hasPrefix } from '../addresses.js';
import { GrpcError } from '../http.js';
import type { IcsMode } from '../routes.js';
import { route } from '../routes.js';
import type { Snapshot } from '../state.js';
import type { TxEngine } from '../tx/engine.js';
import { SimulationError } from '../tx/engine.js';
import { isTxError } from '../tx/errors.js';
import { ICS_QUERIES, ICS_QUERY_SERVICE } from './ics-queries.js';
import { STAKING_QUERIES, STAKING_QUERY_SERVICE } from './staking-queries.js';

export interface AbciQueryInput {
  path: string;
  data: Uint8Array;
  /** 0 = latest. */
  height: number;
}

export interface AbciQueryResult {
  code: number;
  codespace: string;
  log: string;
  value: Uint8Array;
  height: number;
}

export interface AbciContext {
  latest(): Snapshot;
  at(height: number): Snapshot | undefined;
  icsMode(): IcsMode;
  engine(): TxEngine;
}

const GRPC_NAMES: Record<number, string> = { 2: 'Unknown', 3: 'InvalidArgument', 5: 'NotFound', 12: 'Unimplemented', 13: 'Internal' };

/** An ABCI failure: codespace sdk, a code and the SDK's log. */
class AbciFailure extends Error {
  constructor(
    readonly code: number,
    log: string,
  ) {
    super(log);
  }
}

/** baseapp's gRPCErrorToSDKError: the status text, wrapped in the matching sdk error. */
function fromGrpc(error: GrpcError): AbciFailure {
  const status = `rpc error: code = ${GRPC_NAMES[error.code] ?? 'Unknown'} desc = ${error.message}`;
  if (error.code === 3) return new AbciFailure(18, `${status}: invalid request`);
  if (error.code === 5) return new AbciFailure(38, `${status}: key not found`);
  return new AbciFailure(6, `${status}: unknown request`);
}

const UNKNOWN_PATH = () => new AbciFailure(6, 'unknown query path: unknown request');

export function abciQuery(ctx: AbciContext, input: AbciQueryInput): AbciQueryResult {
  try {
    const snapshot = snapshotAt(ctx, input.height);
    const value = answer(ctx, snapshot, input);
    return { code: 0, codespace: '', log: '', value, height: snapshot.height };
  } catch (error) {
    const failure = error instanceof AbciFailure ? error : error instanceof GrpcError ? fromGrpc(error) : fromGrpc(new GrpcError(2, (error as Error).message));
    return { code: failure.code, codespace: 'sdk', log: failure.message, value: new Uint8Array(), height: input.height };
  }
}

/** CreateQueryContext: latest for 0, a kept past height, or the SDK's refusal. */
function snapshotAt(ctx: AbciContext, height: number): Snapshot {
  const latest = ctx.latest();
  if (height === 0 || height === latest.height) return latest;
  if (height > latest.height) throw new AbciFailure(26, 'cannot query with height in the future; please provide a valid height: invalid height');
  const snapshot = ctx.at(height);
  if (!snapshot) {
    throw new AbciFailure(18, `failed to load state at height ${height}; version does not exist (latest height: ${latest.height}): invalid request`);
  }
  return snapshot;
}

function answer(ctx: AbciContext, snapshot: Snapshot, input: AbciQueryInput): Uint8Array {
  const { path, data } = input;
  const icsMode = ctx.icsMode();
  const rest = (base: string, r: { path: string; query?: URLSearchParams }) =>
    route(`${base}${r.path}`, icsMode)({ snapshot, query: r.query ?? new URLSearchParams(), icsMode }) as Record<string, unknown>;

  if (path.startsWith(ICS_QUERY_SERVICE)) {
    const name = path.slice(ICS_QUERY_SERVICE.length);
    // Without the module (Gaia v28+) the service is not registered; ICS before v6 had other queries.
    const known = icsMode === 'v7' || (icsMode === 'legacy' && name === 'QueryParams');
    const query = known ? ICS_QUERIES[name] : undefined;
    if (!query) throw UNKNOWN_PATH();
    return query.encode(rest('/interchain_security/ccv/provider', query.rest(data)));
  }
  if (path.startsWith(STAKING_QUERY_SERVICE)) {
    const query = STAKING_QUERIES[path.slice(STAKING_QUERY_SERVICE.length)];
    if (!query) throw UNKNOWN_PATH();
    return query.encode(rest('/cosmos/staking/v1beta1', query.rest(data)));
  }
  switch (path) {
    case '/cosmos.auth.v1beta1.Query/Account':
      return account(snapshot, QueryAccountRequest.decode(data).address);
    case '/cosmos.bank.v1beta1.Query/Balance': {
      const request = QueryBalanceRequest.decode(data);
      checkAddress(snapshot, request.address);
      if (request.denom === '') throw new GrpcError(3, 'invalid denom');
      const amount = request.denom === snapshot.denom ? (snapshot.accounts.get(request.address)?.balance ?? 0n) : 0n;
      return QueryBalanceResponse.encode({ balance: { denom: request.denom, amount: amount.toString() } }).finish();
    }
    case '/cosmos.bank.v1beta1.Query/AllBalances': {
      const request = QueryAllBalancesRequest.decode(data);
      checkAddress(snapshot, request.address);
      const amount = snapshot.accounts.get(request.address)?.balance ?? 0n;
      const balances = amount > 0n ? [{ denom: snapshot.denom, amount: amount.toString() }] : [];
      return QueryAllBalancesResponse.encode({ balances, pagination: { nextKey: new Uint8Array(), total: BigInt(balances.length) } }).finish();
    }
    case '/cosmos.tx.v1beta1.Service/Simulate':
      return simulate(ctx.engine(), SimulateRequest.decode(data));
    default:
      throw UNKNOWN_PATH();
  }
}

function checkAddress(snapshot: Snapshot, address: string): void {
  if (address === '') throw new GrpcError(3, 'empty address string is not allowed');
  if (!hasPrefix(address, snapshot.prefixes.account)) throw new GrpcError(3, `invalid address: decoding bech32 failed: ${address}`);
}

/** x/auth's Account query: a BaseAccount in an Any, with the public key once the account has signed. */
function account(snapshot: Snapshot, address: string): Uint8Array {
  checkAddress(snapshot, address);
  const state = snapshot.accounts.get(address);
  if (!state) throw new GrpcError(5, `account ${address} not found`);
  const base = BaseAccount.encode({
    address,
    pubKey: state.pubkey ? { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: state.pubkey }).finish() } : undefined,
    accountNumber: state.accountNumber,
    sequence: state.sequence,
  }).finish();
  return QueryAccountResponse.encode({ account: { typeUrl: '/cosmos.auth.v1beta1.BaseAccount', value: base } }).finish();
}

/** x/auth/tx's Simulate: gas and events, or the tx's error as the service words it (gRPC Unknown). */
function simulate(engine: TxEngine, request: SimulateRequest): Uint8Array {
  if (request.txBytes.length === 0) throw new GrpcError(3, 'empty txBytes is not allowed');
  try {
    const result = engine.simulate(request.txBytes);
    return SimulateResponse.encode({
      gasInfo: { gasWanted: result.gasWanted, gasUsed: result.gasUsed },
      result: {
        data: result.data,
        log: result.log,
        events: result.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a, index: true })) })),
        msgResponses: [],
      },
    }).finish();
  } catch (error) {
    const [log, wanted, used] =
      error instanceof SimulationError
        ? [error.failure.log, error.gasWanted, error.gasUsed]
        : isTxError(error)
          ? [error.log, 0n, 0n]
          : [(error as Error).message, 0n, 0n];
    throw new GrpcError(2, `${log} With gas wanted: '${wanted}' and gas used: '${used}' `);
  }
}
