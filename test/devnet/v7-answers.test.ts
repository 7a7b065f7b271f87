// What an ICS v7 node answers where the devnet used to differ (issue 12, points 3–12), on a small
// chain whose values are worked out by hand from the keeper's rules (x/ccv/provider/keeper/
// grpc_query.go, consumer_lifecycle.go, throttle.go): REST, and ABCI where the issue says, read
// here with a small protobuf reader of this file's own.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet, Scenario } from '../../devnet/index.js';
import { toBech32 } from '@cosmjs/encoding';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeAddress } from '../../src/chain/bech32.js';

const ICS = '/interchain_security/ccv/provider';
const ATOM = 1_000_000n;
const KEY_A = 'Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=';
const KEY_B = Buffer.alloc(32, 7).toString('base64');
const KEY_C = Buffer.alloc(32, 9).toString('base64');

// Four validators, three bonded (max 3): powers 40, 30, 20; v3 (10 ATOM) is unbonded.
const scenario: Scenario = {
  chainId: 'answers-1',
  params: { blocksPerEpoch: 5, maxProviderConsensusValidators: 3, maxValidators: 3, minCommissionRate: '0.05', stoppedToDeletedBlocks: 3 },
  validators: [
    { moniker: 'v0', tokens: String(40n * ATOM), commission: '0.1' },
    { moniker: 'v1', tokens: String(30n * ATOM), commission: '0.05' },
    { moniker: 'v2', tokens: String(20n * ATOM), commission: '0.07' },
    { moniker: 'v3', tokens: String(10n * ATOM) },
  ],
  consumers: [
    // Opt-in chain with v0, v1, v2 in its set; keys assigned by v0, v1 and v2.
    {
      consumerId: '0',
      chainId: 'live-1',
      phase: 'launched',
      name: 'Live',
      spawnTime: '2025-01-01T00:00:00Z',
      optedIn: [0, 1, 2],
      consumerKeys: { 0: KEY_A, 1: KEY_B, 2: KEY_C },
    },
    { consumerId: '1', chainId: 'waiting-1', phase: 'registered', name: 'Waiting', optedIn: [1] },
    // Stopped (deleted after 3 blocks): a Top-N 50 chain with lists, a key, a commission and an opt-in.
    {
      consumerId: '2',
      chainId: 'gone-1',
      phase: 'stopped',
      name: 'Gone',
      topN: 50,
      optedIn: [2],
      allowlist: [0, 1, 2],
      denylist: [3],
      prioritylist: [1],
      consumerKeys: { 1: KEY_B },
      commissions: { 1: '0.2' },
    },
    { consumerId: '3', chainId: 'soon-1', phase: 'initialized', name: 'Soon', spawnTime: '+86400s', optedIn: [0] },
  ],
};

type Json = Record<string, unknown>;

// ---- a small protobuf reader (wire types 0 and 2), for the ABCI answers ----------------------
type Fields = Map<number, Array<bigint | Uint8Array>>;
function protoFields(bytes: Uint8Array): Fields {
  const out: Fields = new Map();
  let i = 0;
  const varint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = bytes[i++]!;
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
  };
  while (i < bytes.length) {
    const tag = Number(varint());
    const no = tag >> 3;
    const type = tag & 7;
    let value: bigint | Uint8Array;
    if (type === 0) value = varint();
    else if (type === 2) {
      const length = Number(varint());
      value = bytes.subarray(i, i + length);
      i += length;
    } else throw new Error(`wire type ${type} not read here`);
    out.set(no, [...(out.get(no) ?? []), value]);
  }
  return out;
}
const sub = (f: Fields, no: number, index = 0): Fields => protoFields(f.get(no)![index] as Uint8Array);
const all = (f: Fields, no: number): Fields[] => (f.get(no) ?? []).map((b) => protoFields(b as Uint8Array));
const num = (f: Fields, no: number): bigint => (f.get(no)?.[0] as bigint | undefined) ?? 0n;
const str = (f: Fields, no: number): string => new TextDecoder().decode((f.get(no)?.[0] as Uint8Array | undefined) ?? new Uint8Array());
const raw = (f: Fields, no: number): number[] => [...((f.get(no)?.[0] as Uint8Array | undefined) ?? [])];
const hex = (address: string) => Buffer.from(decodeAddress(address).bytes).toString('hex');
/** A consensus address: the first 20 bytes of the ed25519 key's SHA-256. */
const keyAddress = (key: string) => toBech32('cosmosvalcons', sha256(Buffer.from(key, 'base64')).subarray(0, 20));
const protoString = (no: number, text: string) => {
  const b = Buffer.from(text);
  return Buffer.concat([Buffer.from([(no << 3) | 2, b.length]), b]);
};

