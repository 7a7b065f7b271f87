/**
 * The transaction flow against the devnet: the real ProviderClient over HTTP, the real cosmjs
 * backend (loaded as the flow loads it, only wrapped to count its loads and record what it was
 * given and answered), the devnet's CometBFT RPC, and the test wallet (real keys) behind the
 * Keplr wallet layer, so every wallet call is recorded. No fake client and no fake backend.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { assert as chai } from 'chai';
import { SigningStargateClient, StargateClient } from '@cosmjs/stargate';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { ProviderClient } from '../../../src/client.js';
import { startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';
import { testOperator } from '../../../devnet/test-keys.js';
import type { TestOperatorRole } from '../../../devnet/test-keys.js';
import { createIcsRegistry } from '../../../src/signing/registry.js';
import { accountToValidator } from '../../../src/staking/address.js';
import { TxFlow, toIcsMessage } from '../../../src/signing/flow.js';
import type { TxFlowOptions } from '../../../src/signing/flow.js';
import type { BroadcastInput } from '../../../src/signing/cosmjs-tx.js';
import type { TxResult, TxStage } from '../../../src/signing/actions.js';
import { extensionWallet } from '../../../src/signing/wallet.js';
import { TestWallet } from '../../../src/signing/test-wallet.js';

const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

let devnet: Devnet;
let stargate: StargateClient;
before(async () => {
  devnet = await startDevnet({ blockTimeMs: 0 });
  stargate = await StargateClient.connect(devnet.rpcUrl);
});
beforeEach(() => devnet.reset());
after(async () => {
  stargate.disconnect();
  await devnet.stop();
});

const top = testOperator('top');
const newcomer = testOperator('newcomer');
const outsider = testOperator('outsider');

/** A test wallet holding these operators' keys (the first one selected). */
function testWallet(...roles: TestOperatorRole[]): Promise<TestWallet> {
  return TestWallet.create({ accounts: roles.map((role) => ({ mnemonic: testOperator(role).mnemonic })), eventTarget: new EventTarget() });
}

/**
 * A flow with the real client and the real cosmjs backend. The backend is the module the flow
 * would import, wrapped only to count its loads and record its inputs and answers; the client's
 * `invalidate` is recorded, then done.
 */
function flowOf(keplr: TestWallet, options: { rpc?: string[]; gasPrice?: string; onStage?: TxFlowOptions['onStage'] } = {}) {
  const client = new ProviderClient({
    rest: devnet.restUrl,
    rpc: options.rpc ?? devnet.rpcUrl,
    chainId: devnet.chainId,
    ...(options.gasPrice ? { gasPrice: options.gasPrice } : {}),
  });
  const invalidated: string[] = [];
  const invalidate = client.invalidate.bind(client);
  client.invalidate = (fragment?: string) => {
    invalidated.push(fragment ?? '*');
    invalidate(fragment);
  };
  const sent: BroadcastInput[] = [];
  const answers: TxResult[] = [];
  let loads = 0;
  const flow = new TxFlow({
    client,
    wallet: extensionWallet('keplr', keplr, new EventTarget()),
    pollIntervalMs: 20,
    inclusionTimeoutMs: 10_000,
    ...(options.onStage ? { onStage: options.onStage } : {}),
    loadBackend: async () => {
      loads++;
      const real = await import('../../../src/signing/cosmjs-tx.js');
      return {
        signAndBroadcast: async (input) => {
          sent.push(input);
          const answer = await real.signAndBroadcast(input);
          answers.push(answer);
          return answer;
        },
      };
    },
  });
  return { client, flow, invalidated, sent, answers, loads: () => loads };
}

const signCalls = (keplr: TestWallet) => keplr.calls.filter((c) => c === 'signDirect' || c === 'signAmino');
const optedIn = async (client: ProviderClient, consumerId: string, operator: string) =>
  (await client.optedInValidators(consumerId, { fresh: true })).includes(await client.consensusAddressOf(operator));

