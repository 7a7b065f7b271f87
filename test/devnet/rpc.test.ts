// The devnet's CometBFT JSON-RPC, checked by running cosmjs against it (StargateClient,
// QueryClient + createProtobufRpcClient) and by its raw JSON; ICS answers are decoded by protobufjs
// from .proto text written here from the v7 field tables and compared with hand-worked values.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClient, StargateClient, createProtobufRpcClient, setupStakingExtension } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import { BinaryWriter } from 'cosmjs-types/binary';
import { ProviderClient } from '../../src/client.js';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { testOperator } from '../../devnet/test-keys.js';
import { createHash } from 'node:crypto';
import { bech32 } from '@scure/base';
import protobuf from 'protobufjs';

const ICS = 'interchain_security.ccv.provider.v1.Query';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- protobufjs's toObject output, read field by field
type Json = any;
const DECODE = { longs: String, enums: Number, defaults: true, arrays: true };
const compareHex = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const valconsBytes = (address: string) => Buffer.from(bech32.fromWords(bech32.decode(address as `${string}1${string}`).words)).toString('hex');

/**
 * The messages read here, written from the ICS v7.0.0 and cosmos-sdk field tables (docs
 * ics-protocol.md §2-3 and §9), not from the devnet's code: field numbers and types only, so a
 * devnet that put a value under another number or type fails to decode to the worked values.
 */
const ics = protobuf.parse(`
syntax = "proto3";
message PageRequest { bytes key = 1; uint64 offset = 2; uint64 limit = 3; bool count_total = 4; bool reverse = 5; }
message QueryConsumerChainsRequest { int32 phase = 1; PageRequest pagination = 2; }
message ConsumerMetadata { string name = 1; string description = 2; string metadata = 3; }
message Chain {
  string chain_id = 1; string client_id = 2; uint32 top_N = 3; int64 min_power_in_top_N = 4;
  uint32 validators_power_cap = 5; uint32 validator_set_cap = 6; repeated string allowlist = 7; repeated string denylist = 8;
  string phase = 9; ConsumerMetadata metadata = 10; uint64 min_stake = 11; bool allow_inactive_vals = 12; string consumer_id = 13;
  repeated string prioritylist = 15;
}
message QueryConsumerChainsResponse { repeated Chain chains = 1; }
message QueryConsumerChainRequest { string consumer_id = 1; }
message QueryConsumerChainResponse { string consumer_id = 1; string chain_id = 2; string owner_address = 3; string phase = 4; ConsumerMetadata metadata = 5; string client_id = 9; }
message ConsumerIdRequest { string consumer_id = 1; }
message QueryConsumerValidatorsRequest { string consumer_id = 1; }
message PublicKey { oneof sum { bytes ed25519 = 1; bytes secp256k1 = 2; } }
message Description { string moniker = 1; string identity = 2; string website = 3; string security_contact = 4; string details = 5; }
message QueryConsumerValidatorsValidator {
  string provider_address = 1; PublicKey consumer_key = 2; int64 power = 3; string rate = 4; int64 consumer_power = 5;
  string consumer_commission_rate = 6; string provider_commission_rate = 7; Description description = 8;
  string provider_operator_address = 9; bool jailed = 10; int32 status = 11; string provider_tokens = 12;
  int64 provider_power = 13; bool validates_current_epoch = 14;
}
message QueryConsumerValidatorsResponse { repeated QueryConsumerValidatorsValidator validators = 1; }
message QueryConsumerChainOptedInValidatorsResponse { repeated string validators_provider_addresses = 1; }
message PairValConAddrProviderAndConsumer { string provider_address = 1; string consumer_address = 2; PublicKey consumer_key = 3; }
message QueryAllPairsValConsAddrByConsumerResponse { repeated PairValConAddrProviderAndConsumer pair_val_con_addr = 1; }
message QueryValidatorConsumerAddrRequest { string provider_address = 1; string consumer_id = 2; }
message QueryValidatorConsumerAddrResponse { string consumer_address = 1; }
message QueryValidatorConsumerCommissionRateRequest { string consumer_id = 1; string provider_address = 2; }
message QueryValidatorConsumerCommissionRateResponse { string rate = 1; }
message ProviderAddressRequest { string provider_address = 1; }
message QueryConsumerChainsValidatorHasToValidateResponse { repeated string consumer_ids = 1; }
message Params { string trusting_period_fraction = 2; string slash_meter_replenish_fraction = 7; int64 blocks_per_epoch = 10; int64 number_of_epochs_to_start_receiving_rewards = 11; int64 max_provider_consensus_validators = 12; }
message QueryParamsResponse { Params params = 1; }
message QueryBlocksUntilNextEpochResponse { uint64 blocks_until_next_epoch = 1; }
`).root;
const request = (...fields: Array<[number, string]>) => {
  const w = BinaryWriter.create();
  for (const [no, value] of fields) w.uint32((no << 3) | 2).string(value);
  return w.finish();
};

