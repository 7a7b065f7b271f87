// The recorded provider responses (ICS v7 docs samples, test/fixtures) read through the client
// over real HTTP: the decoders accept what real nodes send, including fields older releases omit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ProviderClient, IcsError } from '../../../src/index.js';
import { serveRoutes } from '../../helpers/static-node.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8');
const BASE = '/interchain_security/ccv/provider';
const ALICE = 'cosmosvalcons1qmq08eruchr5sf5s3rwz7djpr5a25f7xw4mceq';

describe('recorded provider responses decode through the client', () => {
  let node: Awaited<ReturnType<typeof serveRoutes>>;
  let client: ProviderClient;

  before(async () => {
    node = await serveRoutes({
      [`${BASE}/consumer_chains/3`]: { body: fixture('consumer_chains_3') },
      [`${BASE}/consumer_chain/0`]: { body: fixture('consumer_chain_0') },
      [`${BASE}/consumer_validators/0`]: { body: fixture('consumer_validators_0') },
      [`${BASE}/opted_in_validators/0`]: { body: fixture('opted_in_validators_0') },
      [`${BASE}/consumer_chains_per_validator/${ALICE}`]: { body: fixture('consumer_chains_per_validator') },
      [`${BASE}/consumer_commission_rate/0/${ALICE}`]: { body: fixture('consumer_commission_rate') },
      [`${BASE}/blocks_until_next_epoch`]: { body: fixture('blocks_until_next_epoch') },
      [`${BASE}/consumer_id/07-tendermint-0`]: { body: fixture('consumer_id_from_client_id') },
      [`${BASE}/address_pairs/0`]: { body: fixture('address_pairs_0') },
      [`${BASE}/consumer_chain/1`]: { body: fixture('consumer_chain_1') },
      [`${BASE}/address_pairs/1`]: { body: fixture('address_pairs_1') },
      // A v7 node answers an unknown client id with InvalidArgument (the keeper's words).
      [`${BASE}/consumer_id/07-tendermint-7`]: {
        status: 400,
        body: '{"code":3,"message":"no known consumer chain for this client id: 07-tendermint-7","details":[]}',
      },
    });
    // Recorded responses are not a whole chain: its prefix and denoms are given, not read.
    client = new ProviderClient({
      rest: node.url,
      chainId: 'provider',
      bech32Prefix: 'cosmos',
      stakingDenom: 'uatom',
      displayDenom: 'ATOM',
      displayExponent: 6,
    });
  });
  after(() => node.close());

  it('consumer_chains: a Top-N 60 chain without the v6.x-added fields', async () => {
    const [chain, ...rest] = await client.consumerChains({ phase: 'launched' });
    assert.equal(rest.length, 0);
    assert.deepEqual(chain, {
      consumerId: '0',
      chainId: 'pion-1',
      clientId: '07-tendermint-0',
      phase: 'launched',
      kind: 'top-n',
      topN: 60,
      minPowerInTopN: 500n,
      validatorsPowerCap: 0,
      validatorSetCap: 0,
      allowlist: [],
      denylist: ['cosmosvalcons1ezyrq65s3gshhx5585w6mpusq3xsj3ayzf4uv6'],
      prioritylist: [],
      minStake: 0n,
      allowInactiveVals: true,
      metadata: {
        name: 'pion-1',
        description: 'description of your chain and all other relevant information',
        metadata: 'some metadata about your chain',
      },
      allowlistedRewardDenoms: [],
      infractionParameters: undefined,
    });
  });

  it('consumer_chain: init params with spawn time, Top-N 100 power shaping', async () => {
    const details = await client.consumerChain('0');
    assert.equal(details.ownerAddress, 'cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn');
    assert.equal(details.kind, 'top-n');
    assert.equal(details.powerShaping.topN, 100);
    assert.equal(details.initParams?.spawnTime?.toISOString(), '2024-09-26T06:55:14.616Z');
    assert.equal(details.initParams?.unbondingPeriodSeconds, 1_209_600);
    assert.equal(details.initParams?.historicalEntries, 10_000n);
    assert.equal(details.clientId, '');
    assert.equal(details.infractionParameters, undefined);
  });

  it('consumer_chain: nil hashes come as null and read as empty', async () => {
    const details = await client.consumerChain('1');
    assert.equal(details.chainId, 'nohash-1');
    assert.equal(details.phase, 'registered');
    assert.equal(details.initParams?.genesisHash, '');
    assert.equal(details.initParams?.binaryHash, '');
    assert.equal(details.initParams?.spawnTime, undefined);
  });

  it('consumer_id: an unknown client id (InvalidArgument on a v7 node) reads as not found', async () => {
    await assert.rejects(client.consumerIdFromClientId('07-tendermint-7'), {
      name: 'IcsError',
      kind: 'not-found',
      message: /No consumer chain has this client id/,
    });
  });

  it('address_pairs: a key of nil bytes (null) reads as an empty ed25519 key', async () => {
    const [pair] = await client.addressPairs('1');
    assert.deepEqual(pair?.consumerKey, { type: 'ed25519', key: '' });
  });

  it('consumer_validators: powers as bigint, rates as decimals, keys', async () => {
    const [alice, bob] = await client.consumerValidators('0');
    assert.equal(alice?.providerAddress, ALICE);
    assert.equal(alice?.operatorAddress, 'cosmosvaloper19pe9pg5dv9k5fzgzmsrgnw9rl9asf7ddtrgtng');
    assert.equal(alice?.consumerPower, 511n);
    assert.equal(alice?.providerTokens, 511_000_000n);
    assert.equal(alice?.consumerCommissionRate, '0.100000000000000000');
    assert.deepEqual(alice?.consumerKey, { type: 'ed25519', key: 'RrclQz9bIhkIy/gfL485g3PYMeiIku4qeo495787X10=' });
    assert.equal(alice?.status, 'bonded');
    assert.equal(bob?.description.moniker, 'validatorbob');
    assert.equal(bob?.consumerPower, 500n);
  });

  it('the small queries', async () => {
    assert.equal((await client.optedInValidators('0')).length, 3);
    assert.deepEqual(await client.consumerChainsOfValidator(ALICE), ['0', '2']);
    assert.equal(await client.consumerCommissionRate('0', ALICE), '0.750000000000000000');
    assert.equal(await client.blocksUntilNextEpoch(), 286);
    assert.equal(await client.consumerIdFromClientId('07-tendermint-0'), '0');
    const [pair] = await client.addressPairs('0');
    assert.equal(pair?.consumerAddress, 'cosmosvalcons1kswr5sq599365kcjmhgufevfps9njf43e4lwdk');
    assert.equal(pair?.consumerKey?.key, 'Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=');
  });
});

