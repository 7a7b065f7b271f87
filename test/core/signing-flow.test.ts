import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { assert as chai } from 'chai';
import { SigningStargateClient, StargateClient } from '@cosmjs/stargate';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { ProviderClient } from '../../src/client.js';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { testOperator } from '../../devnet/test-keys.js';
import { createIcsRegistry } from '../../src/signing/registry.js';
import { Bip39 } from '@cosmjs/crypto';
import { resolveConfig } from '../../src/chain/config.js';
import { IcsError } from '../../src/chain/errors.js';
import type { ConsumerChain, ConsumerChainDetails } from '../../src/ics/models.js';
import type { StakingValidator } from '../../src/staking/models.js';
import { accountToValidator } from '../../src/staking/address.js';
import { TxFlow, toIcsMessage } from '../../src/signing/flow.js';
import type { TxBackend } from '../../src/signing/flow.js';
import type { BroadcastInput } from '../../src/signing/cosmjs-tx.js';
import type { TxResult } from '../../src/signing/actions.js';
import { extensionWallet } from '../../src/signing/wallet.js';
import type { Wallet } from '../../src/signing/wallet.js';
import { TestWallet } from '../../src/signing/test-wallet.js';

const CHAIN = 'provider';
const MNEMONIC_A = Bip39.encode(new Uint8Array(16).fill(3)).toString();
const MNEMONIC_B = Bip39.encode(new Uint8Array(16).fill(4)).toString();

interface Chain {
  phase: ConsumerChainDetails['phase'];
  kind: ConsumerChainDetails['kind'];
  minPowerInTopN?: bigint;
}

/** A ProviderClient stand-in answering from plain state, recording invalidations. */
function fakeClient(valoper: string, chain: Chain, options: { rpc?: string[]; tokens?: bigint } = {}) {
  const invalidated: string[] = [];
  const config = resolveConfig({ rest: 'http://rest.invalid', rpc: options.rpc ?? ['http://rpc.invalid'], chainId: CHAIN });
  const client = {
    config,
    invalidated,
    invalidate: (fragment?: string) => invalidated.push(fragment ?? '*'),
    chainId: async () => CHAIN,
    // The chain's prefixes and denoms, as the config gives them (a real client may read them).
    chainParams: async () => ({ ...config, sources: { prefix: 'given', stakingDenom: 'given', display: 'given' } }),
    validator: async (address: string) => {
      if (address !== valoper) throw new IcsError('not-found', `No validator ${address}.`);
      return { operatorAddress: valoper, status: 'bonded', tokens: options.tokens ?? 5_000_000_000n } as StakingValidator;
    },
    consumerChain: async (id: string) => {
      if (id !== '4') throw new IcsError('not-found', `No consumer ${id}.`);
      return { consumerId: '4', chainId: 'pion-1', metadata: { name: 'Pion', description: '', metadata: '' }, phase: chain.phase, kind: chain.kind } as ConsumerChainDetails;
    },
    consumerChains: async () => [{ consumerId: '4', minPowerInTopN: chain.minPowerInTopN } as ConsumerChain],
    stakingParams: async () => ({ minCommissionRate: '0.050000000000000000' }),
  };
  return client as typeof client & ProviderClient;
}

/** The test wallet behind the Keplr wallet layer, so every wallet call is recorded. */
async function setup(chain: Chain, options: { connectAs?: 0 | 1; rpc?: string[] } = {}) {
  const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }, { mnemonic: MNEMONIC_B }], eventTarget: new EventTarget() });
  const operator = keplr.address;
  const valoper = accountToValidator(operator, resolveConfig({ rest: 'http://x.invalid' }).prefixes);
  if (options.connectAs === 1) keplr.switchAccount(1);
  const wallet: Wallet = extensionWallet('keplr', keplr, new EventTarget());
  const client = fakeClient(valoper, chain, { rpc: options.rpc });
  const sent: BroadcastInput[] = [];
  let loads = 0;
  let answer: (input: BroadcastInput) => Promise<TxResult> = async () => ({ status: 'confirmed', txHash: 'AB', height: 10, gasUsed: 80_000n });
  const backend: TxBackend = {
    signAndBroadcast: (input) => {
      sent.push(input);
      return answer(input);
    },
  };
  const flow = new TxFlow({
    client,
    wallet,
    loadBackend: async () => {
      loads++;
      return backend;
    },
  });
  return { keplr, operator, valoper, client, flow, sent, loads: () => loads, setAnswer: (a: typeof answer) => (answer = a) };
}

