// Epoch-end recomputation on the devnet, over its REST API, against sets worked out by hand.
// Six validators with round stakes: powers 40, 30, 15, 10, 5 (ATOM = 10^6 uatom) and a jailed
// one with 50; only the top 4 are active (max_provider_consensus_validators = 4).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet, Scenario } from '../../devnet/index.js';

const ATOM = 1_000_000n;
const scenario: Scenario = {
  chainId: 'epochs-1',
  params: { blocksPerEpoch: 5, maxProviderConsensusValidators: 4, maxValidators: 10, stoppedToDeletedBlocks: 3 },
  validators: [
    { moniker: 'v0', tokens: String(40n * ATOM) },
    { moniker: 'v1', tokens: String(30n * ATOM) },
    { moniker: 'v2', tokens: String(15n * ATOM) },
    { moniker: 'v3', tokens: String(10n * ATOM) },
    { moniker: 'v4', tokens: String(5n * ATOM) },
    { moniker: 'v5', tokens: String(50n * ATOM), jailed: true },
  ],
  consumers: [
    { consumerId: '0', chainId: 'topn-1', phase: 'launched', name: 'Top N 95', topN: 95 },
    { consumerId: '1', chainId: 'optin-1', phase: 'launched', name: 'Opt-in', optedIn: [1] },
    { consumerId: '2', chainId: 'allow-1', phase: 'launched', name: 'Allowlist', allowlist: [0, 1], optedIn: [0, 1, 2] },
    { consumerId: '3', chainId: 'deny-1', phase: 'launched', name: 'Denylist wins', allowlist: [0, 1], denylist: [1], optedIn: [0, 1] },
    { consumerId: '4', chainId: 'stake-1', phase: 'launched', name: 'Min stake', minStake: String(12n * ATOM), optedIn: [0, 1, 2, 3] },
    { consumerId: '5', chainId: 'active-1', phase: 'launched', name: 'Active only', optedIn: [0, 4] },
    { consumerId: '6', chainId: 'inactive-1', phase: 'launched', name: 'Inactive allowed', allowInactiveVals: true, optedIn: [0, 4] },
    { consumerId: '7', chainId: 'prio-1', phase: 'launched', name: 'Priority + cap', validatorSetCap: 2, prioritylist: [3], optedIn: [0, 1, 3] },
    { consumerId: '8', chainId: 'cap-1', phase: 'launched', name: 'Power cap 30', validatorsPowerCap: 30, optedIn: [0, 1, 2, 3] },
    { consumerId: '9', chainId: 'stop-1', phase: 'stopped', name: 'Stopped', optedIn: [0] },
    { consumerId: '10', chainId: 'spawn-1', phase: 'initialized', name: 'Launches', spawnTime: '+5s', optedIn: [0] },
    { consumerId: '11', chainId: 'nolaunch-1', phase: 'initialized', name: 'Fails to launch', spawnTime: '+5s', allowInactiveVals: true, optedIn: [4] },
  ],
};

