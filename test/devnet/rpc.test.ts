// The devnet's CometBFT JSON-RPC, checked by running cosmjs against it (StargateClient,
// QueryClient + createProtobufRpcClient) and by its raw JSON, and compared with the REST read path.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClient, StargateClient, createProtobufRpcClient, setupStakingExtension } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import { BinaryWriter } from 'cosmjs-types/binary';
import { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { ProviderClient } from '../../src/client.js';
import { startDevnet } from '../../src/devnet/index.js';
import type { Devnet } from '../../src/devnet/index.js';
import { fieldString, fieldVarint, readFields } from '../../src/devnet/rpc/proto.js';
import { testOperator } from '../../src/devnet/test-keys.js';
import { formatDec } from '../../src/power/legacy-dec.js';

const ICS = 'interchain_security.ccv.provider.v1.Query';
const text = (bytes: Uint8Array | bigint | undefined) => (bytes instanceof Uint8Array ? new TextDecoder().decode(bytes) : '');
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

  it('ICS queries over ABCI equal the REST read path', async () => {
    const newcomer = testOperator('newcomer').operator;
    const valcons = await client.consensusAddressOf(newcomer);

    const chains = readFields(await rpc.request(ICS, 'QueryConsumerChains', new BinaryWriter().uint32(8).int32(0).uint32(18).bytes(PageRequest.encode({ key: new Uint8Array(), offset: 0n, limit: 1000n, countTotal: true, reverse: false }).finish()).finish()));
    const ids = (chains.get(1) ?? []).map((c) => fieldString(readFields(c as Uint8Array), 13));
    assert.deepEqual(ids, (await client.consumerChains({ phase: 'all' })).map((c) => c.consumerId));

    const chain = readFields(await rpc.request(ICS, 'QueryConsumerChain', request([1, '0'])));
    const rest = await client.consumerChain('0');
    assert.deepEqual([fieldString(chain, 2), fieldString(chain, 4)], [rest.chainId, 'CONSUMER_PHASE_LAUNCHED']);

    const validators = (readFields(await rpc.request(ICS, 'QueryConsumerValidators', request([1, '4']))).get(1) ?? []).map((v) => readFields(v as Uint8Array));
    const restValidators = await client.consumerValidators('4');
    assert.deepEqual(validators.map((v) => fieldString(v, 1)), restValidators.map((v) => v.providerAddress));
    assert.deepEqual(validators.map((v) => fieldVarint(v, 5)), restValidators.map((v) => v.consumerPower));
    // LegacyDec on the wire: the 10^18-scaled integer.
    assert.deepEqual(validators.map((v) => formatDec(BigInt(fieldString(v, 6)))), restValidators.map((v) => v.consumerCommissionRate));

    const optedIn = (readFields(await rpc.request(ICS, 'QueryConsumerChainOptedInValidators', request([1, '4']))).get(1) ?? []).map(text);
    assert.deepEqual(optedIn, await client.optedInValidators('4'));

    const top = await client.consensusAddressOf(testOperator('top').operator);
    const has = (readFields(await rpc.request(ICS, 'QueryConsumerChainsValidatorHasToValidate', request([1, top]))).get(1) ?? []).map(text);
    assert.deepEqual(has, await client.consumerChainsOfValidator(top));

    const rate = fieldString(readFields(await rpc.request(ICS, 'QueryValidatorConsumerCommissionRate', request([1, '4'], [2, valcons]))), 1);
    assert.equal(formatDec(BigInt(rate)), await client.consumerCommissionRate('4', newcomer));

    const keyed = await client.addressPairs('0');
    const addr = fieldString(readFields(await rpc.request(ICS, 'QueryValidatorConsumerAddr', request([1, keyed[0]!.providerAddress], [2, '0']))), 1);
    assert.equal(addr, keyed[0]!.consumerAddress);

    const params = readFields(fieldBytesOf(readFields(await rpc.request(ICS, 'QueryParams', new Uint8Array())), 1));
    assert.equal(fieldVarint(params, 10), BigInt((await client.providerParams()).blocksPerEpoch));
    assert.equal(fieldVarint(readFields(await rpc.request(ICS, 'QueryBlocksUntilNextEpoch', new Uint8Array())), 1), BigInt(await client.blocksUntilNextEpoch()));
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
    assert.deepEqual(bonded.map((v) => v.operatorAddress), rest.map((v) => v.operatorAddress));
    assert.deepEqual(bonded.map((v) => BigInt(v.tokens)), rest.map((v) => v.tokens));
    const one = await query.staking.validator(rest[0]!.operatorAddress);
    assert.equal(formatDec(BigInt(one.validator!.commission!.commissionRates!.rate)), rest[0]!.commissionRate);
    const pool = await query.staking.pool();
    assert.equal(BigInt(pool.pool!.bondedTokens), (await client.pool()).bondedTokens);
    const params = await query.staking.params();
    assert.equal(formatDec(BigInt(params.params!.minCommissionRate)), (await client.stakingParams()).minCommissionRate);
  });

  it('errors as a node: unknown path (code 6), InvalidArgument (18), NotFound (38), ICS absent, heights', async () => {
    const abci = async (path: string, height?: number) => query.queryAbci(path, new Uint8Array(), height).catch((e: Error) => e.message);
    assert.match(String(await abci('/cosmos.nothing.v1.Query/X')), /Query failed with \(6\): unknown query path: unknown request/);
    assert.match(String(await rpc.request(ICS, 'QueryConsumerChain', request([1, '999'])).catch((e: Error) => e.message)), /\(18\): rpc error: code = InvalidArgument desc = .*: invalid request/);
    const missing = await rpc.request('cosmos.auth.v1beta1.Query', 'Account', request([1, 'cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a'])).catch((e: Error) => e.message);
    assert.match(String(missing), /\(38\): rpc error: code = NotFound desc = account .* not found: key not found/);
    devnet.setIcsMode('absent');
    assert.match(String(await abci(`/${ICS}/QueryParams`)), /unknown query path/);
    devnet.setIcsMode('v7');
    // A kept past height answers from its snapshot.
    devnet.advance(3);
    const at2 = fieldVarint(readFields((await query.queryAbci(`/${ICS}/QueryBlocksUntilNextEpoch`, new Uint8Array(), 2)).value), 1);
    assert.equal(at2, 8n);
    assert.match(String(await abci(`/${ICS}/QueryParams`, 99)), /\(26\): cannot query with height in the future/);
  });

  it('raw JSON-RPC: shapes, batches, GET with URI params, CORS, unknown methods', async () => {
    const status = (await call({ jsonrpc: '2.0', id: 1, method: 'status' })) as { result: { node_info: Record<string, unknown>; sync_info: Record<string, unknown> } };
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

    const get = (await (await fetch(`${devnet.rpcUrl}/abci_query?path=%22/${ICS}/QueryBlocksUntilNextEpoch%22`)).json()) as { result: { response: { code: number; value: string; height: string } } };
    assert.equal(get.result.response.code, 0);
    assert.equal(get.result.response.height, '1');
    assert.deepEqual([...Buffer.from(get.result.response.value, 'base64')], [8, 9]);

    const preflight = await fetch(devnet.rpcUrl, { method: 'OPTIONS', headers: { origin: 'http://example.com', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');

    const block = (await call({ jsonrpc: '2.0', id: 2, method: 'block', params: { height: '1' } })) as { result: { block: { last_commit: { height: string } } } };
    assert.equal(block.result.block.last_commit.height, '0');
    const future = (await call({ jsonrpc: '2.0', id: 3, method: 'block', params: { height: '50' } })) as { error: { code: number; data: string } };
    assert.match(future.error.data, /must be less than or equal to the current blockchain height 1/);
  });
});

function fieldBytesOf(fields: Map<number, Array<Uint8Array | bigint>>, no: number): Uint8Array {
  const v = fields.get(no)?.at(-1);
  assert.ok(v instanceof Uint8Array);
  return v;
}