describe('tx flow: refusals before the wallet is touched', () => {
  it('Top-N opt-out by a validator in the top N', async () => {
    const t = await setup({ phase: 'launched', kind: 'top-n', minPowerInTopN: 100n });
    const result = await t.flow.optOut({ validator: t.valoper, consumerId: '4' });
    assert.equal(result.status, 'refused');
    assert.equal(result.status === 'refused' && result.code, 'top-n-opt-out');
    assert.deepEqual(t.keplr.calls, []);
    assert.equal(t.loads(), 0);
  });

  it('wrong phase, bad key, commission below the minimum, unknown validator, unknown chain', async () => {
    const t = await setup({ phase: 'registered', kind: 'opt-in' });
    const refusals = [
      [await t.flow.optOut({ validator: t.valoper, consumerId: '4' }), 'wrong-phase'],
      [await t.flow.assignConsumerKey({ validator: t.valoper, consumerId: '4', consumerKey: 'abc' }), 'bad-key'],
      [await t.flow.setConsumerCommissionRate({ validator: t.valoper, consumerId: '4', rate: '0.01' }), 'commission-range'],
      [await t.flow.optIn({ validator: 'cosmosvaloper1xyz', consumerId: '4' }), 'bad-address'],
      [await t.flow.optIn({ validator: t.valoper, consumerId: '5' }), 'unknown-consumer'],
    ] as const;
    for (const [result, code] of refusals) {
      assert.equal(result.status, 'refused');
      assert.equal(result.status === 'refused' && result.code, code);
    }
    assert.deepEqual(t.keplr.calls, []);
    assert.equal(t.loads(), 0);
  });

  it('an unknown validator', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    const other = accountToValidator((await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_B }] })).address, t.client.config.prefixes);
    const result = await t.flow.optIn({ validator: other, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'unknown-validator');
    assert.deepEqual(t.keplr.calls, []);
  });

  it('wrong signer: refused after connecting, before any signer or cosmjs is loaded', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' }, { connectAs: 1 });
    const result = await t.flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'wrong-signer');
    assert.deepEqual(t.keplr.calls, ['enable', 'getKey']);
    assert.equal(t.loads(), 0);
  });

  it('no RPC endpoint: refused in words', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' }, { rpc: [] });
    const result = await t.flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'not-configured');
  });
});