describe('devnet epochs (sets worked out by hand)', () => {
  let devnet: Devnet;
  const monikers = new Map<string, string>();
  const get = async (path: string) => {
    const response = await fetch(`${devnet.restUrl}/interchain_security/ccv/provider${path}`);
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  /** The consumer set as [moniker, consumer power] pairs, largest first. */
  const set = async (id: string) => {
    const { validators } = (await get(`/consumer_validators/${id}`)) as { validators: Array<{ description: { moniker: string }; consumer_power: string }> };
    return validators.map((v) => [v.description.moniker, Number(v.consumer_power)] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const chain = async (id: string) => (await get(`/consumer_chain/${id}`)) as { phase: string; client_id: string; init_params: { spawn_time: string } };
  const valoper = (moniker: string) => devnet.state().validators.find((v) => v.moniker === moniker)!.operatorAddress;

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0, scenario });
    for (const v of devnet.state().validators) monikers.set(v.consensusAddress, v.moniker);
  });
  beforeEach(() => devnet.reset());
  after(() => devnet.stop());

  it('Top-N 95: 40+30+15+10 = 95 of 95 active power, so min power 10 and v0..v3 must validate', async () => {
    assert.deepEqual(await set('0'), [
      ['v0', 40],
      ['v1', 30],
      ['v2', 15],
      ['v3', 10],
    ]);
    const { chains } = (await get('/consumer_chains/3')) as { chains: Array<{ consumer_id: string; min_power_in_top_N: string }> };
    assert.equal(chains.find((c) => c.consumer_id === '0')?.min_power_in_top_N, '10');
    const opted = (await get('/opted_in_validators/0')).validators_provider_addresses as string[];
    assert.deepEqual(opted.map((a) => monikers.get(a)).sort(), ['v0', 'v1', 'v2', 'v3'], 'auto opted in');
  });

  it('Top-N follows stake at the next epoch end only', async () => {
    // v4 to 60: the active top 4 become 60, 40, 30, 15 (total 145); 95% = 137.75 needs all four,
    // so min 15. v3 (10) is now 5th, outside the 4 active validators: it leaves the set although
    // it stays opted in.
    devnet.setTokens(valoper('v4'), 60n * ATOM);
    devnet.advance(1);
    assert.equal((await set('0')).length, 4, 'stored set unchanged before the epoch end');
    devnet.advanceToEpochEnd();
    assert.deepEqual(await set('0'), [
      ['v4', 60],
      ['v0', 40],
      ['v1', 30],
      ['v2', 15],
    ]);
    const v3 = devnet.state().validator(valoper('v3'))!.consensusAddress;
    assert.ok(((await get('/opted_in_validators/0')).validators_provider_addresses as string[]).includes(v3));
    const { chains } = (await get('/consumer_chains/3')) as { chains: Array<{ consumer_id: string; min_power_in_top_N: string }> };
    assert.equal(chains.find((c) => c.consumer_id === '0')?.min_power_in_top_N, '15');
  });

  it('an opt-in shows at once in opted_in_validators and in the set after the epoch end', async () => {
    devnet.optIn('1', valoper('v2'));
    const opted = (await get('/opted_in_validators/1')).validators_provider_addresses as string[];
    assert.deepEqual(opted.map((a) => monikers.get(a)).sort(), ['v1', 'v2']);
    assert.deepEqual(await set('1'), [['v1', 30]]);
    const v2 = devnet.state().validator(valoper('v2'))!.consensusAddress;
    // has-to-validate already counts the set as if the epoch ended now: the Top-N chain, this
    // chain, min stake and power cap; not the allowlist chain (2) nor the capped priority chain (7).
    assert.deepEqual((await get(`/consumer_chains_per_validator/${v2}`)).consumer_ids, ['0', '1', '4', '8']);
    devnet.advanceToEpochEnd();
    assert.deepEqual(await set('1'), [
      ['v1', 30],
      ['v2', 15],
    ]);
  });

  // The set each rule leaves as the scenario starts, by chain id: "moniker power" pairs, largest first.
  const ruleSets: Array<{ name: string; sets: Record<string, string> }> = [
    { name: 'allowlist keeps only listed validators; the denylist wins over it', sets: { 2: 'v0 40, v1 30', 3: 'v0 40' } },
    { name: 'min stake 12 ATOM leaves out v3 (10)', sets: { 4: 'v0 40, v1 30, v2 15' } },
    { name: 'inactive validators (v4, rank 5 of 4 active) only where allowed', sets: { 5: 'v0 40', 6: 'v0 40, v4 5' } },
    // cap 2: v3 (priority) first, then v0 by power; v1 is cut.
    { name: 'the priority list fills a capped set first', sets: { 7: 'v0 40, v3 10' } },
    // max floor(95 × 0.3) = 28; 12 + 2 = 14 to spread: 7 each to 15 and 10; 15 + 7 = 22 and 10 + 7 = 17.
    { name: 'power cap 30%: 40, 30, 15, 10 (sum 95) become 28, 28, 22, 17', sets: { 8: 'v0 28, v1 28, v2 22, v3 17' } },
  ];
  for (const c of ruleSets) {
    it(c.name, async () => {
      for (const [id, expected] of Object.entries(c.sets)) {
        assert.equal((await set(id)).map(([moniker, power]) => `${moniker} ${power}`).join(', '), expected, `chain ${id}`);
      }
    });
  }

  it('a stopped chain has an empty set and is deleted after the removal blocks', async () => {
    assert.deepEqual(await set('9'), []);
    devnet.advance(3);
    assert.equal((await chain('9')).phase, 'CONSUMER_PHASE_DELETED');
  });

  it('launches at spawn time, or goes back to registered without an active validator', async () => {
    // Manual blocks advance chain time by 1 s: the spawn time (+5 s) is reached at height 6.
    devnet.advance(4);
    assert.equal((await chain('10')).phase, 'CONSUMER_PHASE_INITIALIZED');
    assert.deepEqual(await set('10'), [['v0', 40]], 'computed now before launch');
    devnet.advance(1);
    const launched = await chain('10');
    assert.equal(launched.phase, 'CONSUMER_PHASE_LAUNCHED');
    assert.equal(launched.client_id, '07-tendermint-10');
    assert.deepEqual(await set('10'), [['v0', 40]]);
    const failed = await chain('11');
    assert.equal(failed.phase, 'CONSUMER_PHASE_REGISTERED');
    assert.equal(failed.init_params.spawn_time, '0001-01-01T00:00:00Z');
  });
});
