/**
 * The REST routes: a path pattern → a handler reading one snapshot. Errors are thrown as
 * `GrpcError`s with the codes and messages the provider and staking keepers use.
 */
import { WIRE_PHASES } from '../src/ics/wire.js';
import { ACTIVE_PHASES, parseConsumerId } from '../src/ics/rules.js';
import { decodeAddress } from '../src/chain/bech32.js';
import { WIRE_BOND_STATUSES } from '../src/staking/wire.js';
import { GrpcError, NOT_IMPLEMENTED } from './http.js';
import { compareAddressBytes, hasPrefix } from './addresses.js';
import { filteredPaginate, lengthPrefixed, stringIdWithLenKey } from './pagination.js';
import type { ConsumerState, Snapshot, ValidatorState } from './state.js';
import { lastTotalPower, slashMeterAllowance } from './state.js';
import {
  blocksUntilNextEpoch,
  UNBONDING_TIME_SECONDS,
  blockHash,
  chainJson,
  consumerAddressOf,
  consumerGenesisJson,
  consumerChainJson,
  consumerValidatorsJson,
  hasToValidate,
  paramsJson,
  timestamp,
  validatorJson,
} from './views.js';

export type IcsMode = 'v7' | 'absent' | 'legacy';

export interface RouteContext {
  snapshot: Snapshot;
  query: URLSearchParams;
  icsMode: IcsMode;
}

type Handler = (ctx: RouteContext, ...params: string[]) => unknown;

const ICS = '/interchain_security/ccv/provider';
const STAKING = '/cosmos/staking/v1beta1';
const TENDERMINT = '/cosmos/base/tendermint/v1beta1';
const BANK = '/cosmos/bank/v1beta1';
const AUTH = '/cosmos/auth/v1beta1';

function consumer(s: Snapshot, consumerId: string): ConsumerState | undefined {
  return s.consumers.find((c) => c.consumerId === consumerId);
}

function activeConsumer(s: Snapshot, consumerId: string): ConsumerState {
  const c = consumer(s, consumerId);
  if (!c || !ACTIVE_PHASES.includes(c.phase)) throw new GrpcError(3, `unknown consumer chain: ${consumerId}: invalid consumer id`);
  return c;
}

function validConsumerId(consumerId: string): string {
  const id = parseConsumerId(consumerId);
  if (id === undefined) throw new GrpcError(3, `invalid consumer id: ${consumerId}`);
  return id;
}

function valcons(s: Snapshot, address: string): string {
  if (!hasPrefix(address, s.prefixes.consensus)) throw new GrpcError(3, `invalid provider address: ${address}`);
  return address;
}

function phaseFilter(text: string): number {
  const byName = WIRE_PHASES.indexOf(text as (typeof WIRE_PHASES)[number]);
  const value = byName >= 0 ? byName : /^\d+$/.test(text) ? Number(text) : -1;
  if (value < 0 || value >= WIRE_PHASES.length) throw new GrpcError(3, `type mismatch, parameter: phase, error: ${text} is not valid`);
  return value;
}

