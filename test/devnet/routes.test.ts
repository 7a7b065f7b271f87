// The devnet's REST answers as a Cosmos SDK v0.53 node writes them: field names and JSON types,
// pagination, heights, CORS, the ICS-absent and legacy modes, injected faults, the control API.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateScenario, startDevnet } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { decodeAddress } from '../../src/chain/bech32.js';
import { ProviderClient } from '../../src/index.js';

const ICS = '/interchain_security/ccv/provider';
const DEC = /^\d+\.\d{18}$/;
const INT = /^-?\d+$/;

/** Asserts each key's JSON type: 'string' | 'number' | 'boolean' | 'array' | 'object' | a RegExp for strings. */
function shape(value: unknown, expected: Record<string, string | RegExp>, where: string): void {
  const obj = value as Record<string, unknown>;
  assert.deepEqual(Object.keys(obj).sort(), Object.keys(expected).sort(), `${where}: field names`);
  for (const [key, type] of Object.entries(expected)) {
    const v = obj[key];
    if (type instanceof RegExp) assert.match(String(v), type, `${where}.${key}`);
    if (type instanceof RegExp) assert.equal(typeof v, 'string', `${where}.${key} is a string`);
    else if (type === 'array') assert.ok(Array.isArray(v), `${where}.${key} is an array`);
    else if (type === 'object') assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `${where}.${key} is an object`);
    else assert.equal(typeof v, type, `${where}.${key} is a ${type}`);
  }
}