describe('tx flow: refusals before the wallet is touched', () => {
  it("Top-N opt-out by a validator in the top N: refused in the check's words, naming the chain", async () => {
    const keplr = await testWallet('top');
    const t = flowOf(keplr);
    const result = await t.flow.optOut({ validator: top.operator, consumerId: '0' });
    // Chain 0 (Neutron, neutron-1, Top-N 95%): threshold 335144, the top operator's power 8570621
    // (worked out from the default scenario in test/shared/signing-suite.ts).
    assert.deepEqual(result, {
      status: 'refused',
      code: 'top-n-opt-out',
      message:
        'Neutron (consumer 0, neutron-1) is a Top-N chain and every validator with at least 335144 power must validate it; yours is 8570621. ' +
        'You can opt out once your power falls below that threshold.',
    });
    assert.deepEqual(keplr.calls, []);
    assert.equal(t.loads(), 0);
  });

  it('wrong phase, bad key, commission below the minimum, bad address, unknown chain', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    // Chain 5 (nova-1) is registered: not launched, but active.
    const refusals = [
      [await t.flow.optOut({ validator: newcomer.operator, consumerId: '5' }), 'wrong-phase'],
      [await t.flow.assignConsumerKey({ validator: newcomer.operator, consumerId: '5', consumerKey: 'abc' }), 'bad-key'],
      [await t.flow.setConsumerCommissionRate({ validator: newcomer.operator, consumerId: '5', rate: '0.01' }), 'commission-range'],
      [await t.flow.optIn({ validator: 'cosmosvaloper1xyz', consumerId: '5' }), 'bad-address'],
      [await t.flow.optIn({ validator: newcomer.operator, consumerId: '99' }), 'unknown-consumer'],
    ] as const;
    for (const [result, code] of refusals) {
      assert.equal(result.status, 'refused');
      assert.equal(result.status === 'refused' && result.code, code);
    }
    assert.deepEqual(keplr.calls, []);
    assert.equal(t.loads(), 0);
  });

  it('an unknown validator', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    // The outsider's account bytes as an operator address: well formed, but no validator.
    const other = accountToValidator(outsider.account, t.client.config.prefixes);
    const result = await t.flow.optIn({ validator: other, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'unknown-validator');
    assert.deepEqual(keplr.calls, []);
  });

  it('wrong signer: refused after connecting, before any signer or cosmjs is loaded', async () => {
    const keplr = await testWallet('newcomer', 'outsider');
    keplr.switchAccount(1);
    const t = flowOf(keplr);
    const result = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'wrong-signer');
    assert.deepEqual(keplr.calls, ['enable', 'getKey']);
    assert.equal(t.loads(), 0);
  });

  it('no RPC endpoint: refused in words', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr, { rpc: [] });
    const result = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status === 'refused' && result.code, 'not-configured');
    assert.deepEqual(keplr.calls, []);
  });
});