const icsRoutes: Array<[RegExp, Handler]> = [
  [
    /^\/consumer_chains\/([^/]+)$/,
    ({ snapshot, query }, phaseText) => {
      const phase = phaseFilter(phaseText!);
      // FilteredPaginate over the phase store (keys: the consumer id with its length), every stored chain walked.
      const page = filteredPaginate(
        snapshot.consumers,
        (c) => stringIdWithLenKey(c.consumerId),
        (c) => phase === 0 || WIRE_PHASES[phase] === `CONSUMER_PHASE_${c.phase.toUpperCase()}`,
        query,
      );
      return { chains: page.items.map(chainJson), pagination: page.pagination };
    },
  ],
  [
    /^\/consumer_chain\/([^/]+)$/,
    ({ snapshot }, id) => {
      const c = consumer(snapshot, validConsumerId(id!));
      if (!c) throw new GrpcError(3, `cannot retrieve chain id for consumer id: ${id}`);
      return consumerChainJson(c);
    },
  ],
  [
    /^\/consumer_validators\/([^/]+)$/,
    ({ snapshot }, id) => {
      const c = consumer(snapshot, validConsumerId(id!));
      if (!c) throw new GrpcError(3, `unknown consumer chain: ${id}`);
      return { validators: consumerValidatorsJson(snapshot, c) };
    },
  ],
  [
    /^\/opted_in_validators\/([^/]+)$/,
    ({ snapshot }, id) => {
      const c = activeConsumer(snapshot, validConsumerId(id!));
      return { validators_provider_addresses: [...c.optedIn].sort(compareAddressBytes) };
    },
  ],
  [
    /^\/consumer_chains_per_validator\/([^/]+)$/,
    ({ snapshot }, address) => {
      const v = valcons(snapshot, address!);
      const ids = snapshot.consumers.filter((c) => c.phase === 'launched' && c.clientId !== '' && hasToValidate(snapshot, c, v));
      return { consumer_ids: ids.map((c) => c.consumerId) };
    },
  ],
  [
    /^\/consumer_commission_rate\/([^/]+)\/([^/]+)$/,
    ({ snapshot }, id, address) => {
      const c = activeConsumer(snapshot, validConsumerId(id!));
      const provider = valcons(snapshot, address!);
      const set = c.commissions.get(provider);
      if (set !== undefined) return { rate: decimal(set) };
      const v = snapshot.validators.find((x) => x.consensusAddress === provider);
      if (!v) throw new GrpcError(3, `unknown validator: ${provider}`);
      return { rate: decimal(v.commission) };
    },
  ],
  [
    /^\/validator_consumer_addr\/([^/]+)\/([^/]+)$/,
    ({ snapshot }, id, address) => {
      // As the keeper: no check that the chain exists; no key assigned (or no chain) answers "".
      const c = consumer(snapshot, validConsumerId(id!));
      const provider = valcons(snapshot, address!);
      return { consumer_address: c ? consumerAddressOf(snapshot, c, provider) : '' };
    },
  ],
  [
    /^\/validator_provider_addr\/([^/]+)\/([^/]+)$/,
    ({ snapshot }, id, address) => {
      // The keeper neither validates this consumer id nor checks the chain exists: "" when unknown.
      const c = consumer(snapshot, id!);
      for (const provider of c?.consumerKeys.keys() ?? []) {
        if (consumerAddressOf(snapshot, c!, provider) === address) return { provider_address: provider };
      }
      return { provider_address: '' };
    },
  ],
  [
    /^\/address_pairs\/([^/]+)$/,
    ({ snapshot }, id) => {
      // An unknown chain has no keys: an empty list. Store order: provider consensus-address bytes.
      const c = consumer(snapshot, validConsumerId(id!));
      const pairs = [...(c?.consumerKeys.entries() ?? [])]
        .sort(([a], [b]) => compareAddressBytes(a, b))
        .map(([provider, key]) => ({
          provider_address: provider,
          consumer_address: consumerAddressOf(snapshot, c!, provider),
          consumer_key: { ed25519: key },
        }));
      return { pair_val_con_addr: pairs };
    },
  ],
  [/^\/params$/, ({ snapshot }) => ({ params: paramsJson(snapshot) })],
  [/^\/blocks_until_next_epoch$/, ({ snapshot }) => ({ blocks_until_next_epoch: String(blocksUntilNextEpoch(snapshot)) })],
  [
    /^\/consumer_id\/([^/]+)$/,
    ({ snapshot }, clientId) => {
      const c = snapshot.consumers.find((x) => x.clientId !== '' && x.clientId === clientId);
      if (!c) throw new GrpcError(3, `no known consumer chain for this client id: ${clientId}`);
      return { consumer_id: c.consumerId };
    },
  ],
  [
    /^\/consumer_genesis_time\/([^/]+)$/,
    ({ snapshot }, id) => {
      const c = consumer(snapshot, validConsumerId(id!));
      const what = `cannot get consumer genesis time for consumer Id: ${id}`;
      // Every registered chain has initialization parameters; the client exists from launch until deletion.
      if (!c) throw new GrpcError(3, `${what}: no consumer chain with this consumer id`);
      if (c.clientId === '') throw new GrpcError(3, `${what}: consumer hasn't been launched or has been stopped and deleted`);
      if (!c.launchTime) throw new GrpcError(3, `${what}: cannot find consensus state for initial height: 1-1`);
      return { genesis_time: timestamp(c.launchTime) };
    },
  ],
  [
    /^\/consumer_genesis\/([^/]+)$/,
    ({ snapshot }, id) => {
      // Made at launch, kept while launched and stopped, deleted with the chain.
      const c = consumer(snapshot, validConsumerId(id!));
      const genesis = c && consumerGenesisJson(snapshot, c);
      if (!genesis) throw new GrpcError(5, `${id}: no consumer chain with this consumer id`);
      return { genesis_state: genesis };
    },
  ],
  [
    /^\/throttle_state$/,
    ({ snapshot }) => ({
      slash_meter: snapshot.slashMeter.toString(),
      // Computed at query time from the last total power, as the keeper's query does.
      slash_meter_allowance: slashMeterAllowance(lastTotalPower(snapshot.validators)).toString(),
      next_replenish_candidate: timestamp(snapshot.slashMeterReplenishCandidate),
    }),
  ],
  [/^\/registered_consumer_reward_denoms$/, () => ({ denoms: [] })],
];