describe('v7 answers (issue 12)', () => {
  let devnet: Devnet;
  const v = (moniker: string) => devnet.state().validators.find((x) => x.moniker === moniker)!;
  const get = (path: string) => fetch(`${devnet.restUrl}${path}`);
  const json = async (path: string): Promise<Json> => {
    const response = await get(path);
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as Json;
  };
  const grpcError = async (path: string, message: string) => {
    const response = await get(path);
    assert.deepEqual([response.status, await response.json()], [400, { code: 3, message, details: [] }], path);
  };
  const abci = async (method: string, data: Uint8Array = new Uint8Array()): Promise<{ code: number; log: string; value: Uint8Array }> => {
    const body = {
      jsonrpc: '2.0',
      id: 1,
      method: 'abci_query',
      params: { path: `/interchain_security.ccv.provider.v1.Query/${method}`, data: Buffer.from(data).toString('hex') },
    };
    const answer = (await (await fetch(devnet.rpcUrl, { method: 'POST', body: JSON.stringify(body) })).json()) as {
      result: { response: { code: number; log: string; value: string | null } };
    };
    const r = answer.result.response;
    return { code: r.code, log: r.log, value: Buffer.from(r.value ?? '', 'base64') };
  };

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0, scenario });
  });
  beforeEach(() => devnet.reset());
  after(() => devnet.stop());

  it("4. params.template_client.proof_specs: IBC's IavlSpec and TendermintSpec, on REST and ABCI", async () => {
    const { params } = (await json(`${ICS}/params`)) as { params: { template_client: { proof_specs: unknown } } };
    const leaf = { hash: 'SHA256', prehash_key: 'NO_HASH', prehash_value: 'SHA256', length: 'VAR_PROTO', prefix: 'AA==' };
    assert.deepEqual(params.template_client.proof_specs, [
      {
        leaf_spec: leaf,
        inner_spec: { child_order: [0, 1], child_size: 33, min_prefix_length: 4, max_prefix_length: 12, empty_child: null, hash: 'SHA256' },
        max_depth: 0,
        min_depth: 0,
        prehash_key_before_comparison: false,
      },
      {
        leaf_spec: leaf,
        inner_spec: { child_order: [0, 1], child_size: 32, min_prefix_length: 1, max_prefix_length: 1, empty_child: null, hash: 'SHA256' },
        max_depth: 0,
        min_depth: 0,
        prehash_key_before_comparison: false,
      },
    ]);
    // ABCI: QueryParamsResponse.params(1).template_client(1).proof_specs(8); HashOp SHA256 = 1,
    // NO_HASH = 0 (left out), LengthOp VAR_PROTO = 1; child_order packed [0, 1].
    const answer = await abci('QueryParams');
    assert.equal(answer.code, 0);
    const specs = all(sub(sub(protoFields(answer.value), 1), 1), 8);
    assert.equal(specs.length, 2);
    for (const [spec, [childSize, minPrefix, maxPrefix]] of [
      [specs[0]!, [33, 4, 12]],
      [specs[1]!, [32, 1, 1]],
    ] as const) {
      const leafOp = sub(spec, 1);
      assert.deepEqual([num(leafOp, 1), num(leafOp, 2), num(leafOp, 3), num(leafOp, 4), raw(leafOp, 5)], [1n, 0n, 1n, 1n, [0]]);
      const inner = sub(spec, 2);
      assert.deepEqual(raw(inner, 1), [0, 1]);
      assert.deepEqual(
        [num(inner, 2), num(inner, 3), num(inner, 4), inner.has(5), num(inner, 6)],
        [BigInt(childSize), BigInt(minPrefix), BigInt(maxPrefix), false, 1n],
      );
      assert.deepEqual([spec.has(3), spec.has(4), spec.has(5)], [false, false, false]);
    }
  });

  it('5. throttle_state: allowance = 0.05 × total power, rounded half to even; the meter follows the keeper', async () => {
    const start = devnet.state().time; // genesis (height 1)
    // Genesis: total power 40 + 30 + 20 = 90; 0.05 × 90 = 4.5 → 4 (half to even); meter = allowance.
    const plus = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString().replace('.000Z', 'Z');
    assert.deepEqual(await json(`${ICS}/throttle_state`), { slash_meter: '4', slash_meter_allowance: '4', next_replenish_candidate: plus(3600) });
    // v3 to 50 ATOM: bonded 50, 40, 30 at the end of block 2 = 120; allowance 6. The meter was full
    // at block 2's begin (4 ≥ 4), so the candidate moved to block 2 + 3600 s; it stays at 4 until then.
    devnet.setTokens(v('v3').operatorAddress, 50n * ATOM);
    devnet.advance(1);
    assert.deepEqual(await json(`${ICS}/throttle_state`), { slash_meter: '4', slash_meter_allowance: '6', next_replenish_candidate: plus(3601) });
    devnet.advance(1);
    assert.deepEqual(await json(`${ICS}/throttle_state`), { slash_meter: '4', slash_meter_allowance: '6', next_replenish_candidate: plus(3601) });
    // v3 back to 10 ATOM: bonded 40 + 30 + 20 = 90 again → 4 at height 4; at block 5's begin the
    // meter (4) is full for that allowance, so the candidate moves to block 5 + 3600 s.
    devnet.setTokens(v('v3').operatorAddress, 10n * ATOM);
    devnet.advance(1);
    assert.deepEqual(await json(`${ICS}/throttle_state`), { slash_meter: '4', slash_meter_allowance: '4', next_replenish_candidate: plus(3601) });
    devnet.advance(1);
    assert.deepEqual(await json(`${ICS}/throttle_state`), { slash_meter: '4', slash_meter_allowance: '4', next_replenish_candidate: plus(3604) });
    // ABCI: slash_meter(1), slash_meter_allowance(2).
    const answer = protoFields((await abci('QueryThrottleState')).value);
    assert.deepEqual([num(answer, 1), num(answer, 2)], [4n, 4n]);
  });

  it('7. validator_consumer_addr, validator_provider_addr, address_pairs: an unknown consumer id answers 200 and empty', async () => {
    const v0 = v('v0').consensusAddress;
    assert.deepEqual(await json(`${ICS}/validator_consumer_addr/99/${v0}`), { consumer_address: '' });
    assert.deepEqual(await json(`${ICS}/validator_provider_addr/99/${keyAddress(KEY_A)}`), { provider_address: '' });
    // The keeper does not even validate the consumer id of this one.
    assert.deepEqual(await json(`${ICS}/validator_provider_addr/abc/${keyAddress(KEY_A)}`), { provider_address: '' });
    assert.deepEqual(await json(`${ICS}/address_pairs/99`), { pair_val_con_addr: [] });
    // ABCI: code 0 and an empty response.
    const pairs = await abci('QueryAllPairsValConsAddrByConsumer', protoString(1, '99'));
    assert.deepEqual([pairs.code, pairs.value.length], [0, 0]);
  });

  it('8. unknown client id, genesis time without a chain or a client, commission of an unknown validator: InvalidArgument', async () => {
    await grpcError(`${ICS}/consumer_id/07-tendermint-99`, 'no known consumer chain for this client id: 07-tendermint-99');
    await grpcError(`${ICS}/consumer_genesis_time/99`, 'cannot get consumer genesis time for consumer Id: 99: no consumer chain with this consumer id');
    await grpcError(
      `${ICS}/consumer_genesis_time/1`,
      "cannot get consumer genesis time for consumer Id: 1: consumer hasn't been launched or has been stopped and deleted",
    );
    const nobody = toBech32('cosmosvalcons', new Uint8Array(20).fill(1));
    await grpcError(`${ICS}/consumer_commission_rate/0/${nobody}`, `unknown validator: ${nobody}`);
    // Over ABCI, InvalidArgument is baseapp's code 18 (NotFound would be 38).
    const byClient = await abci('QueryConsumerIdFromClientId', protoString(1, '07-tendermint-99'));
    assert.equal(byClient.code, 18);
    assert.match(byClient.log, /no known consumer chain for this client id: 07-tendermint-99/);
  });

  it('9. address_pairs in store order: ascending provider consensus-address bytes', async () => {
    const { pair_val_con_addr: pairs } = (await json(`${ICS}/address_pairs/0`)) as {
      pair_val_con_addr: Array<{ provider_address: string; consumer_address: string; consumer_key: { ed25519: string } }>;
    };
    const byIndex = [
      { provider_address: v('v0').consensusAddress, consumer_address: keyAddress(KEY_A), consumer_key: { ed25519: KEY_A } },
      { provider_address: v('v1').consensusAddress, consumer_address: keyAddress(KEY_B), consumer_key: { ed25519: KEY_B } },
      { provider_address: v('v2').consensusAddress, consumer_address: keyAddress(KEY_C), consumer_key: { ed25519: KEY_C } },
    ];
    const byBytes = [...byIndex].sort((a, b) => (hex(a.provider_address) < hex(b.provider_address) ? -1 : 1));
    assert.notDeepEqual(byBytes, byIndex, 'the scenario assigns keys in another order than the store keeps them');
    assert.deepEqual(pairs, byBytes);
  });

  it('10. provider_power of a stored-set member that is no longer bonded is 0', async () => {
    // v3 to 50 ATOM: at the end of block 2 the bonded three are v3, v0, v1; v2 leaves (unbonding)
    // but stays in chain 0's stored set until the epoch end (height 5).
    devnet.setTokens(v('v3').operatorAddress, 50n * ATOM);
    devnet.advance(1);
    const { validators } = (await json(`${ICS}/consumer_validators/0`)) as {
      validators: Array<{ description: { moniker: string }; status: string; provider_tokens: string; provider_power: string; consumer_power: string }>;
    };
    const rows = Object.fromEntries(validators.map((x) => [x.description.moniker, [x.status, x.provider_tokens, x.provider_power, x.consumer_power]]));
    assert.deepEqual(rows, {
      v0: ['BOND_STATUS_BONDED', '40000000', '40', '40'],
      v1: ['BOND_STATUS_BONDED', '30000000', '30', '30'],
      v2: ['BOND_STATUS_UNBONDING', '20000000', '0', '20'],
    });
  });

  it('11, 12. a stopped chain that becomes deleted loses what the keeper deletes; its set is then computed now', async () => {
    type Chain = {
      consumer_id: string;
      client_id: string;
      allowlist: string[];
      denylist: string[];
      prioritylist: string[];
      min_power_in_top_N: string;
      phase: string;
    };
    const chain2 = async () => ((await json(`${ICS}/consumer_chains/0`)).chains as Chain[]).find((c) => c.consumer_id === '2')!;
    const [v0, v1, v2, v3] = ['v0', 'v1', 'v2', 'v3'].map((m) => v(m).consensusAddress) as [string, string, string, string];
    const monikers = async () =>
      (
        (await json(`${ICS}/consumer_validators/2`)).validators as Array<{
          description: { moniker: string };
          consumer_power: string;
          consumer_key: { ed25519: string };
          validates_current_epoch: boolean;
        }>
      ).map((x) => [x.description.moniker, x.consumer_power, x.consumer_key.ed25519, x.validates_current_epoch]);

    // Stopped (height 1): everything still there; the set of a stopped chain is empty.
    const stopped = await chain2();
    assert.deepEqual(
      [stopped.phase, stopped.client_id, [...stopped.allowlist].sort(), stopped.denylist, stopped.prioritylist],
      ['CONSUMER_PHASE_STOPPED', '07-tendermint-2', [v0, v1, v2].sort(), [v3], [v1]],
    );
    assert.deepEqual(await json(`${ICS}/consumer_id/07-tendermint-2`), { consumer_id: '2' });
    assert.deepEqual(await json(`${ICS}/validator_consumer_addr/2/${v1}`), { consumer_address: keyAddress(KEY_B) });
    assert.equal(((await json(`${ICS}/address_pairs/2`)).pair_val_con_addr as unknown[]).length, 1);
    assert.deepEqual(await json(`${ICS}/consumer_genesis_time/2`), { genesis_time: devnet.state().time.toISOString().replace('.000Z', 'Z') });
    assert.deepEqual(await monikers(), []);

    // Removal after 3 blocks: deleted at height 3.
    devnet.advance(2);
    const deleted = await chain2();
    assert.deepEqual(
      [deleted.phase, deleted.client_id, deleted.allowlist, deleted.denylist, deleted.prioritylist, deleted.min_power_in_top_N],
      ['CONSUMER_PHASE_DELETED', '', [], [], [], '-1'],
    );
    // The power-shaping parameters are not deleted: consumer_chain still shows them, and the client id is gone.
    const details = (await json(`${ICS}/consumer_chain/2`)) as {
      client_id: string;
      power_shaping_params: { top_N: number; allowlist: string[]; denylist: string[]; prioritylist: string[] };
    };
    assert.equal(details.client_id, '');
    assert.deepEqual(
      [
        details.power_shaping_params.top_N,
        [...details.power_shaping_params.allowlist].sort(),
        details.power_shaping_params.denylist,
        details.power_shaping_params.prioritylist,
      ],
      [50, [v0, v1, v2].sort(), [v3], [v1]],
    );
    await grpcError(`${ICS}/consumer_id/07-tendermint-2`, 'no known consumer chain for this client id: 07-tendermint-2');
    await grpcError(
      `${ICS}/consumer_genesis_time/2`,
      "cannot get consumer genesis time for consumer Id: 2: consumer hasn't been launched or has been stopped and deleted",
    );
    assert.deepEqual(await json(`${ICS}/validator_consumer_addr/2/${v1}`), { consumer_address: '' });
    assert.deepEqual(await json(`${ICS}/validator_provider_addr/2/${keyAddress(KEY_B)}`), { provider_address: '' });
    assert.deepEqual(await json(`${ICS}/address_pairs/2`), { pair_val_con_addr: [] });
    const state = devnet.state().consumer('2')!;
    assert.deepEqual([state.commissions.size, state.optedIn.size, state.consumerKeys.size], [0, 0, 0], 'commissions, opt-ins and keys deleted');

    // 12: the deleted Top-N 50 chain's set is computed now: active powers 40, 30, 20 (90); 40 is 44%
    // of it, 40 + 30 is 78% ≥ 50%, so min power 30: v0 and v1, with their provider keys (the
    // assignment is gone), not validating (the chain is not active); in address-byte order.
    const keyOf = (m: string) => v(m).consensusKey;
    const expected = [
      ['v0', '40', keyOf('v0'), false],
      ['v1', '30', keyOf('v1'), false],
    ].sort((a, b) => (hex(v(a[0] as string).consensusAddress) < hex(v(b[0] as string).consensusAddress) ? -1 : 1));
    assert.deepEqual(await monikers(), expected);
    // Registered and initialized chains: computed now from their opt-ins.
    assert.deepEqual(
      ((await json(`${ICS}/consumer_validators/1`)).validators as Array<{ description: { moniker: string } }>).map((x) => x.description.moniker),
      ['v1'],
    );
    assert.deepEqual(
      ((await json(`${ICS}/consumer_validators/3`)).validators as Array<{ description: { moniker: string } }>).map((x) => x.description.moniker),
      ['v0'],
    );
  });

  it('6. consumer_genesis is complete (REST and ABCI QueryConsumerGenesis); kept while stopped, gone once deleted', async () => {
    // The provider's header at the launch height (chain 0 launched before genesis: height 1).
    const header = (
      (await (await fetch(`${devnet.restUrl}/cosmos/base/tendermint/v1beta1/blocks/latest`, { headers: { 'x-cosmos-block-height': '1' } })).json()) as {
        block: { header: { app_hash: string; next_validators_hash: string } };
      }
    ).block.header;
    const { params } = (await json(`${ICS}/params`)) as { params: { template_client: { proof_specs: unknown[] } } };
    const { genesis_state: genesis } = await json(`${ICS}/consumer_genesis/0`);
    assert.deepEqual(genesis, {
      // ConsumerParams from the chain's initialization parameters (MakeConsumerGenesis / NewParams).
      params: {
        enabled: true,
        blocks_per_distribution_transmission: '1000',
        distribution_transmission_channel: '',
        provider_fee_pool_addr_str: '',
        ccv_timeout_period: '2419200s',
        transfer_timeout_period: '3600s',
        consumer_redistribution_fraction: '0.75',
        historical_entries: '10000',
        unbonding_period: '1728000s',
        soft_opt_out_threshold: '0',
        reward_denoms: [],
        provider_reward_denoms: [],
        retry_delay_period: '3600s',
        consumer_id: '0',
      },
      provider: {
        client_state: {
          // The template client with this chain's id, the launch height (revision 1 from "answers-1"),
          // the staking unbonding time 1,814,400 s and a trusting period of 0.66 of it: 1,197,504 s;
          chain_id: 'answers-1',
          latest_height: { revision_number: '1', revision_height: '1' },
          unbonding_period: '1814400s',
          trusting_period: '1197504s',
          // the rest as the template has it.
          trust_level: { numerator: '1', denominator: '3' },
          max_clock_drift: '10s',
          frozen_height: { revision_number: '0', revision_height: '0' },
          proof_specs: params.template_client.proof_specs,
          upgrade_path: ['upgrade', 'upgradedIBCState'],
          allow_update_after_expiry: false,
          allow_update_after_misbehaviour: false,
        },
        consensus_state: { timestamp: '2025-01-01T00:00:00Z', root: { hash: header.app_hash }, next_validators_hash: header.next_validators_hash },
        // The set at launch in the order it was computed (by stake), with the assigned keys.
        initial_val_set: [
          { pub_key: { ed25519: KEY_A }, power: '40' },
          { pub_key: { ed25519: KEY_B }, power: '30' },
          { pub_key: { ed25519: KEY_C }, power: '20' },
        ],
      },
      new_chain: true,
      preCCV: false,
      connection_id: '',
    });
    assert.equal(params.template_client.proof_specs.length, 2);

    // ABCI: genesis_state(1) → params(1), provider(2), new_chain(3).
    const answer = await abci('QueryConsumerGenesis', protoString(1, '0'));
    assert.equal(answer.code, 0, answer.log);
    const state = sub(protoFields(answer.value), 1);
    const consumerParams = sub(state, 1);
    assert.deepEqual(
      [
        num(consumerParams, 1),
        num(consumerParams, 2),
        num(sub(consumerParams, 5), 1),
        str(consumerParams, 10),
        num(sub(consumerParams, 13), 1),
        str(consumerParams, 14),
      ],
      [1n, 1000n, 2419200n, '0', 3600n, '0'],
    );
    const provider = sub(state, 2);
    const client = sub(provider, 1);
    assert.deepEqual(
      [str(client, 1), num(sub(client, 3), 1), num(sub(client, 4), 1), num(sub(client, 7), 1), num(sub(client, 7), 2), all(client, 8).length],
      ['answers-1', 1197504n, 1814400n, 1n, 1n, 2],
    );
    const consensus = sub(provider, 2);
    assert.deepEqual(
      [num(sub(consensus, 1), 1), raw(sub(consensus, 2), 1), raw(consensus, 3)],
      [BigInt(Date.parse('2025-01-01T00:00:00Z') / 1000), [...Buffer.from(header.app_hash, 'base64')], [...Buffer.from(header.next_validators_hash, 'base64')]],
    );
    const updates = all(provider, 3).map((u) => [Buffer.from(raw(sub(u, 1), 1)).toString('base64'), num(u, 2)]);
    assert.deepEqual(updates, [
      [KEY_A, 40n],
      [KEY_B, 30n],
      [KEY_C, 20n],
    ]);
    assert.equal(num(state, 3), 1n, 'new_chain');

    // None before launch; the stopped chain keeps its genesis until it is deleted (NotFound).
    const notFound = async (id: string) => {
      const response = await get(`${ICS}/consumer_genesis/${id}`);
      assert.deepEqual([response.status, await response.json()], [404, { code: 5, message: `${id}: no consumer chain with this consumer id`, details: [] }]);
    };
    await notFound('1');
    await json(`${ICS}/consumer_genesis/2`);
    devnet.advance(2);
    await notFound('2');
    assert.equal((await abci('QueryConsumerGenesis', protoString(1, '2'))).code, 38);
  });
});
