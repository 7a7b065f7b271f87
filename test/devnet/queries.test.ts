// The value each query answers on a small chain worked out by hand: commissions and their
// fallback, assigned keys both ways, sets by phase, staking statuses and the pool, times, the
// height header on every answer, timer blocks, and a held request released by stop().
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet, Scenario } from '../../devnet/index.js';
import { decodeAddress } from '../../src/chain/bech32.js';

const ICS = '/interchain_security/ccv/provider';
const ATOM = 1_000_000n;
// The key and address pair printed by the ICS docs (`all-pairs-valconsensus-address`).
const DOC_KEY = 'Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=';
const DOC_KEY_ADDRESS = 'cosmosvalcons1kswr5sq599365kcjmhgufevfps9njf43e4lwdk';

const scenario: Scenario = {
  chainId: 'queries-1',
  params: { blocksPerEpoch: 5, maxProviderConsensusValidators: 10, maxValidators: 10, minCommissionRate: '0.05' },
  validators: [
    { moniker: 'v0', tokens: String(40n * ATOM), commission: '0.1' },
    { moniker: 'v1', tokens: String(30n * ATOM), commission: '0.05' },
    { moniker: 'v2', tokens: String(20n * ATOM), jailed: true },
    { moniker: 'v3', tokens: String(ATOM / 2n) },
  ],
  consumers: [
    {
      consumerId: '0',
      chainId: 'kept-1',
      phase: 'launched',
      name: 'Kept',
      spawnTime: '2025-01-01T00:00:00Z',
      optedIn: [0, 1],
      commissions: { 1: '0.25' },
      consumerKeys: { 0: DOC_KEY },
    },
    { consumerId: '1', chainId: 'waiting-1', phase: 'registered', name: 'Waiting', optedIn: [1] },
    { consumerId: '2', chainId: 'gone-1', phase: 'stopped', name: 'Gone', optedIn: [0] },
    { consumerId: '3', chainId: 'older-1', phase: 'deleted', name: 'Older' },
  ],
};

type Json = Record<string, unknown>;