describe('devnet REST routes', () => {
  let devnet: Devnet;
  let many: Devnet;
  const get = (path: string, init?: RequestInit) => fetch(`${devnet.restUrl}${path}`, init);
  const json = async (path: string, init?: RequestInit) => {
    const response = await get(path, init);
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0 });
    many = await startDevnet({ blockTimeMs: 0, scenario: generateScenario({ chains: 260 }) });
  });
  beforeEach(() => devnet.reset());
  after(() => Promise.all([devnet.stop(), many.stop()]));

  it('consumer_chains: the Chain message with proto names and JSON types', async () => {
    const body = await json(`${ICS}/consumer_chains/0?pagination.limit=1000`);
    const chains = body.chains as Array<Record<string, unknown>>;
    assert.equal(chains.length, 42);
    for (const [i, chain] of chains.entries()) {
      shape(
        chain,
        {
          chain_id: 'string',
          client_id: 'string',
          top_N: 'number',
          min_power_in_top_N: INT,
          validators_power_cap: 'number',
          validator_set_cap: 'number',
          allowlist: 'array',
          denylist: 'array',
          phase: /^CONSUMER_PHASE_(REGISTERED|INITIALIZED|LAUNCHED|STOPPED|DELETED)$/,
          metadata: 'object',
          min_stake: INT,
          allow_inactive_vals: 'boolean',
          consumer_id: /^\d+$/,
          allowlisted_reward_denoms: 'object',
          prioritylist: 'array',
          infraction_parameters: 'object',
        },
        `chains[${i}]`,
      );
    }
    const neutron = chains.find((c) => c.consumer_id === '0')!;
    assert.equal(neutron.top_N, 95);
    assert.notEqual(neutron.min_power_in_top_N, '-1');
    assert.equal(chains.find((c) => c.consumer_id === '1')!.min_power_in_top_N, '-1');
    assert.deepEqual(
      chains.map((c) => Number(c.consumer_id)),
      [...chains.keys()],
      'ordered by consumer id as numbers',
    );
    assert.deepEqual(body.pagination, { next_key: null, total: '0' });
  });

  it('phase filter by number and by name; unknown phase is InvalidArgument', async () => {
    const byNumber = await json(`${ICS}/consumer_chains/3`);
    const byName = await json(`${ICS}/consumer_chains/CONSUMER_PHASE_LAUNCHED`);
    assert.deepEqual(byNumber, byName);
    assert.ok((byNumber.chains as Array<{ phase: string }>).every((c) => c.phase === 'CONSUMER_PHASE_LAUNCHED'));
    const bad = await get(`${ICS}/consumer_chains/9`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { code: number }).code, 3);
  });

  it('pagination: key, offset, count_total, reverse over 260 chains', async () => {
    const page = (q: string) =>
      fetch(`${many.restUrl}${ICS}/consumer_chains/0?${q}`).then((r) => r.json()) as Promise<{
        chains: Array<{ consumer_id: string }>;
        pagination: { next_key: string | null; total: string };
      }>;
    const first = await page('pagination.limit=100&pagination.count_total=true');
    assert.equal(first.chains.length, 100);
    assert.equal(first.pagination.total, '260');
    assert.equal(typeof first.pagination.next_key, 'string');
    const second = await page(`pagination.limit=100&pagination.key=${encodeURIComponent(first.pagination.next_key!)}`);
    assert.equal(second.chains[0]!.consumer_id, '100');
    assert.equal(second.pagination.total, '0', 'total only without a key');
    const third = await page(`pagination.limit=100&pagination.key=${encodeURIComponent(second.pagination.next_key!)}`);
    assert.equal(third.chains.length, 60);
    assert.equal(third.pagination.next_key, null);
    const offset = await page('pagination.offset=250&pagination.limit=5');
    assert.deepEqual(
      offset.chains.map((c) => c.consumer_id),
      ['250', '251', '252', '253', '254'],
    );
    const reversed = await page('pagination.limit=2&pagination.reverse=true');
    assert.deepEqual(
      reversed.chains.map((c) => c.consumer_id),
      ['259', '258'],
    );
    const both = await fetch(`${many.restUrl}${ICS}/consumer_chains/0?pagination.offset=5&pagination.key=MQ==`);
    assert.equal(both.status, 400);
  });

  it('consumer_chains pagination (FilteredPaginate): next_key is the store key; with a key it points at the next stored chain, whatever its phase', async () => {
    // The generated chains cycle registered, registered, launched, initialized, stopped, deleted,
    // registered, launched: ids with id % 8 = 2 or 7 are launched (65 of 260). The phase store's
    // key is the id's length as a big-endian uint64, then the id: "10" → 00…02 31 30.
    type Body = { chains: Array<{ consumer_id: string }>; pagination: { next_key: string | null; total: string } };
    const page = async (q: string) => (await fetch(`${many.restUrl}${ICS}/consumer_chains/3?${q}`).then((r) => r.json())) as Body;
    const ids = (b: Body) => b.chains.map((c) => c.consumer_id);
    const key = (k: string) => `pagination.key=${encodeURIComponent(k)}`;

    // Offset mode: next_key is the first hit after the page (launched "10"); total counts the hits.
    const first = await page('pagination.limit=2&pagination.count_total=true');
    assert.deepEqual([ids(first), first.pagination], [['2', '7'], { next_key: 'AAAAAAAAAAIxMA==', total: '65' }]);
    // Key mode: two hits from "10", then next_key is the next stored entry: "16", a registered chain.
    const second = await page(`pagination.limit=2&${key('AAAAAAAAAAIxMA==')}`);
    assert.deepEqual([ids(second), second.pagination], [['10', '15'], { next_key: 'AAAAAAAAAAIxNg==', total: '0' }]);
    const third = await page(`pagination.limit=2&${key('AAAAAAAAAAIxNg==')}`);
    assert.deepEqual([ids(third), third.pagination.next_key], [['18', '23'], 'AAAAAAAAAAIyNA==']);
    // Near the end: from "250" two hits (250, 255), next_key "256" (registered); that page holds one hit.
    const late = await page(`pagination.limit=2&${key('AAAAAAAAAAMyNTA=')}`);
    assert.deepEqual([ids(late), late.pagination.next_key], [['250', '255'], 'AAAAAAAAAAMyNTY=']);
    const last = await page(`pagination.limit=2&${key('AAAAAAAAAAMyNTY=')}`);
    assert.deepEqual([ids(last), last.pagination.next_key], [['258'], null]);
    // Reverse from "16": walks 16, 15, …; hits 15 and 10, next_key the stored entry below: "9".
    const back = await page(`pagination.limit=2&pagination.reverse=true&${key('AAAAAAAAAAIxNg==')}`);
    assert.deepEqual([ids(back), back.pagination.next_key], [['15', '10'], 'AAAAAAAAAAE5']);
    // All chains, offset mode: the 101st is "100".
    const all = (await fetch(`${many.restUrl}${ICS}/consumer_chains/0?pagination.limit=100`).then((r) => r.json())) as Body;
    assert.equal(all.pagination.next_key, 'AAAAAAAAAAMxMDA=');

    // Staking validators: the store key is the operator address bytes with a length byte (0x14).
    type Validators = { validators: Array<{ operator_address: string }>; pagination: { next_key: string | null } };
    const vals = (q: string) => fetch(`${many.restUrl}/cosmos/staking/v1beta1/validators?${q}`).then((r) => r.json()) as Promise<Validators>;
    const [firstTwo, one] = await Promise.all([vals('pagination.limit=2'), vals('pagination.limit=1')]);
    const secondValidator = firstTwo.validators[1]!.operator_address;
    assert.equal(one.pagination.next_key, Buffer.from([20, ...decodeAddress(secondValidator).bytes]).toString('base64'));
    assert.equal((await vals(`pagination.limit=1&${key(one.pagination.next_key!)}`)).validators[0]!.operator_address, secondValidator);

    // The client passes next_key back as it came and reads every launched chain, pages of 7.
    const client = new ProviderClient({ rest: many.restUrl, pageLimit: 7, cacheTtlMs: 0 });
    const launched = await client.consumerChains({ phase: 'launched' });
    const expected = Array.from({ length: 260 }, (_, i) => i)
      .filter((i) => i % 8 === 2 || i % 8 === 7)
      .map(String);
    assert.deepEqual(
      launched.map((c) => c.consumerId),
      expected,
    );
  });

  it('consumer_validators: the v7 entry with deprecated fields zeroed', async () => {
    const { validators } = (await json(`${ICS}/consumer_validators/0`)) as { validators: Array<Record<string, unknown>> };
    assert.ok(validators.length > 100);
    for (const [i, v] of validators.entries()) {
      shape(
        v,
        {
          provider_address: /^cosmosvalcons1/,
          consumer_key: 'object',
          power: /^0$/,
          rate: /^0\.000000000000000000$/,
          consumer_power: INT,
          consumer_commission_rate: DEC,
          provider_commission_rate: DEC,
          description: 'object',
          provider_operator_address: /^cosmosvaloper1/,
          jailed: 'boolean',
          status: /^BOND_STATUS_BONDED$/,
          provider_tokens: INT,
          provider_power: INT,
          validates_current_epoch: 'boolean',
        },
        `validators[${i}]`,
      );
      assert.match((v.consumer_key as { ed25519: string }).ed25519, /^[A-Za-z0-9+/]{43}=$/);
    }
    // Store order is by address bytes; the bech32 alphabet is not in value order, so compare bytes.
    const hex = (a: string) => Buffer.from(decodeAddress(a).bytes).toString('hex');
    const addresses = validators.map((v) => hex(v.provider_address as string));
    assert.deepEqual(addresses, [...addresses].sort(), 'ascending by consensus-address bytes');
  });

  it('staking validators, pool, params; base node_info and latest block', async () => {
    const { validators, pagination } = (await json('/cosmos/staking/v1beta1/validators?status=BOND_STATUS_BONDED&pagination.limit=500')) as {
      validators: Array<Record<string, unknown>>;
      pagination: unknown;
    };
    assert.equal(validators.length, 200);
    assert.deepEqual(pagination, { next_key: null, total: '0' });
    const v = validators[0]!;
    assert.deepEqual((v.consensus_pubkey as Record<string, string>)['@type'], '/cosmos.crypto.ed25519.PubKey');
    assert.match((v.commission as { commission_rates: { rate: string } }).commission_rates.rate, DEC);
    const one = await json(`/cosmos/staking/v1beta1/validators/${v.operator_address as string}`);
    assert.deepEqual(one.validator, v);
    const missing = await get('/cosmos/staking/v1beta1/validators/cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkh52tw');
    assert.equal(missing.status, 404);
    const badChecksum = await get('/cosmos/staking/v1beta1/validators/cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkh6mvv');
    assert.equal(badChecksum.status, 400);
    const pool = (await json('/cosmos/staking/v1beta1/pool')).pool as Record<string, string>;
    assert.equal(
      BigInt(pool.bonded_tokens!),
      validators.reduce((s, x) => s + BigInt(x.tokens as string), 0n),
    );
    const params = (await json('/cosmos/staking/v1beta1/params')).params as Record<string, unknown>;
    assert.equal(params.max_validators, 200);
    assert.equal(params.min_commission_rate, '0.050000000000000000');
    const info = await json('/cosmos/base/tendermint/v1beta1/node_info');
    assert.equal((info.default_node_info as { network: string }).network, 'provider-devnet-1');
    const block = await json('/cosmos/base/tendermint/v1beta1/blocks/latest');
    assert.equal((block.block as { header: { height: string } }).header.height, String(devnet.height()));
  });

  it('the small ICS queries', async () => {
    const params = (await json(`${ICS}/params`)).params as Record<string, unknown>;
    assert.equal(params.blocks_per_epoch, '10');
    assert.equal(params.max_provider_consensus_validators, '180');
    assert.deepEqual(await json(`${ICS}/blocks_until_next_epoch`), { blocks_until_next_epoch: '9' });
    assert.deepEqual(await json(`${ICS}/consumer_id/07-tendermint-0`), { consumer_id: '0' });
    const pairs = (await json(`${ICS}/address_pairs/0`)).pair_val_con_addr as Array<{ consumer_address: string }>;
    assert.equal(pairs.length, 2);
    assert.match(pairs[0]!.consumer_address, /^cosmosvalcons1/);
    const time = await json(`${ICS}/consumer_genesis_time/0`);
    assert.ok(!Number.isNaN(Date.parse(time.genesis_time as string)));
    assert.deepEqual(await json(`${ICS}/registered_consumer_reward_denoms`), { denoms: [] });
    const throttle = await json(`${ICS}/throttle_state`);
    assert.match(throttle.slash_meter as string, INT);
  });

  it('errors as the gateway writes them', async () => {
    const cases: Array<[string, number, number, RegExp]> = [
      [`${ICS}/consumer_chain/999`, 400, 3, /cannot retrieve chain id for consumer id: 999/],
      [`${ICS}/opted_in_validators/7`, 400, 3, /unknown consumer chain/],
      [`${ICS}/consumer_chains_per_validator/cosmosvaloper1xyz`, 400, 3, /invalid provider address/],
      [`${ICS}/no_such_route`, 501, 12, /^Not Implemented$/],
      ['/cosmos/bank/v1beta1/balances/x', 501, 12, /^Not Implemented$/],
    ];
    for (const [path, status, code, message] of cases) {
      const response = await get(path);
      assert.equal(response.status, status, path);
      const body = (await response.json()) as { code: number; message: string; details: unknown[] };
      assert.equal(body.code, code, path);
      assert.match(body.message, message, path);
      assert.deepEqual(body.details, []);
    }
  });

  it('reads at a past height from kept snapshots; refuses pruned and future heights', async () => {
    const id = '4';
    const before = (await json(`${ICS}/opted_in_validators/${id}`)).validators_provider_addresses as string[];
    const height = devnet.height();
    const newcomer = devnet.state().validators.find((v) => !before.includes(v.consensusAddress))!;
    devnet.optIn(id, newcomer.operatorAddress);
    devnet.advance(3);
    const response = await get(`${ICS}/opted_in_validators/${id}`, { headers: { 'x-cosmos-block-height': String(height) } });
    assert.equal(response.headers.get('grpc-metadata-x-cosmos-block-height'), String(height));
    assert.deepEqual(((await response.json()) as { validators_provider_addresses: string[] }).validators_provider_addresses, before);
    const future = await get(`${ICS}/params`, { headers: { 'x-cosmos-block-height': String(devnet.height() + 5) } });
    assert.equal(future.status, 400);
    assert.match(((await future.json()) as { message: string }).message, /height in the future/);
    devnet.advance(100);
    const pruned = await get(`${ICS}/params`, { headers: { 'x-cosmos-block-height': String(height) } });
    assert.equal(pruned.status, 400);
    assert.match(((await pruned.json()) as { message: string }).message, new RegExp(`failed to load state at height ${height}; version does not exist`));
  });

  it('CORS: preflight allows the height header and answers expose it', async () => {
    const preflight = await get(`${ICS}/params`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-headers': 'x-cosmos-block-height' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-cosmos-block-height/);
    const response = await get(`${ICS}/params`);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /grpc-metadata-x-cosmos-block-height/);
  });

  it('ICS-absent mode: ICS routes are not implemented, staking still answers', async () => {
    devnet.setIcsMode('absent');
    assert.equal((await get(`${ICS}/params`)).status, 501);
    assert.equal((await get(`${ICS}/consumer_chains/0`)).status, 501);
    assert.equal((await get('/cosmos/staking/v1beta1/pool')).status, 200);
  });

  it('legacy mode: chain-id keyed list, no phases, no consumer ids', async () => {
    devnet.setIcsMode('legacy');
    const params = (await json(`${ICS}/params`)).params as Record<string, unknown>;
    assert.equal(params.max_provider_consensus_validators, undefined);
    const { chains } = (await json(`${ICS}/consumer_chains`)) as { chains: Array<Record<string, unknown>> };
    assert.ok(chains.length > 0 && chains.every((c) => typeof c.chain_id === 'string' && c.consumer_id === undefined));
    assert.equal((await get(`${ICS}/consumer_chains/0`)).status, 501);
  });

  it('faults: error, malformed JSON, wrong shape, reset, timeout, latency, path prefix and times', async () => {
    devnet.setFaults({ mode: 'error', status: 503, times: 1 });
    assert.equal((await get(`${ICS}/params`)).status, 503);
    assert.equal((await get(`${ICS}/params`)).status, 200, 'only the next request');
    devnet.setFaults({ mode: 'malformed-json', pathPrefix: `${ICS}/consumer_chains` });
    assert.equal((await get(`${ICS}/params`)).status, 200, 'other paths are untouched');
    await assert.rejects((await get(`${ICS}/consumer_chains/0`)).json());
    devnet.setFaults({ mode: 'wrong-shape' });
    const wrong = (await (await get(`${ICS}/consumer_chains/0`)).json()) as { chains: Array<{ min_stake: unknown }> };
    assert.equal(typeof wrong.chains[0]!.min_stake, 'number');
    devnet.setFaults({ mode: 'reset' });
    await assert.rejects(get(`${ICS}/params`));
    devnet.setFaults({ mode: 'timeout' });
    await assert.rejects(get(`${ICS}/params`, { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
    // Latency on one path: its answer, asked first, arrives after another path's asked next (order,
    // not a measured duration: nothing here depends on how fast the machine is).
    devnet.setFaults({ latencyMs: 1_000, pathPrefix: `${ICS}/params` });
    const order: string[] = [];
    await Promise.all([
      get(`${ICS}/params`).then((r) => order.push(`params ${r.status}`)),
      new Promise((resolve) => setImmediate(resolve)).then(() => get('/cosmos/staking/v1beta1/pool')).then((r) => order.push(`pool ${r.status}`)),
    ]);
    assert.deepEqual(order, ['pool 200', 'params 200']);
    devnet.setFaults(null);
  });

  it('control API over HTTP', async () => {
    const post = (action: string, body?: unknown) =>
      fetch(`${devnet.restUrl}/__devnet/${action}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) }).then(
        (r) => r.json() as Promise<Record<string, unknown>>,
      );
    const info = (await (await get('/__devnet/info')).json()) as Record<string, unknown>;
    assert.deepEqual(info, { chainId: 'provider-devnet-1', height: 1, blocksPerEpoch: 10, icsMode: 'v7' });
    assert.deepEqual(await post('advance', { blocks: 3 }), { height: 4 });
    assert.deepEqual(await post('advance', { toEpochEnd: true }), { height: 10 });
    await post('ics', { mode: 'absent' });
    assert.equal((await get(`${ICS}/params`)).status, 501);
    const validator = devnet.state().validators[150]!;
    await post('reset');
    await post('opt-in', { consumerId: '4', validator: validator.operatorAddress });
    const opted = (await json(`${ICS}/opted_in_validators/4`)).validators_provider_addresses as string[];
    assert.ok(opted.includes(validator.consensusAddress));
    await post('faults', { mode: 'error', status: 500 });
    assert.equal((await get(`${ICS}/params`)).status, 500);
    assert.equal((await get('/__devnet/info')).status, 200, 'control routes are never faulted');
    await post('faults', null);
    const bad = await fetch(`${devnet.restUrl}/__devnet/ics`, { method: 'POST', body: '{"mode":"v5"}' });
    assert.equal(bad.status, 400);
  });
});