/** ICS v4/v5: chain-id keyed, no phases, no consumer ids. */
const legacyRoutes: Array<[RegExp, Handler]> = [
  [/^\/params$/, ({ snapshot }) => ({ params: paramsJson(snapshot, true) })],
  [
    /^\/consumer_chains$/,
    ({ snapshot }) => ({
      chains: snapshot.consumers
        .filter((c) => c.phase === 'launched')
        .map((c) => ({ chain_id: c.chainId, client_id: c.clientId, top_N: c.topN, min_power_in_top_N: String(c.minPowerInTopN) })),
    }),
  ],
];

const stakingRoutes: Array<[RegExp, Handler]> = [
  [
    /^\/validators$/,
    ({ snapshot, query }) => {
      const status = query.get('status');
      if (status && !WIRE_BOND_STATUSES.includes(status as (typeof WIRE_BOND_STATUSES)[number])) {
        throw new GrpcError(3, `invalid validator status ${status}`);
      }
      // GenericFilteredPaginate over the validator store (keys: the operator address, length-prefixed).
      const page = filteredPaginate(
        snapshot.validators,
        (v) => operatorStoreKey(v.operatorAddress),
        (v) => !status || status === 'BOND_STATUS_UNSPECIFIED' || v.status === status,
        query,
      );
      return { validators: page.items.map(validatorJson), pagination: page.pagination };
    },
  ],
  [
    /^\/validators\/([^/]+)$/,
    ({ snapshot }, address) => {
      if (!hasPrefix(address!, snapshot.prefixes.validator)) throw new GrpcError(3, `invalid validator address ${address}`);
      const v = snapshot.validators.find((x) => x.operatorAddress === address);
      if (!v) throw new GrpcError(5, `validator ${address} not found`);
      return { validator: validatorJson(v) };
    },
  ],
  [
    /^\/pool$/,
    ({ snapshot }) => {
      let bonded = 0n;
      let notBonded = 0n;
      for (const v of snapshot.validators) {
        if (v.status === 'BOND_STATUS_BONDED') bonded += v.tokens;
        else notBonded += v.tokens;
      }
      return { pool: { not_bonded_tokens: notBonded.toString(), bonded_tokens: bonded.toString() } };
    },
  ],
  [
    /^\/params$/,
    ({ snapshot }) => ({
      params: {
        unbonding_time: `${UNBONDING_TIME_SECONDS}s`,
        max_validators: snapshot.maxValidators,
        max_entries: 7,
        historical_entries: 10000,
        bond_denom: snapshot.denom,
        min_commission_rate: decimal(snapshot.minCommissionRate),
      },
    }),
  ],
];

/** x/bank's DenomMetadata query: the staking denom's metadata when the scenario has it. */
const bankRoutes: Array<[RegExp, Handler]> = [
  [
    /^\/denoms_metadata\/(.+)$/,
    ({ snapshot }, denom) => {
      const m = snapshot.denomMetadata;
      if (!m || denom !== snapshot.denom) throw new GrpcError(5, `client metadata for denom ${denom}`);
      return {
        metadata: {
          description: m.description,
          denom_units: [
            { denom: snapshot.denom, exponent: 0, aliases: [] },
            { denom: m.display, exponent: m.exponent, aliases: [] },
          ],
          base: snapshot.denom,
          display: m.display,
          name: m.name,
          symbol: m.symbol,
          uri: '',
          uri_hash: '',
        },
      };
    },
  ],
];

/** x/auth's Bech32Prefix query (SDK 0.46+). */
const authRoutes: Array<[RegExp, Handler]> = [[/^\/bech32$/, ({ snapshot }) => ({ bech32_prefix: snapshot.prefixes.account })]];