describe('tx flow: to the backend and back', () => {
  it('sends one message signed by the operator account, with the config gas price and ×1.4, then invalidates', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    const stages: string[] = [];
    const flow = new TxFlow({ client: t.client, wallet: extensionWallet('keplr', t.keplr, new EventTarget()), onStage: (s) => stages.push(s), loadBackend: async () => ({ signAndBroadcast: async (input) => (t.sent.push(input), { status: 'confirmed', txHash: 'AB', height: 10, gasUsed: 1n }) }) });
    const result = await flow.setConsumerCommissionRate({ validator: t.valoper, consumerId: '4', rate: ' 0.1 ' });
    assert.deepEqual(result, { status: 'confirmed', txHash: 'AB', height: 10, gasUsed: 1n });
    const [input] = t.sent;
    assert.equal(input!.rpcUrl, 'http://rpc.invalid');
    assert.equal(input!.chainId, CHAIN);
    assert.equal(input!.address, t.operator);
    assert.equal(input!.gasPrice, '0.005uatom');
    assert.equal(input!.gasMultiplier, 1.4);
    assert.deepEqual(input!.messages, [
      {
        typeUrl: '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate',
        value: { chainId: '', providerAddr: t.valoper, signer: t.operator, consumerId: '4', rate: '0.1' },
      },
    ]);
    assert.deepEqual(t.client.invalidated, ['/consumer_commission_rate/4/', '/consumer_validators/4']);
    assert.deepEqual(stages.slice(0, 3), ['checking', 'connecting', 'loading']);
  });

  it('a Ledger account gets the amino signer', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    t.keplr.isNanoLedger = true;
    await t.flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.ok(!('signDirect' in t.sent[0]!.signer));
  });

  it('the stages from the signer on say the signing mode: direct, or amino for a Ledger account', async () => {
    for (const [ledger, mode] of [[false, 'direct'], [true, 'amino']] as const) {
      const t = await setup({ phase: 'launched', kind: 'opt-in' });
      t.keplr.isNanoLedger = ledger;
      const seen: [string, string | undefined, string | undefined][] = [];
      const flow = new TxFlow({
        client: t.client,
        wallet: extensionWallet('keplr', t.keplr, new EventTarget()),
        onStage: (s, detail) => seen.push([s, detail?.mode, detail?.txHash]),
        loadBackend: async () => ({
          signAndBroadcast: async (input) => {
            input.onStage?.('signing');
            input.onStage?.('broadcasting', { txHash: 'AB' });
            return { status: 'confirmed', txHash: 'AB', height: 10, gasUsed: 1n };
          },
        }),
      });
      await flow.optIn({ validator: t.valoper, consumerId: '4' });
      assert.deepEqual(seen, [
        ['checking', undefined, undefined],
        ['connecting', undefined, undefined],
        ['loading', undefined, undefined],
        ['signing', mode, undefined],
        ['broadcasting', mode, 'AB'],
      ]);
    }
  });

  it('the wallet declining to connect is a cancel, not an error', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    t.keplr.rejectConnect = true;
    assert.deepEqual(await t.flow.optIn({ validator: t.valoper, consumerId: '4' }), { status: 'cancelled' });
    assert.equal(t.loads(), 0);
  });

  it('a failed result is passed through and nothing is invalidated', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    const failed: TxResult = { status: 'failed', txHash: 'CD', code: 'key-in-use', codespace: 'provider', abciCode: 10, message: 'x' };
    t.setAnswer(async () => failed);
    assert.deepEqual(await t.flow.optIn({ validator: t.valoper, consumerId: '4' }), failed);
    assert.deepEqual(t.client.invalidated, []);
  });

  it('one transaction at a time: a second call while one is pending is refused, never signed', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    let release!: () => void;
    t.setAnswer(() => new Promise((resolve) => (release = () => resolve({ status: 'confirmed', txHash: 'EF', height: 1, gasUsed: 1n }))));
    const first = t.flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.equal(t.flow.pending, true);
    const second = await t.flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.equal(second.status === 'refused' && second.code, 'busy');
    while (t.sent.length === 0) await new Promise((r) => setTimeout(r, 1));
    release();
    assert.equal((await first).status, 'confirmed');
    assert.equal(t.sent.length, 1);
    assert.equal(t.flow.pending, false);
    // Free again once the first one has its result.
    t.setAnswer(async () => ({ status: 'confirmed', txHash: 'EF', height: 2, gasUsed: 1n }));
    assert.equal((await t.flow.optOut({ validator: t.valoper, consumerId: '4' })).status, 'confirmed');
  });

  it('the default backend is loaded with a dynamic import and reports an unreachable RPC in words', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' }, { rpc: ['http://127.0.0.1:9'] });
    const flow = new TxFlow({ client: t.client, wallet: extensionWallet('keplr', t.keplr, new EventTarget()) });
    const result = await flow.optIn({ validator: t.valoper, consumerId: '4' });
    assert.equal(result.status, 'failed');
    assert.equal(result.status === 'failed' && result.code, 'network');
    assert.match(result.status === 'failed' ? result.message : '', /127\.0\.0\.1:9/);
  });
});