describe('devnet CometBFT RPC', () => {
  let devnet: Devnet;
  let client: ProviderClient;
  let stargate: StargateClient;
  let query: QueryClient & ReturnType<typeof setupStakingExtension>;
  let rpc: ReturnType<typeof createProtobufRpcClient>;
  const call = async (body: unknown) => (await (await fetch(devnet.rpcUrl, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, unknown>;

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0 });
    client = new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl, cacheTtlMs: 0 });
    stargate = await StargateClient.connect(devnet.rpcUrl);
    query = QueryClient.withExtensions(await connectComet(devnet.rpcUrl), setupStakingExtension);
    rpc = createProtobufRpcClient(query);
  });
  beforeEach(() => devnet.reset());
  after(async () => {
    stargate.disconnect();
    await devnet.stop();
  });

  it('StargateClient connects (CometBFT 0.38 detected): chain id, height, account, balance', async () => {
    devnet.advance(3);
    assert.equal(await stargate.getChainId(), 'provider-devnet-1');
    assert.equal(await stargate.getHeight(), 4);
    const op = testOperator('newcomer');
    const account = await stargate.getAccount(op.account);
    assert.equal(account?.address, op.account);
    assert.equal(account?.pubkey, null, 'no public key before the first signature');
    assert.equal(account?.sequence, 0);
    assert.deepEqual(await stargate.getBalance(op.account, 'uatom'), { denom: 'uatom', amount: '1000000000' });
    assert.equal(await stargate.getAccount('cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a'), null, 'unknown account: NotFound, which cosmjs reads as null');
    const block = await stargate.getBlock(2);
    assert.equal(block.header.height, 2);
    assert.equal(block.header.chainId, 'provider-devnet-1');
  });

  it('ICS queries over ABCI, decoded by protobufjs from the v7 field tables, give the hand-worked answers', async () => {
    const abci = async (method: string, type: string | undefined, fields: Record<string, unknown> = {}) => {
      const bytes = type === undefined ? new Uint8Array() : ics.lookupType(type).encode(ics.lookupType(type).fromObject(fields)).finish();
      return (await query.queryAbci(`/${ICS}/${method}`, bytes)).value;
    };
    const decode = (type: string, bytes: Uint8Array) =>
      ics.lookupType(type).toObject(ics.lookupType(type).decode(bytes), DECODE) as Record<string, unknown> & Json;

    // All 42 chains of the scenario (ids "0" to "41"), phase 0 = all.
    const all = decode(
      'QueryConsumerChainsResponse',
      await abci('QueryConsumerChains', 'QueryConsumerChainsRequest', { phase: 0, pagination: { limit: 1000 } }),
    );
    assert.deepEqual(
      all.chains.map((c: Json) => c.consumerId),
      Array.from({ length: 42 }, (_, i) => String(i)),
    );
    const [neutron, stride, elys, intento] = all.chains as Json[];
    // Chain 0: Top-N 95. Of the 180 provider consensus validators (274341591 power), ranks 1-133
    // first hold 95%; the 133rd has 335144 (worked from the scenario's tokens, see signing-suite.ts).
    assert.deepEqual(
      [neutron.chainId, neutron.clientId, neutron.top_N, neutron.minPowerInTop_N, neutron.phase, neutron.metadata.name],
      ['neutron-1', '07-tendermint-0', 95, '335144', 'CONSUMER_PHASE_LAUNCHED', 'Neutron'],
    );
    // Chain 1: an opt-in chain (min power -1) with a set cap of 7, a power cap of 20 % and 8 allowed validators.
    assert.deepEqual(
      [stride.chainId, stride.top_N, stride.minPowerInTop_N, stride.validatorSetCap, stride.validatorsPowerCap, stride.allowlist.length],
      ['stride-1', 0, '-1', 7, 20, 8],
    );
    assert.deepEqual([elys.minStake, elys.denylist.length, elys.allowInactiveVals], ['800000000000', 1, false]);
    assert.deepEqual([intento.allowInactiveVals, intento.validatorSetCap], [true, 12]);

    const nova = decode('QueryConsumerChainResponse', await abci('QueryConsumerChain', 'QueryConsumerChainRequest', { consumerId: '5' }));
    assert.deepEqual([nova.consumerId, nova.chainId, nova.phase, nova.metadata.name, nova.clientId], ['5', 'nova-1', 'CONSUMER_PHASE_REGISTERED', 'Nova', '']);

    // Chain 4 (opt-in, power cap 10 %): the 20 opted-in validators, all within the top 180, validate.
    const top = testOperator('top');
    const opted = testOperator('opted');
    const set = decode('QueryConsumerValidatorsResponse', await abci('QueryConsumerValidators', 'QueryConsumerValidatorsRequest', { consumerId: '4' }));
    assert.equal(set.validators.length, 20);
    const operators = set.validators.map((v: Json) => v.providerOperatorAddress);
    assert.ok(operators.includes(top.operator) && operators.includes(opted.operator));
    assert.ok(!operators.includes(testOperator('newcomer').operator));
    const topRow = set.validators.find((v: Json) => v.providerOperatorAddress === top.operator);
    assert.deepEqual(
      [topRow.description.moniker, topRow.status, topRow.jailed, topRow.providerPower, topRow.providerTokens],
      ['Test Operator Top (TEST KEY)', 3, false, '8570621', '8570621000000'],
    );
    assert.equal(topRow.consumerKey.ed25519.length, 32);
    // Valcons addresses: sorted ascending by address bytes, as the keeper returns them.
    const providers = set.validators.map((v: Json) => v.providerAddress as string);
    assert.deepEqual(providers.map(valconsBytes), providers.map(valconsBytes).sort(compareHex));

    const optedIn = decode(
      'QueryConsumerChainOptedInValidatorsResponse',
      await abci('QueryConsumerChainOptedInValidators', 'ConsumerIdRequest', { consumerId: '4' }),
    );
    assert.deepEqual([...optedIn.validatorsProviderAddresses].sort(), [...providers].sort());

    // Validator 0 assigned "Ui5Gf1…" on chain 0: its consumer address is the valcons of sha256(key)[:20].
    const first = decode(
      'QueryConsumerChainsResponse',
      await abci('QueryConsumerChains', 'QueryConsumerChainsRequest', { phase: 3, pagination: { limit: 1 } }),
    );
    assert.equal(first.chains[0].consumerId, '0');
    const pairs = decode(
      'QueryAllPairsValConsAddrByConsumerResponse',
      await abci('QueryAllPairsValConsAddrByConsumer', 'ConsumerIdRequest', { consumerId: '0' }),
    );
    const assigned = pairs.pairValConAddr.find(
      (p: Json) => Buffer.from(p.consumerKey.ed25519).toString('base64') === 'Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=',
    );
    const expected = bech32.encode(
      'cosmosvalcons',
      bech32.toWords(createHash('sha256').update(Buffer.from('Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=', 'base64')).digest().subarray(0, 20)),
    );
    assert.equal(assigned?.consumerAddress, expected);
    const addr = decode(
      'QueryValidatorConsumerAddrResponse',
      await abci('QueryValidatorConsumerAddr', 'QueryValidatorConsumerAddrRequest', { providerAddress: assigned.providerAddress, consumerId: '0' }),
    );
    assert.equal(addr.consumerAddress, expected);

    // Validator 1 set 0.1 on chain 0: LegacyDec on the wire is the 10^18-scaled integer.
    const rates = decode('QueryConsumerValidatorsResponse', await abci('QueryConsumerValidators', 'QueryConsumerValidatorsRequest', { consumerId: '0' }));
    const second = rates.validators.find((v: Json) => v.description.moniker === 'Binance Staking');
    const rate = decode(
      'QueryValidatorConsumerCommissionRateResponse',
      await abci('QueryValidatorConsumerCommissionRate', 'QueryValidatorConsumerCommissionRateRequest', {
        consumerId: '0',
        providerAddress: second.providerAddress,
      }),
    );
    assert.equal(rate.rate, '100000000000000000');
    assert.equal(second.consumerCommissionRate, '100000000000000000');

    // The top operator (rank 7) must validate Top-N chain 0 and is opted in to chain 4; chain 6,
    // where it is opted in too, is initialized and has no IBC client yet, which the query skips (§3).
    const has = decode(
      'QueryConsumerChainsValidatorHasToValidateResponse',
      await abci('QueryConsumerChainsValidatorHasToValidate', 'ProviderAddressRequest', { providerAddress: topRow.providerAddress }),
    );
    assert.deepEqual(has.consumerIds, ['0', '4']);

    const params = decode('QueryParamsResponse', await abci('QueryParams', undefined));
    assert.deepEqual([params.params.blocksPerEpoch, params.params.maxProviderConsensusValidators], ['10', '180']);
    // Height 1 of a 10-block epoch: 9 blocks to go.
    assert.equal(decode('QueryBlocksUntilNextEpochResponse', await abci('QueryBlocksUntilNextEpoch', undefined)).blocksUntilNextEpoch, '9');
  });

  it('staking queries (cosmjs-types) equal the REST read path', async () => {
    const bonded = [];
    let key: Uint8Array | undefined;
    do {
      const page = await query.staking.validators('BOND_STATUS_BONDED', key);
      bonded.push(...page.validators);
      key = page.pagination?.nextKey.length ? page.pagination.nextKey : undefined;
    } while (key);
    const rest = await client.validators({ status: 'bonded' });
    assert.deepEqual(
      bonded.map((v) => v.operatorAddress),
      rest.map((v) => v.operatorAddress),
    );
    assert.deepEqual(
      bonded.map((v) => BigInt(v.tokens)),
      rest.map((v) => v.tokens),
    );
    const one = await query.staking.validator(rest[0]!.operatorAddress);
    // LegacyDec travels as its 18-place atomics: REST's decimal text without the point.
    assert.match(rest[0]!.commissionRate, /^\d+\.\d{18}$/);
    assert.equal(one.validator!.commission!.commissionRates!.rate, BigInt(rest[0]!.commissionRate.replace('.', '')).toString());
    const pool = await query.staking.pool();
    assert.equal(BigInt(pool.pool!.bondedTokens), (await client.pool()).bondedTokens);
    const params = await query.staking.params();
    // The scenario's minimum commission rate, 0.05, as 0.05 × 10^18 atomics and as REST's text.
    assert.equal(params.params!.minCommissionRate, '50000000000000000');
    assert.equal((await client.stakingParams()).minCommissionRate, '0.050000000000000000');
  });

  it('errors as a node: unknown path (code 6), InvalidArgument (18), NotFound (38), ICS absent, heights', async () => {
    const abci = async (path: string, height?: number) => query.queryAbci(path, new Uint8Array(), height).catch((e: Error) => e.message);
    assert.match(String(await abci('/cosmos.nothing.v1.Query/X')), /Query failed with \(6\): unknown query path: unknown request/);
    assert.match(
      String(await rpc.request(ICS, 'QueryConsumerChain', request([1, '999'])).catch((e: Error) => e.message)),
      /\(18\): rpc error: code = InvalidArgument desc = .*: invalid request/,
    );
    const missing = await rpc
      .request('cosmos.auth.v1beta1.Query', 'Account', request([1, 'cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a']))
      .catch((e: Error) => e.message);
    assert.match(String(missing), /\(38\): rpc error: code = NotFound desc = account .* not found: key not found/);
    devnet.setIcsMode('absent');
    assert.match(String(await abci(`/${ICS}/QueryParams`)), /unknown query path/);
    devnet.setIcsMode('v7');
    // A kept past height answers from its snapshot.
    devnet.advance(3);
    const at2 = ics
      .lookupType('QueryBlocksUntilNextEpochResponse')
      .toObject(
        ics.lookupType('QueryBlocksUntilNextEpochResponse').decode((await query.queryAbci(`/${ICS}/QueryBlocksUntilNextEpoch`, new Uint8Array(), 2)).value),
        DECODE,
      );
    assert.equal(at2.blocksUntilNextEpoch, '8');
    assert.match(String(await abci(`/${ICS}/QueryParams`, 99)), /\(26\): cannot query with height in the future/);
  });

  it('raw JSON-RPC: shapes, batches, GET with URI params, CORS, unknown methods', async () => {
    const status = (await call({ jsonrpc: '2.0', id: 1, method: 'status' })) as {
      result: { node_info: Record<string, unknown>; sync_info: Record<string, unknown> };
    };
    assert.equal(status.result.node_info.version, '0.38.17');
    assert.equal(status.result.node_info.network, 'provider-devnet-1');
    assert.match(String(status.result.sync_info.latest_block_hash), /^[0-9A-F]{64}$/);
    assert.equal(status.result.sync_info.latest_block_height, '1');
    assert.match(String(status.result.sync_info.latest_block_time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const batch = (await call([
      { jsonrpc: '2.0', id: 'a', method: 'abci_info' },
      { jsonrpc: '2.0', id: 'b', method: 'nope' },
    ])) as unknown as Array<{ id: string; result?: unknown; error?: { code: number } }>;
    assert.equal(batch.length, 2);
    assert.equal(batch[0]!.id, 'a');
    assert.equal(batch[1]!.error?.code, -32601);

    const get = (await (await fetch(`${devnet.rpcUrl}/abci_query?path=%22/${ICS}/QueryBlocksUntilNextEpoch%22`)).json()) as {
      result: { response: { code: number; value: string; height: string } };
    };
    assert.equal(get.result.response.code, 0);
    assert.equal(get.result.response.height, '1');
    assert.deepEqual([...Buffer.from(get.result.response.value, 'base64')], [8, 9]);

    const preflight = await fetch(devnet.rpcUrl, { method: 'OPTIONS', headers: { origin: 'http://example.com', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');

    const block = (await call({ jsonrpc: '2.0', id: 2, method: 'block', params: { height: '1' } })) as {
      result: { block: { last_commit: { height: string } } };
    };
    assert.equal(block.result.block.last_commit.height, '0');
    const future = (await call({ jsonrpc: '2.0', id: 3, method: 'block', params: { height: '50' } })) as { error: { code: number; data: string } };
    assert.match(future.error.data, /must be less than or equal to the current blockchain height 1/);
  });
});

describe('devnet CometBFT RPC latency', () => {
  it('adds the configured latency once per HTTP request (a batch pays it once), not to CORS preflights', async () => {
    const LATENCY_MS = 1_000;
    const devnet = await startDevnet({ blockTimeMs: 0, latencyMs: LATENCY_MS });
    try {
      const post = (body: unknown) => fetch(devnet.rpcUrl, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
      const started = Date.now();
      const batch = (await post([1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, method: 'abci_info' })))) as unknown[];
      const took = Date.now() - started;
      assert.equal(batch.length, 3);
      // At least the latency; well under three times it (what one delay per call would take).
      assert.ok(took >= LATENCY_MS && took < 3 * LATENCY_MS, `a batch of 3 took ${took} ms`);

      // Order, not durations: the POST asked first arrives after the preflight asked next.
      const order: string[] = [];
      await Promise.all([
        post({ jsonrpc: '2.0', id: 1, method: 'health' }).then(() => order.push('post')),
        new Promise((resolve) => setImmediate(resolve))
          .then(() => fetch(devnet.rpcUrl, { method: 'OPTIONS', headers: { origin: 'http://example.com', 'access-control-request-method': 'POST' } }))
          .then((r) => order.push(`options ${r.status}`)),
      ]);
      assert.deepEqual(order, ['options 204', 'post']);
    } finally {
      await devnet.stop();
    }
  });
});