describe('tx flow: to the backend and back', () => {
  it('sends one message signed by the operator account, with the config gas price and ×1.4, then invalidates', async () => {
    const keplr = await testWallet('newcomer');
    const stages: TxStage[] = [];
    const t = flowOf(keplr, { onStage: (s) => stages.push(s) });
    const result = await t.flow.setConsumerCommissionRate({ validator: newcomer.operator, consumerId: '4', rate: ' 0.1 ' });
    assert.equal(result.status, 'confirmed', json(result));
    assert.deepEqual(result, t.answers[0], "the backend's answer, as it gave it");
    assert.equal(t.sent.length, 1);
    const [input] = t.sent;
    assert.equal(input!.rpcUrl, devnet.rpcUrl);
    assert.equal(input!.chainId, 'provider-devnet-1');
    assert.equal(input!.address, newcomer.account);
    assert.equal(input!.gasPrice, '0.005uatom');
    assert.equal(input!.gasMultiplier, 1.4);
    assert.deepEqual(input!.messages, [
      {
        typeUrl: '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate',
        value: { chainId: '', providerAddr: newcomer.operator, signer: newcomer.account, consumerId: '4', rate: '0.1' },
      },
    ]);
    assert.deepEqual(t.invalidated, ['/consumer_commission_rate/4/', '/consumer_validators/4']);
    assert.deepEqual(stages, ['checking', 'connecting', 'loading', 'simulating', 'signing', 'broadcasting', 'including']);
    assert.deepEqual(signCalls(keplr), ['signDirect']);
    assert.equal(await t.client.consumerCommissionRate('4', newcomer.operator, { fresh: true }), '0.100000000000000000', 'the chain took it');
  });

  it('a Ledger account gets the amino signer', async () => {
    const keplr = await testWallet('newcomer');
    keplr.isNanoLedger = true;
    const t = flowOf(keplr);
    const result = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'confirmed', json(result));
    assert.ok(!('signDirect' in t.sent[0]!.signer));
    assert.deepEqual(signCalls(keplr), ['signAmino']);
  });

  it('the stages from the signer on say the signing mode: direct, or amino for a Ledger account', async () => {
    for (const [ledger, mode] of [
      [false, 'direct'],
      [true, 'amino'],
    ] as const) {
      devnet.reset();
      const keplr = await testWallet('newcomer');
      keplr.isNanoLedger = ledger;
      const seen: [string, string | undefined][] = [];
      const t = flowOf(keplr, { onStage: (s, detail) => seen.push([s, detail?.mode]) });
      const result = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
      assert.equal(result.status, 'confirmed', json(result));
      assert.deepEqual(
        seen,
        [
          ['checking', undefined],
          ['connecting', undefined],
          ['loading', undefined],
          ['simulating', mode],
          ['signing', mode],
          ['broadcasting', mode],
          ['including', mode],
        ],
        `a ${mode} signer`,
      );
    }
  });

  it('the wallet declining to connect is a cancel, not an error', async () => {
    const keplr = await testWallet('newcomer');
    keplr.rejectConnect = true;
    const t = flowOf(keplr);
    assert.deepEqual(await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' }), { status: 'cancelled' });
    assert.equal(t.loads(), 0);
  });

  it('a failed result the check does not know is passed through and nothing is invalidated', async () => {
    // A gas price below the node's minimum: CheckTx refuses (sdk 13), which no local check knows.
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr, { gasPrice: '0.0001uatom' });
    const result = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'failed', json(result));
    assert.deepEqual(result, t.answers[0], "the backend's answer, as it gave it");
    assert.deepEqual([(result as { code: string }).code, (result as { codespace: string }).codespace], ['insufficient-fee', 'sdk']);
    assert.deepEqual(t.invalidated, []);
    assert.equal(await optedIn(t.client, '4', newcomer.operator), false);
  });

  it('one transaction at a time: a second call while one is pending is refused, never signed', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    const first = t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(t.flow.pending, true);
    // The second answer needs no I/O, the first one HTTP round trips: the first is still pending.
    const second = await t.flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(second.status === 'refused' && second.code, 'busy');
    assert.equal(t.flow.pending, true);
    const firstResult = await first;
    assert.equal(firstResult.status, 'confirmed', json(firstResult));
    assert.equal(t.sent.length, 1);
    assert.deepEqual(signCalls(keplr), ['signDirect']);
    assert.equal(t.flow.pending, false);
    // Free again once the first one has its result.
    const again = await t.flow.optOut({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(again.status, 'confirmed', json(again));
  });

  it('the default backend is loaded with a dynamic import and reports an unreachable RPC in words', async () => {
    const keplr = await testWallet('newcomer');
    const client = new ProviderClient({ rest: devnet.restUrl, rpc: 'http://127.0.0.1:9', chainId: devnet.chainId });
    const flow = new TxFlow({ client, wallet: extensionWallet('keplr', keplr, new EventTarget()) });
    const result = await flow.optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'failed');
    assert.equal(result.status === 'failed' && result.code, 'network');
    assert.match(result.status === 'failed' ? result.message : '', /127\.0\.0\.1:9/);
  });
});