describe('tx flow: what is signed is frozen when submit() is called', () => {
  it('a caller mutating its action after submit() (and at every stage) changes nothing the backend signs; the messages are frozen', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    const action = { type: 'set-consumer-commission-rate' as const, validator: t.valoper, consumerId: '4', rate: ' 0.1 ' };
    const flow = new TxFlow({
      client: t.client,
      wallet: extensionWallet('keplr', t.keplr, new EventTarget()),
      onStage: () => Object.assign(action, { consumerId: '2', rate: '0.9' }),
      loadBackend: async () => ({ signAndBroadcast: async (input) => (t.sent.push(input), { status: 'confirmed', txHash: 'AB', height: 1, gasUsed: 1n }) }),
    });
    const pending = flow.submit(action);
    action.consumerId = '3';
    assert.equal((await pending).status, 'confirmed');
    const [input] = t.sent;
    assert.deepEqual(input!.messages, [
      {
        typeUrl: '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate',
        value: { chainId: '', providerAddr: t.valoper, signer: t.operator, consumerId: '4', rate: '0.1' },
      },
    ]);
    assert.ok(Object.isFrozen(input!.messages) && Object.isFrozen(input!.messages[0]) && Object.isFrozen(input!.messages[0]!.value));
    assert.deepEqual(t.client.invalidated, ['/consumer_commission_rate/4/', '/consumer_validators/4'], 'the frozen chain, too');
  });

  it('an action whose getters answer differently each time is read once', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    let reads = 0;
    const action = {
      type: 'opt-in' as const,
      validator: t.valoper,
      get consumerId() {
        return ++reads === 1 ? '4' : '2';
      },
    };
    assert.equal((await t.flow.submit(action)).status, 'confirmed');
    assert.equal(reads, 1);
    assert.equal((t.sent[0]!.messages[0]!.value as { consumerId: string }).consumerId, '4');
  });

  it('an action that is not one of the four, or has a non-string field, is refused before anything', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    for (const bad of [
      { type: 'send', validator: t.valoper, consumerId: '4' },
      { type: 'opt-in', validator: t.valoper, consumerId: 4 },
      { type: 'set-consumer-commission-rate', validator: t.valoper, consumerId: '4' },
    ]) {
      const result = await t.flow.submit(bad as unknown as Parameters<TxFlow['submit']>[0]);
      assert.equal(result.status === 'refused' && result.code, 'changed', JSON.stringify(bad));
    }
    assert.equal(t.loads(), 0);
    assert.deepEqual(t.keplr.calls, []);
  });

  it('a signal aborted before the backend, or another account than the one the person saw, refuses without a signature', async () => {
    const t = await setup({ phase: 'launched', kind: 'opt-in' });
    const stop = new AbortController();
    stop.abort('The chain changed; nothing was signed.');
    assert.deepEqual(await t.flow.submit({ type: 'opt-out', validator: t.valoper, consumerId: '4' }, { signal: stop.signal }), {
      status: 'refused',
      code: 'changed',
      message: 'The chain changed; nothing was signed.',
    });
    const other = await t.flow.submit({ type: 'opt-out', validator: t.valoper, consumerId: '4' }, { signer: 'cosmos1someoneelse' });
    assert.equal(other.status === 'refused' && other.code, 'changed');
    assert.equal(t.sent.length, 0);
  });
});

/**
 * The same flow against the devnet: the real ProviderClient, the real cosmjs backend, the test
 * wallet with a devnet test operator's keys. What a fake backend cannot show: the gas price and
 * margin the chain is actually charged, and the cache seeing the transaction's change.
 */
