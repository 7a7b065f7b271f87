// What an ICS v7 node answers where the devnet used to differ (issue 12, points 3–12), on a small
// chain whose values are worked out by hand from the keeper's rules (x/ccv/provider/keeper/
// grpc_query.go, consumer_lifecycle.go, throttle.go): REST, and ABCI where the issue says, read
// here with a small protobuf reader of this file's own.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDevnet } from '../../src/devnet/index.js';
import type { Devnet, Scenario } from '../../src/devnet/index.js';
import { decodeAddress } from '../../src/staking/address.js';

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
    { consumerId: '0', chainId: 'live-1', phase: 'launched', name: 'Live', spawnTime: '2025-01-01T00:00:00Z', optedIn: [0, 1, 2], consumerKeys: { 0: KEY_A, 1: KEY_B, 2: KEY_C } },
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
    const body = { jsonrpc: '2.0', id: 1, method: 'abci_query', params: { path: `/interchain_security.ccv.provider.v1.Query/${method}`, data: Buffer.from(data).toString('hex') } };
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

  it('4. params.template_client.proof_specs: IBC\'s IavlSpec and TendermintSpec, on REST and ABCI', async () => {
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
    for (const [spec, [childSize, minPrefix, maxPrefix]] of [[specs[0]!, [33, 4, 12]], [specs[1]!, [32, 1, 1]]] as const) {
      const leafOp = sub(spec, 1);
      assert.deepEqual([num(leafOp, 1), num(leafOp, 2), num(leafOp, 3), num(leafOp, 4), raw(leafOp, 5)], [1n, 0n, 1n, 1n, [0]]);
      const inner = sub(spec, 2);
      assert.deepEqual(raw(inner, 1), [0, 1]);
      assert.deepEqual([num(inner, 2), num(inner, 3), num(inner, 4), inner.has(5), num(inner, 6)], [BigInt(childSize), BigInt(minPrefix), BigInt(maxPrefix), false, 1n]);
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
});