describe('tx flow: what is signed is frozen when submit() is called', () => {
  it('a caller mutating its action after submit() (and at every stage) changes nothing the backend signs; the messages are frozen', async () => {
    const keplr = await testWallet('newcomer');
    const action = { type: 'set-consumer-commission-rate' as const, validator: newcomer.operator, consumerId: '4', rate: ' 0.1 ' };
    const t = flowOf(keplr, { onStage: () => Object.assign(action, { consumerId: '2', rate: '0.9' }) });
    const pending = t.flow.submit(action);
    action.consumerId = '3';
    const result = await pending;
    assert.equal(result.status, 'confirmed', json(result));
    const [input] = t.sent;
    assert.deepEqual(input!.messages, [
      {
        typeUrl: '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate',
        value: { chainId: '', providerAddr: newcomer.operator, signer: newcomer.account, consumerId: '4', rate: '0.1' },
      },
    ]);
    assert.ok(Object.isFrozen(input!.messages) && Object.isFrozen(input!.messages[0]) && Object.isFrozen(input!.messages[0]!.value));
    assert.deepEqual(t.invalidated, ['/consumer_commission_rate/4/', '/consumer_validators/4'], 'the frozen chain, too');
    assert.equal(await t.client.consumerCommissionRate('4', newcomer.operator, { fresh: true }), '0.100000000000000000');
  });

  it('an action whose getters answer differently each time is read once', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    let reads = 0;
    const action = {
      type: 'opt-in' as const,
      validator: newcomer.operator,
      get consumerId() {
        return ++reads === 1 ? '4' : '2';
      },
    };
    const result = await t.flow.submit(action);
    assert.equal(result.status, 'confirmed', json(result));
    assert.equal(reads, 1);
    assert.equal((t.sent[0]!.messages[0]!.value as { consumerId: string }).consumerId, '4');
    assert.equal(await optedIn(t.client, '4', newcomer.operator), true);
    assert.equal(await optedIn(t.client, '2', newcomer.operator), false);
  });

  it('an action that is not one of the four, or has a non-string field, is refused before anything', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    for (const bad of [
      { type: 'send', validator: newcomer.operator, consumerId: '4' },
      { type: 'opt-in', validator: newcomer.operator, consumerId: 4 },
      { type: 'set-consumer-commission-rate', validator: newcomer.operator, consumerId: '4' },
    ]) {
      const result = await t.flow.submit(bad as unknown as Parameters<TxFlow['submit']>[0]);
      assert.equal(result.status === 'refused' && result.code, 'changed', JSON.stringify(bad));
    }
    assert.equal(t.loads(), 0);
    assert.deepEqual(keplr.calls, []);
  });

  it('a signal aborted before the backend, or another account than the one the person saw, refuses without a signature', async () => {
    const keplr = await testWallet('newcomer');
    const t = flowOf(keplr);
    const stop = new AbortController();
    stop.abort('The chain changed; nothing was signed.');
    assert.deepEqual(await t.flow.submit({ type: 'opt-in', validator: newcomer.operator, consumerId: '4' }, { signal: stop.signal }), {
      status: 'refused',
      code: 'changed',
      message: 'The chain changed; nothing was signed.',
    });
    const other = await t.flow.submit({ type: 'opt-in', validator: newcomer.operator, consumerId: '4' }, { signer: outsider.account });
    assert.equal(other.status === 'refused' && other.code, 'changed');
    assert.equal(t.sent.length, 0);
    assert.deepEqual(signCalls(keplr), []);
    assert.equal(await optedIn(t.client, '4', newcomer.operator), false);
  });
});

/**
 * A refusal that only the chain catches: the state changes after the flow's check passed and the
 * chain's simulation passed, while the wallet signs. The chain refuses at delivery; the flow reads
 * the state again and says the refusal in the check's words where the check now agrees, and in
 * the chain's own words where it does not.
 *
 * Chain 0 (Neutron, neutron-1) is Top-N 95%; after a reset its stored threshold is 335144 power
 * (worked out in test/shared/signing-suite.ts). The newcomer (258533 power, below it) volunteered
 * on chain 0 and now opts out. While the wallet signs, its stake rises to 400000 ATOM and a block
 * ends (the chain's last power becomes 400000); the transaction's block is the next one, height 3,
 * before the epoch end at 10, so the threshold stays 335144. The chain's log names neither the
 * chain's name nor its id (hence "This chain"); the check names both.
 */