describe('tx flow against the devnet (real client, backend and chain)', () => {
  let devnet: Devnet;
  let stargate: StargateClient;
  const newcomer = testOperator('newcomer');
  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0 });
    stargate = await StargateClient.connect(devnet.rpcUrl);
  });
  beforeEach(() => devnet.reset());
  after(async () => {
    stargate.disconnect();
    await devnet.stop();
  });

  async function operatorWallet() {
    const keplr = await TestWallet.create({ accounts: [{ mnemonic: newcomer.mnemonic }], eventTarget: new EventTarget() });
    return { keplr, wallet: extensionWallet('keplr', keplr, new EventTarget()) };
  }

  /** The gas the chain's simulation gives for this opt-in now, asked directly (not through the flow). */
  async function simulatedGas(keplr: TestWallet, consumerId: string): Promise<number> {
    await keplr.enable(devnet.chainId);
    const signing = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, keplr.getOfflineSigner(devnet.chainId), { registry: createIcsRegistry() });
    try {
      return await signing.simulate(newcomer.account, [toIcsMessage({ type: 'opt-in', validator: newcomer.operator, consumerId }, newcomer.account)], '');
    } finally {
      signing.disconnect();
    }
  }

  /** The fee the included transaction carried, read back from the chain. */
  async function chargedFee(txHash: string): Promise<{ gasLimit: bigint; amount: string; gasWanted: bigint }> {
    const tx = await stargate.getTx(txHash);
    assert.ok(tx, `transaction ${txHash} is on chain`);
    const fee = Tx.decode(tx.tx).authInfo!.fee!;
    assert.equal(fee.amount.length, 1);
    return { gasLimit: fee.gasLimit, amount: `${fee.amount[0]!.amount}${fee.amount[0]!.denom}`, gasWanted: tx.gasWanted };
  }

  const balance = async () => BigInt((await stargate.getBalance(newcomer.account, 'uatom')).amount);

  it('the default gas price (0.005uatom) and margin (×1.4) are what the chain charges', async () => {
    const { keplr, wallet } = await operatorWallet();
    const gas = await simulatedGas(keplr, '4');
    const before = await balance();
    const client = new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl, chainId: devnet.chainId });
    const result = await new TxFlow({ client, wallet, pollIntervalMs: 20, inclusionTimeoutMs: 10_000 }).optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'confirmed', JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    const fee = await chargedFee((result as { txHash: string }).txHash);
    // Gas limit = ceil(simulated × 1.4); fee = ceil(limit × 0.005) = ceil(limit × 5 / 1000) uatom.
    const limit = BigInt(Math.ceil(gas * 1.4));
    assert.equal(fee.gasLimit, limit);
    assert.equal(fee.gasWanted, limit);
    const amount = (limit * 5n + 999n) / 1000n;
    assert.equal(fee.amount, `${amount}uatom`);
    assert.equal(before - (await balance()), amount, 'the account paid exactly that fee');
  });

  it('an unreachable first RPC endpoint: the transaction goes through the next one', async () => {
    // A server that drops every connection, kept open for the test (no freed port to race for).
    const dead = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    try {
      const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
      const { wallet } = await operatorWallet();
      const client = new ProviderClient({ rest: devnet.restUrl, rpc: [deadUrl, devnet.rpcUrl], chainId: devnet.chainId });
      const result = await new TxFlow({ client, wallet, pollIntervalMs: 20, inclusionTimeoutMs: 10_000 }).optIn({ validator: newcomer.operator, consumerId: '4' });
      assert.equal(result.status, 'confirmed', JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
      assert.ok(await stargate.getTx((result as { txHash: string }).txHash), 'included by the devnet');

      const none = new ProviderClient({ rest: devnet.restUrl, rpc: [deadUrl, deadUrl], chainId: devnet.chainId });
      const failed = await new TxFlow({ client: none, wallet }).optIn({ validator: newcomer.operator, consumerId: '2' });
      assert.equal(failed.status, 'failed');
      assert.match((failed as { message: string }).message, /^Could not reach any of the 2 RPC endpoints/);
    } finally {
      dead.close();
    }
  });

  it('a configured gas price and margin are used instead (0.0125uatom, ×2)', async () => {
    const { keplr, wallet } = await operatorWallet();
    const gas = await simulatedGas(keplr, '4');
    const client = new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl, chainId: devnet.chainId, gasPrice: '0.0125uatom' });
    const flow = new TxFlow({ client, wallet, gasMultiplier: 2, pollIntervalMs: 20, inclusionTimeoutMs: 10_000 });
    const result = await flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'confirmed');
    const fee = await chargedFee((result as { txHash: string }).txHash);
    const limit = BigInt(gas * 2);
    assert.equal(fee.gasLimit, limit);
    // ceil(limit × 0.0125) = ceil(limit × 125 / 10000).
    assert.equal(fee.amount, `${(limit * 125n + 9_999n) / 10_000n}uatom`);
  });

  it('after a confirmed transaction, the reads it changed are read again; others stay cached', async () => {
    const { wallet } = await operatorWallet();
    const client = new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl, chainId: devnet.chainId, cacheTtlMs: 600_000 });
    const valcons = await client.consensusAddressOf(newcomer.operator);
    // Chain 4's opted-in list (20 validators), cached; a change made behind the client's back
    // (through the devnet's control, no transaction) is not seen: the cache really serves it.
    assert.equal((await client.optedInValidators('4')).length, 20);
    devnet.optIn('5', newcomer.operator);
    chai.include(await client.optedInValidators('5'), valcons, 'first read, after the change: it is there');
    devnet.optOut('5', newcomer.operator);
    chai.include(await client.optedInValidators('5'), valcons, 'cached: the opt-out is not seen');
    const chains = await client.consumerChains({ phase: 'launched' });
    const before = client.stats();

    const result = await new TxFlow({ client, wallet, pollIntervalMs: 20, inclusionTimeoutMs: 10_000 }).optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'confirmed');
    // The opt-in's reads were forgotten: read again, they show the newcomer on chain 4.
    const after = await client.optedInValidators('4');
    assert.equal(after.length, 21);
    chai.include(after, valcons);
    chai.include(await client.consumerChainsOfValidator(valcons), '4');
    // Unrelated reads are still served from the cache.
    assert.deepEqual(await client.consumerChains({ phase: 'launched' }), chains);
    chai.include(await client.optedInValidators('5'), valcons, 'another chain\'s list: still cached');
    chai.isAbove(client.stats().cacheHits, before.cacheHits);
  });
});