describe('decoders reject what is not the JSON of the route', () => {
  const chains = JSON.parse(fixture('consumer_chains_3')) as { chains: Record<string, unknown>[] };
  const variant = (change: (chain: Record<string, unknown>) => void) => {
    const copy = structuredClone(chains);
    change(copy.chains[0]!);
    return JSON.stringify(copy);
  };
  const cases: Array<[string, string, RegExp]> = [
    ['top_N as a string', variant((c) => (c.top_N = '60')), /field "chains\[0\]\.top_N" should be a whole number, got "60"/],
    ['min_stake as a number', variant((c) => (c.min_stake = 0)), /chains\[0\]\.min_stake" should be an integer string/],
    ['an unknown phase', variant((c) => (c.phase = 'CONSUMER_PHASE_PAUSED')), /chains\[0\]\.phase" should be a consumer phase/],
    ['a missing chain_id', variant((c) => delete c.chain_id), /chains\[0\]\.chain_id" should be a string, got nothing/],
    ['a present prioritylist of the wrong type', variant((c) => (c.prioritylist = 'x')), /prioritylist" should be a list/],
    ['metadata null', variant((c) => (c.metadata = null)), /chains\[0\]\.metadata" should be an object, got null/],
    ['a string field null (only bytes fields may be)', variant((c) => (c.chain_id = null)), /chains\[0\]\.chain_id" should be a string, got null/],
    ['no chains field', '{"pagination":null}', /field "chains" should be a list, got nothing/],
    ['not an object', '[1,2]', /the body should be an object/],
  ];
  for (const [name, body, message] of cases) {
    it(name, async () => {
      const node = await serveRoutes({ [`${BASE}/consumer_chains/3`]: { body } });
      try {
        const client = new ProviderClient({ rest: node.url });
        await assert.rejects(client.consumerChains(), (error: unknown) => {
          assert.ok(error instanceof IcsError);
          assert.equal(error.kind, 'decode');
          assert.match(error.message, message);
          return true;
        });
      } finally {
        await node.close();
      }
    });
  }

  it('a bytes field that is neither base64 text nor null', async () => {
    const body = JSON.parse(fixture('consumer_chain_1')) as { init_params: Record<string, unknown> };
    body.init_params.genesis_hash = 5;
    const node = await serveRoutes({ [`${BASE}/consumer_chain/1`]: { body: JSON.stringify(body) } });
    try {
      const client = new ProviderClient({ rest: node.url });
      await assert.rejects(client.consumerChain('1'), {
        name: 'IcsError',
        kind: 'decode',
        message: /field "init_params\.genesis_hash" should be a base64 string or null, got number 5/,
      });
    } finally {
      await node.close();
    }
  });

  it('a body that is not JSON', async () => {
    const node = await serveRoutes({ [`${BASE}/blocks_until_next_epoch`]: { body: '<html>502 Bad Gateway' } });
    try {
      const client = new ProviderClient({ rest: node.url });
      await assert.rejects(client.blocksUntilNextEpoch(), { name: 'IcsError', kind: 'decode', message: /not JSON/ });
    } finally {
      await node.close();
    }
  });
});