describe('devnet query values on a chain worked out by hand', () => {
  let devnet: Devnet;
  const v = (moniker: string) => devnet.state().validators.find((x) => x.moniker === moniker)!;
  const get = (path: string, init?: RequestInit) => fetch(`${devnet.restUrl}${path}`, init);
  const json = async (path: string): Promise<Json> => {
    const response = await get(path);
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as Json;
  };
  const error = async (path: string, status: number, code: number, message: RegExp) => {
    const response = await get(path);
    assert.equal(response.status, status, path);
    const body = (await response.json()) as { code: number; message: string; details: unknown[] };
    assert.deepEqual({ code: body.code, details: body.details }, { code, details: [] }, path);
    assert.match(body.message, message, path);
  };

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0, scenario });
  });
  beforeEach(() => devnet.reset());
  after(() => devnet.stop());

  it('consumer_chain: every field of a launched chain', async () => {
    const body = await json(`${ICS}/consumer_chain/0`);
    assert.deepEqual(body, {
      consumer_id: '0',
      chain_id: 'kept-1',
      owner_address: body.owner_address,
      phase: 'CONSUMER_PHASE_LAUNCHED',
      metadata: { name: 'Kept', description: 'Kept consumer chain.', metadata: '{"phase":"mainnet"}' },
      init_params: {
        initial_height: { revision_number: '1', revision_height: '1' },
        genesis_hash: null,
        binary_hash: null,
        spawn_time: '2025-01-01T00:00:00Z',
        unbonding_period: '1728000s',
        ccv_timeout_period: '2419200s',
        transfer_timeout_period: '3600s',
        consumer_redistribution_fraction: '0.75',
        blocks_per_distribution_transmission: '1000',
        historical_entries: '10000',
        distribution_transmission_channel: '',
        connection_id: '',
      },
      power_shaping_params: {
        top_N: 0,
        validators_power_cap: 0,
        validator_set_cap: 0,
        allowlist: [],
        denylist: [],
        min_stake: '0',
        allow_inactive_vals: false,
        prioritylist: [],
      },
      infraction_parameters: {
        double_sign: { slash_fraction: '0.050000000000000000', jail_duration: '9223372036.854775807s', tombstone: true },
        downtime: { slash_fraction: '0.000000000000000000', jail_duration: '600s', tombstone: false },
      },
      client_id: '07-tendermint-0',
    });
    assert.match(body.owner_address as string, /^cosmos1[02-9ac-hj-np-z]{38}$/);
    const registered = await json(`${ICS}/consumer_chain/1`);
    assert.equal((registered.init_params as Json).spawn_time, '0001-01-01T00:00:00Z', 'zero time before launch');
    assert.equal(registered.client_id, '');
    assert.equal((await json(`${ICS}/consumer_chain/3`)).phase, 'CONSUMER_PHASE_DELETED');
  });

  it('consumer_validators: assigned key or provider key, per-chain commission or the provider rate', async () => {
    const { validators } = (await json(`${ICS}/consumer_validators/0`)) as { validators: Json[] };
    const byMoniker = new Map(validators.map((x) => [(x.description as { moniker: string }).moniker, x]));
    assert.deepEqual([...byMoniker.keys()].sort(), ['v0', 'v1']);
    assert.deepEqual(byMoniker.get('v0'), {
      provider_address: v('v0').consensusAddress,
      consumer_key: { ed25519: DOC_KEY },
      power: '0',
      rate: '0.000000000000000000',
      consumer_power: '40',
      consumer_commission_rate: '0.100000000000000000',
      provider_commission_rate: '0.100000000000000000',
      description: { moniker: 'v0', identity: '', website: '', security_contact: '', details: '' },
      provider_operator_address: v('v0').operatorAddress,
      jailed: false,
      status: 'BOND_STATUS_BONDED',
      provider_tokens: '40000000',
      provider_power: '40',
      validates_current_epoch: true,
    });
    const v1 = byMoniker.get('v1')!;
    assert.deepEqual(v1.consumer_key, { ed25519: v('v1').consensusKey });
    assert.equal(v1.consumer_commission_rate, '0.250000000000000000');
    assert.equal(v1.provider_commission_rate, '0.050000000000000000');
    const hex = (a: unknown) => Buffer.from(decodeAddress(a as string).bytes).toString('hex');
    assert.ok(hex(validators[0]!.provider_address) < hex(validators[1]!.provider_address), 'ascending address bytes');
  });

  it('consumer_validators by phase: computed now before launch and once deleted (none opted in: empty), empty when stopped, refused when unknown', async () => {
    const monikers = async (id: string) =>
      ((await json(`${ICS}/consumer_validators/${id}`)).validators as Array<{ description: { moniker: string } }>).map((x) => x.description.moniker).sort();
    assert.deepEqual(await monikers('1'), ['v1']);
    devnet.optIn('1', v('v0').operatorAddress);
    assert.deepEqual(await monikers('1'), ['v0', 'v1'], 'no epoch end needed before launch');
    assert.deepEqual(await monikers('2'), []);
    assert.deepEqual(await monikers('3'), []);
    await error(`${ICS}/consumer_validators/99`, 400, 3, /unknown consumer chain/);
    await error(`${ICS}/consumer_validators/abc`, 400, 3, /invalid consumer id/);
  });

  it('consumer_commission_rate: the per-chain rate, else the provider rate; active chains and valcons only', async () => {
    assert.deepEqual(await json(`${ICS}/consumer_commission_rate/0/${v('v1').consensusAddress}`), { rate: '0.250000000000000000' });
    assert.deepEqual(await json(`${ICS}/consumer_commission_rate/0/${v('v0').consensusAddress}`), { rate: '0.100000000000000000' });
    assert.deepEqual(await json(`${ICS}/consumer_commission_rate/1/${v('v0').consensusAddress}`), { rate: '0.100000000000000000' });
    await error(`${ICS}/consumer_commission_rate/2/${v('v0').consensusAddress}`, 400, 3, /unknown consumer chain/);
    await error(`${ICS}/consumer_commission_rate/0/${v('v0').operatorAddress}`, 400, 3, /invalid provider address/);
  });

  it('consumer keys both ways, "" when none is assigned, and the address pairs', async () => {
    const v0 = v('v0').consensusAddress;
    assert.deepEqual(await json(`${ICS}/validator_consumer_addr/0/${v0}`), { consumer_address: DOC_KEY_ADDRESS });
    assert.deepEqual(await json(`${ICS}/validator_consumer_addr/0/${v('v1').consensusAddress}`), { consumer_address: '' });
    assert.deepEqual(await json(`${ICS}/validator_provider_addr/0/${DOC_KEY_ADDRESS}`), { provider_address: v0 });
    assert.deepEqual(await json(`${ICS}/validator_provider_addr/0/${v('v1').consensusAddress}`), { provider_address: '' });
    assert.deepEqual(await json(`${ICS}/address_pairs/0`), {
      pair_val_con_addr: [{ provider_address: v0, consumer_address: DOC_KEY_ADDRESS, consumer_key: { ed25519: DOC_KEY } }],
    });
    await error(`${ICS}/validator_consumer_addr/0/${v('v0').operatorAddress}`, 400, 3, /invalid provider address/);
  });

  it('has-to-validate lists launched chains only', async () => {
    assert.deepEqual(await json(`${ICS}/consumer_chains_per_validator/${v('v1').consensusAddress}`), { consumer_ids: ['0'] });
    assert.deepEqual(await json(`${ICS}/consumer_chains_per_validator/${v('v3').consensusAddress}`), { consumer_ids: [] });
    await error(`${ICS}/consumer_chains_per_validator/${v('v1').operatorAddress}`, 400, 3, /invalid provider address/);
  });

  it('genesis time and genesis exist once launched (not for the registered chain); consumer id by client id', async () => {
    assert.deepEqual(await json(`${ICS}/consumer_genesis_time/0`), { genesis_time: '2025-01-01T00:00:00Z' });
    // InvalidArgument, as the v7 keeper answers (issue 12.8): the registered chain has no client.
    await error(`${ICS}/consumer_genesis_time/1`, 400, 3, /genesis time for consumer Id: 1: consumer hasn't been launched/);
    const genesis = (await json(`${ICS}/consumer_genesis/0`)).genesis_state as Json;
    assert.deepEqual(Object.keys(genesis).sort(), ['connection_id', 'new_chain', 'params', 'preCCV', 'provider']);
    await error(`${ICS}/consumer_genesis/1`, 404, 5, /^1: no consumer chain with this consumer id$/);
    assert.deepEqual(await json(`${ICS}/consumer_id/07-tendermint-0`), { consumer_id: '0' });
    await error(`${ICS}/consumer_id/07-tendermint-9`, 400, 3, /client id/);
  });

  it('staking: statuses from tokens and jailing, filter and pagination by key, the pool', async () => {
    const status = async (s: string) =>
      ((await json(`/cosmos/staking/v1beta1/validators?status=${s}`)).validators as Array<{ description: { moniker: string } }>)
        .map((x) => x.description.moniker)
        .sort();
    assert.deepEqual(await status('BOND_STATUS_BONDED'), ['v0', 'v1']);
    assert.deepEqual(await status('BOND_STATUS_UNBONDING'), ['v2'], 'jailed');
    assert.deepEqual(await status('BOND_STATUS_UNBONDED'), ['v3'], 'less than one unit of power');
    await error('/cosmos/staking/v1beta1/validators?status=BONDED', 400, 3, /invalid validator status/);
    const seen: string[] = [];
    let key: string | null = null;
    let pages = 0;
    do {
      const query: string = key === null ? 'pagination.limit=3&pagination.count_total=true' : `pagination.limit=3&pagination.key=${encodeURIComponent(key)}`;
      const page = (await json(`/cosmos/staking/v1beta1/validators?${query}`)) as {
        validators: Json[];
        pagination: { next_key: string | null; total: string };
      };
      assert.equal(page.pagination.total, key === null ? '4' : '0');
      seen.push(...page.validators.map((x) => x.operator_address as string));
      key = page.pagination.next_key;
      pages++;
    } while (key !== null);
    assert.equal(pages, 2);
    assert.deepEqual(
      seen.sort(),
      devnet
        .state()
        .validators.map((x) => x.operatorAddress)
        .sort(),
    );
    const one = (await json(`/cosmos/staking/v1beta1/validators/${v('v2').operatorAddress}`)).validator as Json;
    assert.deepEqual(Object.keys(one).sort(), [
      'commission',
      'consensus_pubkey',
      'delegator_shares',
      'description',
      'jailed',
      'min_self_delegation',
      'operator_address',
      'status',
      'tokens',
      'unbonding_height',
      'unbonding_ids',
      'unbonding_on_hold_ref_count',
      'unbonding_time',
    ]);
    assert.equal(one.jailed, true);
    assert.equal(one.delegator_shares, '20000000.000000000000000000');
    assert.deepEqual(await json('/cosmos/staking/v1beta1/pool'), { pool: { not_bonded_tokens: '20500000', bonded_tokens: '70000000' } });
  });

  it('re-staking moves provider power at the next block and consumer power at the epoch end', async () => {
    devnet.setTokens(v('v1').operatorAddress, 50n * ATOM);
    const power = async () =>
      Object.fromEntries(
        ((await json(`${ICS}/consumer_validators/0`)).validators as Array<{ description: { moniker: string }; consumer_power: string }>).map((x) => [
          x.description.moniker,
          x.consumer_power,
        ]),
      );
    devnet.advance(1);
    assert.equal(devnet.state().validator(v('v1').operatorAddress)!.lastPower, 50n);
    assert.deepEqual(await power(), { v0: '40', v1: '30' }, 'the stored set waits for the epoch end');
    devnet.advanceToEpochEnd();
    assert.equal(devnet.height() % 5, 0);
    assert.deepEqual(await power(), { v0: '40', v1: '50' });
  });

  it('base routes: node version, latest block, times without a zero fraction', async () => {
    const info = (await json('/cosmos/base/tendermint/v1beta1/node_info')) as {
      application_version: { version: string };
      default_node_info: { network: string };
    };
    assert.equal(info.application_version.version, 'v27.6.0-devnet');
    assert.equal(info.default_node_info.network, 'queries-1');
    devnet.advance(2);
    const block = (await json('/cosmos/base/tendermint/v1beta1/blocks/latest')) as { block: { header: { height: string; time: string; chain_id: string } } };
    assert.equal(block.block.header.height, '3');
    assert.equal(block.block.header.chain_id, 'queries-1');
    assert.match(block.block.header.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'whole seconds print without a fraction');
    // The proposer is a real consensus address (v0 has the most bonded stake), in bytes and in bech32.
    const full = (await json('/cosmos/base/tendermint/v1beta1/blocks/latest')) as {
      block_id: { hash: string };
      block: { header: { proposer_address: string } };
      sdk_block: { header: { proposer_address: string } };
    };
    assert.equal(full.block.header.proposer_address, Buffer.from(decodeAddress(v('v0').consensusAddress).bytes).toString('base64'));
    assert.equal(full.sdk_block.header.proposer_address, v('v0').consensusAddress);
    devnet.advance(1);
    const next = (await json('/cosmos/base/tendermint/v1beta1/blocks/latest')) as { block: { header: { last_block_id: { hash: string } } } };
    assert.equal(next.block.header.last_block_id.hash, full.block_id.hash, 'blocks chain by id');
  });

  it('every answer carries the height it was answered at, errors too', async () => {
    devnet.advance(4);
    const at = async (path: string, headers: Record<string, string> = {}) => (await get(path, { headers })).headers.get('x-cosmos-block-height');
    assert.equal(await at(`${ICS}/params`), '5');
    assert.equal(await at(`${ICS}/params`, { 'x-cosmos-block-height': '2' }), '2');
    assert.equal(await at(`${ICS}/consumer_chain/42`), '5');
    assert.equal(await at('/no/such/route'), '5');
    assert.equal(await at(`${ICS}/params`, { 'x-cosmos-block-height': '9' }), '5');
    devnet.setFaults({ mode: 'error' });
    const faulted = await get(`${ICS}/params`);
    assert.equal(faulted.headers.get('x-cosmos-block-height'), '5');
    assert.deepEqual(await faulted.json(), { code: 13, message: 'injected failure (HTTP 500)', details: [] });
    assert.equal(faulted.status, 500);
  });

  it('reset goes back to the start: height, opt-ins, faults, ICS mode', async () => {
    devnet.advance(7);
    devnet.optIn('0', v('v3').operatorAddress);
    devnet.setFaults({ mode: 'error' });
    devnet.setIcsMode('absent');
    devnet.reset();
    assert.equal(devnet.height(), 1);
    assert.equal(((await json(`${ICS}/opted_in_validators/0`)).validators_provider_addresses as string[]).length, 2);
    assert.equal((await get(`${ICS}/params`)).status, 200);
  });

  it('control routes answer CORS preflights and carry the CORS headers', async () => {
    const preflight = await get('/__devnet/advance', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/);
    const advanced = await get('/__devnet/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"blocks":2}' });
    assert.equal(advanced.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await advanced.json(), { height: 3 });
    assert.match((await get(`${ICS}/params`)).headers.get('access-control-expose-headers') ?? '', /(^|, )x-cosmos-block-height/);
    const badFault = await get('/__devnet/faults', { method: 'POST', body: '{"mode":"eror"}' });
    assert.equal(badFault.status, 400);
  });
});