describe('tx flow: a refusal the chain finds after the check passed', () => {
  const RAISED = 400_000_000_000n;
  const CHAIN_WORDS =
    'This chain is a Top-N chain and every validator with at least 335144 power must validate it; yours is 400000. ' +
    'You can opt out once your power falls below that threshold.';
  const LOCAL_WORDS =
    'Neutron (consumer 0, neutron-1) is a Top-N chain and every validator with at least 335144 power must validate it; yours is 400000. ' +
    'You can opt out once your power falls below that threshold.';

  /** The test wallet, running `whileSigning` when it is asked to sign (the check and the simulation have passed). */
  function changingWhileSigning(keplr: TestWallet, whileSigning: () => void): void {
    const sign = keplr.signDirect.bind(keplr);
    keplr.signDirect = (...args) => {
      whileSigning();
      return sign(...args);
    };
  }

  async function optOutOfNeutron(whileSigning: () => void) {
    devnet.optIn('0', newcomer.operator);
    const keplr = await testWallet('newcomer');
    changingWhileSigning(keplr, whileSigning);
    const t = flowOf(keplr);
    assert.deepEqual(await t.flow.check({ type: 'opt-out', validator: newcomer.operator, consumerId: '0' }), { ok: true }, 'the check passes before');
    const result = await t.flow.optOut({ validator: newcomer.operator, consumerId: '0' });
    assert.deepEqual(signCalls(keplr), ['signDirect'], 'signed: the check and the simulation had passed');
    assert.equal(devnet.height(), 3, 'delivered in the block after the raise, before the epoch end');
    assert.equal(await optedIn(t.client, '0', newcomer.operator), true, 'still opted in');
    assert.deepEqual(t.invalidated, []);
    return { result, answer: t.answers[0] };
  }

  it("the check, run again on the fresh state, refuses too: the person reads the check's words, naming the chain", async () => {
    const { result, answer } = await optOutOfNeutron(() => {
      devnet.setTokens(newcomer.operator, RAISED);
      devnet.advance(1);
    });
    assert.equal(result.status, 'failed', json(result));
    const { txHash, ...rest } = result as Extract<TxResult, { status: 'failed' }>;
    assert.match(txHash ?? '', /^[0-9A-F]{64}$/);
    assert.deepEqual(rest, { status: 'failed', code: 'top-n-opt-out', codespace: 'provider', abciCode: 20, message: LOCAL_WORDS });
    assert.equal((answer as { message: string }).message, CHAIN_WORDS, 'the chain itself said it without the name');
  });

  it("the check, run again, passes (the stake fell back in the refusing block): the person reads the chain's own words", async () => {
    const { result } = await optOutOfNeutron(() => {
      devnet.setTokens(newcomer.operator, RAISED);
      devnet.advance(1);
      // Back to its stake: the chain refuses on the last power (400000) of the block before,
      // then its end sets the power back to 258533, below the threshold again.
      devnet.setTokens(newcomer.operator, 258_533_000_000n);
    });
    assert.equal(result.status, 'failed', json(result));
    const { txHash, ...rest } = result as Extract<TxResult, { status: 'failed' }>;
    assert.match(txHash ?? '', /^[0-9A-F]{64}$/);
    assert.deepEqual(rest, { status: 'failed', code: 'top-n-opt-out', codespace: 'provider', abciCode: 20, message: CHAIN_WORDS });
  });
});

/** What the chain charged and what the cache sees after a transaction, read back from the chain. */
describe('tx flow: fees and cache, read back from the chain', () => {
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

  /** Opts the newcomer in to chain 4 through a flow polling every 20 ms; the transaction's hash once the chain confirms it. */
  async function confirmedOptIn(options: TxFlowOptions): Promise<string> {
    const result = await new TxFlow({ pollIntervalMs: 20, inclusionTimeoutMs: 10_000, ...options }).optIn({ validator: newcomer.operator, consumerId: '4' });
    assert.equal(result.status, 'confirmed', json(result));
    return (result as { txHash: string }).txHash;
  }

  it('the default gas price (0.005uatom) and margin (×1.4) are what the chain charges', async () => {
    const { keplr, wallet } = await operatorWallet();
    const gas = await simulatedGas(keplr, '4');
    const before = await balance();
    const client = new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl, chainId: devnet.chainId });
    const fee = await chargedFee(await confirmedOptIn({ client, wallet }));
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
      assert.ok(await stargate.getTx(await confirmedOptIn({ client, wallet })), 'included by the devnet');

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
    const fee = await chargedFee(await confirmedOptIn({ client, wallet, gasMultiplier: 2 }));
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

    await confirmedOptIn({ client, wallet });
    // The opt-in's reads were forgotten: read again, they show the newcomer on chain 4.
    const after = await client.optedInValidators('4');
    assert.equal(after.length, 21);
    chai.include(after, valcons);
    chai.include(await client.consumerChainsOfValidator(valcons), '4');
    // Unrelated reads are still served from the cache.
    assert.deepEqual(await client.consumerChains({ phase: 'launched' }), chains);
    chai.include(await client.optedInValidators('5'), valcons, "another chain's list: still cached");
    chai.isAbove(client.stats().cacheHits, before.cacheHits);
  });
});