const tendermintRoutes: Array<[RegExp, Handler]> = [
  [
    /^\/node_info$/,
    ({ snapshot }) => ({
      default_node_info: {
        protocol_version: { p2p: '8', block: '11', app: '0' },
        default_node_id: 'devnet0000000000000000000000000000000000',
        listen_addr: 'tcp://127.0.0.1:26656',
        network: snapshot.chainId,
        version: '0.38.17',
        channels: 'QCAhIiMwOGBhAA==',
        moniker: 'ics-devnet',
        other: { tx_index: 'on', rpc_address: 'tcp://127.0.0.1:26657' },
      },
      application_version: {
        name: 'gaia',
        app_name: 'gaiad',
        version: 'v27.6.0-devnet',
        git_commit: '',
        build_tags: 'devnet',
        go_version: 'go version go1.23.0 linux/amd64',
        build_deps: [],
        cosmos_sdk_version: 'v0.53.4',
      },
    }),
  ],
  [
    /^\/blocks\/latest$/,
    ({ snapshot }) => {
      // Proposer: the bonded validator with the most stake (deterministic, and a real consensus address).
      const proposer = snapshot.validators
        .filter((v) => v.status === 'BOND_STATUS_BONDED')
        .reduce<ValidatorState | undefined>((best, v) => (!best || v.tokens > best.tokens ? v : best), undefined);
      const proposerBytes = proposer ? Buffer.from(decodeAddress(proposer.consensusAddress).bytes) : Buffer.alloc(20);
      const hash = (what: string, height = snapshot.height) => blockHash(snapshot.chainId, what, height);
      const header = {
        version: { block: '11', app: '0' },
        chain_id: snapshot.chainId,
        height: String(snapshot.height),
        time: timestamp(snapshot.time),
        last_block_id:
          snapshot.height > 1
            ? { hash: hash('block', snapshot.height - 1), part_set_header: { total: 1, hash: hash('parts', snapshot.height - 1) } }
            : { hash: '', part_set_header: { total: 0, hash: '' } },
        last_commit_hash: hash('commit'),
        data_hash: hash('data'),
        validators_hash: hash('validators'),
        next_validators_hash: hash('validators'),
        consensus_hash: hash('consensus'),
        app_hash: hash('app'),
        last_results_hash: hash('results'),
        evidence_hash: hash('evidence'),
        proposer_address: proposerBytes.toString('base64'),
      };
      const body = { data: { txs: [] }, evidence: { evidence: [] }, last_commit: null };
      return {
        block_id: { hash: hash('block'), part_set_header: { total: 1, hash: hash('parts') } },
        block: { header, ...body },
        // SDK v0.47+ also sends the block with a bech32 proposer.
        sdk_block: { header: { ...header, proposer_address: proposer?.consensusAddress ?? '' }, ...body },
      };
    },
  ],
];

/** The validator store's key of an operator address (length-prefixed bytes), decoded once per address. */
const operatorKeys = new Map<string, Uint8Array>();
function operatorStoreKey(address: string): Uint8Array {
  let key = operatorKeys.get(address);
  if (!key) {
    if (operatorKeys.size > 100_000) operatorKeys.clear();
    key = lengthPrefixed(decodeAddress(address).bytes);
    operatorKeys.set(address, key);
  }
  return key;
}

function decimal(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(18, '0')}`;
}

function match(routes: Array<[RegExp, Handler]>, path: string): ((ctx: RouteContext) => unknown) | undefined {
  for (const [pattern, handler] of routes) {
    const m = pattern.exec(path);
    if (m) return (ctx) => handler(ctx, ...m.slice(1).map(decodeURIComponent));
  }
  return undefined;
}

/** The handler for a GET path, or a 501 as an SDK node answers for a route it does not have. */
export function route(path: string, icsMode: IcsMode): (ctx: RouteContext) => unknown {
  let handler: ((ctx: RouteContext) => unknown) | undefined;
  if (path.startsWith(`${ICS}/`)) {
    const rest = path.slice(ICS.length);
    if (icsMode === 'v7') handler = match(icsRoutes, rest);
    else if (icsMode === 'legacy') handler = match(legacyRoutes, rest);
  } else if (path.startsWith(`${STAKING}/`)) {
    handler = match(stakingRoutes, path.slice(STAKING.length));
  } else if (path.startsWith(`${TENDERMINT}/`)) {
    handler = match(tendermintRoutes, path.slice(TENDERMINT.length));
  } else if (path.startsWith(`${BANK}/`)) {
    handler = match(bankRoutes, path.slice(BANK.length));
  } else if (path.startsWith(`${AUTH}/`)) {
    handler = match(authRoutes, path.slice(AUTH.length));
  }
  return (
    handler ??
    (() => {
      throw NOT_IMPLEMENTED();
    })
  );
}