describe('devnet lifecycle', () => {
  it('produces blocks on its timer', { timeout: 30_000 }, async () => {
    // Heights seen while the timer runs: one block at a time, never back; how long the blocks take
    // on a loaded machine is not asserted (the test's 30 s timeout bounds the wait).
    const devnet = await startDevnet({ blockTimeMs: 40, scenario });
    try {
      const seen = [devnet.height()];
      while (seen.at(-1)! < 5) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (devnet.height() !== seen.at(-1)) seen.push(devnet.height());
      }
      assert.equal(seen[0], 1);
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! > seen[i - 1]!, `heights in order: ${seen.join(', ')}`);
    } finally {
      await devnet.stop();
    }
  });

  it('stop() releases a request held by the timeout fault', async () => {
    const devnet = await startDevnet({ blockTimeMs: 0, scenario });
    devnet.setFaults({ mode: 'timeout' });
    const held = fetch(`${devnet.restUrl}${ICS}/params`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The held request ends with the devnet, not after the fault's 30 s hold.
    await devnet.stop();
    await assert.rejects(held);
  });

  it('keeps exactly keepRecentHeights snapshots, also across a long advance', async () => {
    const devnet = await startDevnet({ blockTimeMs: 0, scenario, keepRecentHeights: 5 });
    try {
      devnet.advance(500);
      const at = (height: number) => fetch(`${devnet.restUrl}/cosmos/staking/v1beta1/pool`, { headers: { 'x-cosmos-block-height': String(height) } });
      const kept = await at(497);
      assert.equal(kept.status, 200);
      assert.equal(kept.headers.get('x-cosmos-block-height'), '497');
      const pruned = await at(496);
      assert.equal(pruned.status, 400);
      assert.deepEqual(await pruned.json(), {
        code: 3,
        message: 'failed to load state at height 496; version does not exist (latest height: 501): invalid request',
        details: [],
      });
      assert.equal((await at(50)).status, 400, 'skipped during the advance, not kept');
    } finally {
      await devnet.stop();
    }
  });

  it('adds the configured latency to REST answers but not to control routes', async () => {
    // Order, not durations: the REST answer asked first arrives after the control answer asked next.
    const devnet = await startDevnet({ blockTimeMs: 0, scenario, latencyMs: 1_000 });
    try {
      const order: string[] = [];
      await Promise.all([
        fetch(`${devnet.restUrl}${ICS}/params`).then(async (r) => order.push(`params ${(await r.json()) ? r.status : 0}`)),
        new Promise((resolve) => setImmediate(resolve))
          .then(() => fetch(`${devnet.restUrl}/__devnet/info`))
          .then(async (r) => order.push(`info ${(await r.json()) ? r.status : 0}`)),
      ]);
      assert.deepEqual(order, ['info 200', 'params 200']);
    } finally {
      await devnet.stop();
    }
  });
});
