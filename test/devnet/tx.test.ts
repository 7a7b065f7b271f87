// The devnet's transactions, driven by cosmjs directly (no flow, no pre-check): the provider's
// codes at delivery, CheckTx refusals that change nothing, fee and sequence accounting, atomic
// multi-message txs, events, tx / tx_search, timed blocks, and the test keys' derivation.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import type { SignerData } from '@cosmjs/stargate';
import { AminoTypes, BroadcastTxError, SigningStargateClient, createDefaultAminoConverters } from '@cosmjs/stargate';
import { Secp256k1HdWallet, encodeSecp256k1Signature, makeCosmoshubPath, serializeSignDoc } from '@cosmjs/amino';
import type { OfflineAminoSigner, StdSignDoc } from '@cosmjs/amino';
import { Bip39, EnglishMnemonic, Secp256k1, Slip10, Slip10Curve, sha256 } from '@cosmjs/crypto';
import { goJson } from '../../devnet/tx/amino-json.js';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { DEFAULT_SCENARIO_PATH, startDevnet } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { TEST_OPERATORS, testOperator } from '../../devnet/test-keys.js';
import type { TestOperatorRole } from '../../devnet/test-keys.js';
import { createIcsRegistry } from '../../src/signing/registry.js';
import { createIcsAminoConverters } from '../../src/signing/amino.js';
import { describeChainError } from '../../src/signing/errors.js';
import type { IcsMessage } from '../../src/signing/message-types.js';
import { MSG_OPT_IN_TYPE_URL, MSG_OPT_OUT_TYPE_URL, MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL } from '../../src/signing/message-types.js';
import { prefixesFor } from '../../src/chain/bech32.js';
import { accountToValidator } from '../../src/staking/address.js';

const FEE = { amount: [{ denom: 'uatom', amount: '1000' }], gas: '200000' };
const msg = {
  optIn: (role: TestOperatorRole, consumerId: string, signer = testOperator(role).account): IcsMessage => ({
    typeUrl: MSG_OPT_IN_TYPE_URL,
    value: { chainId: '', providerAddr: testOperator(role).operator, consumerKey: '', signer, consumerId },
  }),
  optOut: (role: TestOperatorRole, consumerId: string): IcsMessage => ({
    typeUrl: MSG_OPT_OUT_TYPE_URL,
    value: { chainId: '', providerAddr: testOperator(role).operator, signer: testOperator(role).account, consumerId },
  }),
  rate: (role: TestOperatorRole, consumerId: string, rate: string): IcsMessage => ({
    typeUrl: MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
    value: { providerAddr: testOperator(role).operator, chainId: '', rate, signer: testOperator(role).account, consumerId },
  }),
};

describe('devnet transactions', () => {
  let devnet: Devnet;
  const signers = new Map<TestOperatorRole, { client: SigningStargateClient; address: string }>();
  const aminoSigners = new Map<TestOperatorRole, SigningStargateClient>();
  /** Each test operator's first account, derived here from its mnemonic (checked in the last test). */
  const derived = new Map<TestOperatorRole, string>();

  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0 });
    for (const { role, mnemonic } of TEST_OPERATORS) {
      // cosmjs's default path is the Cosmos Hub's m/44'/118'/0'/0/0.
      const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic);
      const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, wallet, { registry: createIcsRegistry(), broadcastPollIntervalMs: 50 });
      signers.set(role, { client, address: (await wallet.getAccounts())[0]!.address });
      derived.set(role, (await wallet.getAccounts())[0]!.address);
    }
    const amino = await Secp256k1HdWallet.fromMnemonic(testOperator('newcomer').mnemonic);
    aminoSigners.set(
      'newcomer',
      await SigningStargateClient.connectWithSigner(devnet.rpcUrl, amino, {
        registry: createIcsRegistry(),
        aminoTypes: new AminoTypes({ ...createDefaultAminoConverters(), ...createIcsAminoConverters() }),
        broadcastPollIntervalMs: 50,
      }),
    );
  });
  beforeEach(() => devnet.reset());
  after(async () => {
    for (const { client } of signers.values()) client.disconnect();
    for (const client of aminoSigners.values()) client.disconnect();
    await devnet.stop();
  });

  const account = (role: TestOperatorRole) => devnet.state().accounts.get(testOperator(role).account)!;
  const valcons = (role: TestOperatorRole) => devnet.state().validator(testOperator(role).operator)!.consensusAddress;

  /** Signs with a fixed fee (no simulation) and broadcasts; returns the CheckTx refusal or the delivered tx. */
  async function send(role: TestOperatorRole, messages: IcsMessage[], options: { fee?: typeof FEE; signerData?: SignerData } = {}) {
    const { client, address } = signers.get(role)!;
    const signed = await client.sign(address, messages, options.fee ?? FEE, '', options.signerData);
    const bytes = TxRaw.encode(signed).finish();
    try {
      const hash = await client.broadcastTxSync(bytes);
      const tx = await client.getTx(hash);
      assert.ok(tx, 'delivered at once in manual block mode');
      return { delivered: tx, refused: undefined, bytes };
    } catch (error) {
      assert.ok(error instanceof BroadcastTxError, String(error));
      return { delivered: undefined, refused: error, bytes };
    }
  }

  it('delivery: the provider refusals with their codespace, code and log; fee and sequence charged, nothing else', async () => {
    const before = { balance: account('top').balance, sequence: account('top').sequence };
    const { delivered } = await send('top', [msg.optOut('top', '0')]);
    assert.equal(delivered?.code, 20);
    const described = describeChainError({ codespace: 'provider', code: delivered.code, log: delivered.rawLog });
    assert.equal(described.code, 'top-n-opt-out');
    assert.match(
      delivered.rawLog,
      /validator with power \(\d+\) cannot opt out from Top N chain with consumer id \(0\) because all validators with at least \d+ power have to validate: cannot opt out from a Top N chain/,
    );
    assert.equal(account('top').balance, before.balance - 1000n, 'the fee is charged');
    assert.equal(account('top').sequence, before.sequence + 1n, 'the sequence is bumped');
    assert.ok(devnet.state().consumer('0')!.optedIn.has(valcons('top')), 'the opt-out did not happen');

    const cases: Array<[IcsMessage, string, number, string]> = [
      [msg.optOut('newcomer', '5'), 'provider', 27, 'wrong-phase'],
      [msg.optOut('newcomer', '999'), 'provider', 3, 'unknown-consumer'],
      [msg.optIn('newcomer', '7'), 'provider', 27, 'wrong-phase'],
      [msg.rate('newcomer', '4', '0.01'), 'staking', 40, 'commission-range'],
    ];
    for (const [message, codespace, code, words] of cases) {
      const { delivered: tx } = await send('newcomer', [message]);
      assert.deepEqual([tx?.code, describeChainError({ codespace, code: tx!.code, log: tx!.rawLog }).code], [code, words], tx?.rawLog);
    }
  });

  it('CheckTx refusals change nothing: wrong signer, sequence, chain id, account number, fee, funds', async () => {
    const newcomer = testOperator('newcomer');
    const before = { ...account('outsider') };
    const wrongSigner = await send('outsider', [msg.optIn('newcomer', '4', testOperator('outsider').account)]);
    assert.equal(wrongSigner.refused?.codespace, 'provider');
    assert.equal(wrongSigner.refused?.code, 49);
    assert.match(
      wrongSigner.refused!.log!,
      /ProviderAddr: ValAddress converted to AccAddress \(cosmos1gses\S+\) must match the signer address \(cosmos18a8\S+\): invalid address: invalid opt in message/,
    );
    assert.deepEqual({ ...account('outsider') }, before, 'nothing changed');

    const n = account('newcomer');
    const data = { accountNumber: n.accountNumber, sequence: Number(n.sequence), chainId: devnet.chainId };
    const refusals: Array<[Parameters<typeof send>[2], number, RegExp, string]> = [
      [
        { signerData: { ...data, sequence: data.sequence + 1 } },
        32,
        /account sequence mismatch, expected 0, got 1: incorrect account sequence/,
        'wrong-sequence',
      ],
      [
        { signerData: { ...data, chainId: 'cosmoshub-4' } },
        4,
        /signature verification failed; please verify account number \(\d+\) and chain-id \(provider-devnet-1\): unauthorized/,
        'unauthorized',
      ],
      [{ signerData: { ...data, accountNumber: data.accountNumber + 1n } }, 4, /signature verification failed/, 'unauthorized'],
      [
        { fee: { amount: [{ denom: 'uatom', amount: '1' }], gas: '200000' } },
        13,
        /insufficient fees; got: 1uatom required: 1000uatom: insufficient fee/,
        'insufficient-fee',
      ],
      [{ fee: { amount: [{ denom: 'uatom', amount: '5000000000' }], gas: '200000' } }, 5, /insufficient funds/, 'insufficient-funds'],
    ];
    for (const [options, code, log, words] of refusals) {
      const { refused } = await send('newcomer', [msg.optIn('newcomer', '4')], options);
      assert.equal(refused?.code, code, refused?.log);
      assert.equal(refused.codespace, 'sdk');
      assert.match(refused.log ?? '', log);
      assert.equal(describeChainError({ codespace: refused.codespace, code: refused.code, log: refused.log }).code, words);
    }
    assert.equal(account('newcomer').sequence, 0n);
    assert.equal(account('newcomer').balance, 1_000_000_000n);
    assert.ok(!devnet.state().consumer('4')!.optedIn.has(valcons('newcomer')));
    assert.equal(newcomer.operator, accountToValidator(newcomer.account, prefixesFor('cosmos')));
  });

  it('out of gas at delivery: code 11, fee and sequence charged, the message rolled back', async () => {
    const { delivered } = await send('newcomer', [msg.optIn('newcomer', '4')], { fee: { amount: [{ denom: 'uatom', amount: '1000' }], gas: '40000' } });
    assert.equal(delivered?.code, 11);
    assert.match(delivered.rawLog, /out of gas/);
    assert.equal(account('newcomer').sequence, 1n);
    assert.equal(account('newcomer').balance, 1_000_000_000n - 1000n);
    assert.ok(!devnet.state().consumer('4')!.optedIn.has(valcons('newcomer')));
  });

  it('a multi-message tx is all or nothing', async () => {
    const { delivered } = await send('newcomer', [msg.optIn('newcomer', '4'), msg.optOut('newcomer', '5')]);
    assert.equal(delivered?.code, 27);
    assert.ok(!devnet.state().consumer('4')!.optedIn.has(valcons('newcomer')), 'the first message was rolled back');
    const ok = await send('newcomer', [msg.optIn('newcomer', '4'), msg.rate('newcomer', '4', '0.2')]);
    assert.equal(ok.delivered?.code, 0);
    assert.ok(devnet.state().consumer('4')!.optedIn.has(valcons('newcomer')));
    assert.equal(devnet.state().consumer('4')!.commissions.get(valcons('newcomer')), '0.200000000000000000');
  });

  it('events, the public key on the account, tx by hash, tx_search, block txs, duplicate broadcast', async () => {
    const { client, address } = signers.get('newcomer')!;
    const { delivered, bytes } = await send('newcomer', [msg.optIn('newcomer', '4')]);
    assert.equal(delivered?.code, 0);
    const optIn = delivered.events.find((e) => e.type === 'opt_in');
    const attrs = Object.fromEntries(optIn!.attributes.map((a) => [a.key, a.value]));
    assert.deepEqual(
      { ...attrs },
      {
        module: 'provider',
        consumer_id: '4',
        consumer_chain_id: 'dungeon-1',
        provider_validator_address: testOperator('newcomer').operator,
        consumer_consensus_pub_key: '',
        submitter_address: address,
        msg_index: '0',
      },
    );
    assert.ok(delivered.events.some((e) => e.type === 'message' && e.attributes.some((a) => a.key === 'action' && a.value === MSG_OPT_IN_TYPE_URL)));
    assert.ok(delivered.events.some((e) => e.type === 'tx' && e.attributes.some((a) => a.key === 'acc_seq' && a.value === `${address}/0`)));
    assert.equal(delivered.msgResponses[0]?.typeUrl, `${MSG_OPT_IN_TYPE_URL}Response`);
    const onChain = await client.getAccount(address);
    assert.equal(onChain?.sequence, 1);
    assert.equal(onChain?.pubkey?.type, 'tendermint/PubKeySecp256k1');

    assert.equal((await client.searchTx(`message.sender='${address}'`)).length, 1);
    assert.equal((await client.searchTx(`tx.height=${delivered.height}`))[0]?.hash, delivered.hash);
    assert.equal((await client.searchTx(`opt_in.consumer_id='5'`)).length, 0);
    const block = await client.getBlock(delivered.height);
    assert.equal(block.txs.length, 1);
    await assert.rejects(client.broadcastTxSync(bytes), /tx already exists in cache/);
  });

  it('amino JSON signing (a Ledger) is verified and applied', async () => {
    const client = aminoSigners.get('newcomer')!;
    const result = await client.signAndBroadcast(testOperator('newcomer').account, [msg.rate('newcomer', '4', '0.3')], FEE);
    assert.equal(result.code, 0, result.rawLog);
    assert.equal(devnet.state().consumer('4')!.commissions.get(valcons('newcomer')), '0.300000000000000000');
  });

  it("amino JSON sign bytes escape as Go does: a signature over cosmjs's bytes (U+2028 raw) is refused, one over the chain's accepted", async () => {
    const op = testOperator('newcomer');
    const memo = 'line\u2028paragraph\u2029 <a&b>';
    const before = account('newcomer').sequence;
    // cosmjs's amino signer signs serializeSignDoc's bytes, which leave U+2028 and U+2029 raw.
    const cosmjs = aminoSigners.get('newcomer')!;
    const signed = await cosmjs.sign(op.account, [msg.rate('newcomer', '4', '0.3')], FEE, memo);
    await assert.rejects(cosmjs.broadcastTxSync(TxRaw.encode(signed).finish()), (error: unknown) => {
      assert.ok(error instanceof BroadcastTxError);
      assert.equal(error.code, 4);
      assert.match(error.log ?? '', /signature verification failed/);
      return true;
    });
    assert.equal(account('newcomer').sequence, before, 'CheckTx refused it: nothing changed');
    assert.equal(devnet.state().consumer('4')!.commissions.get(valcons('newcomer')), undefined);

    // The chain's bytes: cosmjs's text with U+2028 and U+2029 written as Go writes them.
    const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(op.mnemonic));
    const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, seed, makeCosmoshubPath(0));
    const pubkey = Secp256k1.compressPubkey((await Secp256k1.makeKeypair(privkey)).pubkey);
    const signedTexts: string[] = [];
    const goSigner: OfflineAminoSigner = {
      getAccounts: async () => [{ address: op.account, algo: 'secp256k1', pubkey }],
      signAmino: async (_address: string, doc: StdSignDoc) => {
        const text = new TextDecoder().decode(serializeSignDoc(doc)).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
        signedTexts.push(text);
        const signature = await Secp256k1.createSignature(sha256(new TextEncoder().encode(text)), privkey);
        return { signed: doc, signature: encodeSecp256k1Signature(pubkey, new Uint8Array([...signature.r(32), ...signature.s(32)])) };
      },
    };
    const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, goSigner, {
      registry: createIcsRegistry(),
      aminoTypes: new AminoTypes({ ...createDefaultAminoConverters(), ...createIcsAminoConverters() }),
      broadcastPollIntervalMs: 50,
    });
    try {
      const result = await client.signAndBroadcast(op.account, [msg.rate('newcomer', '4', '0.3')], FEE, memo);
      assert.equal(result.code, 0, result.rawLog);
    } finally {
      client.disconnect();
    }
    assert.match(signedTexts[0]!, /"memo":"line\\u2028paragraph\\u2029 \\u003ca\\u0026b\\u003e"/);
    assert.equal(devnet.state().consumer('4')!.commissions.get(valcons('newcomer')), '0.300000000000000000');
  });

  it("goJson writes what Go's json.Marshal writes: sorted keys, HTML and U+2028/U+2029 escapes, control characters", () => {
    const value = { b: '<a&b>\u2028\u2029"\\\n\t\b\f\u0001\u007f é 😀', a: [true, null, 7], c: { z: '', y: '\ud800' } };
    assert.equal(
      goJson(value),
      '{"a":[true,null,7],"b":"\\u003ca\\u0026b\\u003e\\u2028\\u2029\\"\\\\\\n\\t\\b\\f\\u0001\u007f é 😀","c":{"y":"\\ufffd","z":""}}',
    );
  });

  it('timed blocks: an accepted tx waits in the mempool for the next block', async () => {
    const timed = await startDevnet({ blockTimeMs: 150 });
    try {
      const wallet = await DirectSecp256k1HdWallet.fromMnemonic(testOperator('newcomer').mnemonic);
      const client = await SigningStargateClient.connectWithSigner(timed.rpcUrl, wallet, { registry: createIcsRegistry(), broadcastPollIntervalMs: 50 });
      const height = timed.height();
      const result = await client.signAndBroadcast(testOperator('newcomer').account, [msg.optIn('newcomer', '4')], FEE);
      assert.equal(result.code, 0);
      assert.ok(result.height > height);
      client.disconnect();
    } finally {
      await timed.stop();
    }
  });

  it("the test operators are derived from their mnemonics (m/44'/118'/0'/0/0) and placed in the default scenario", async () => {
    const scenario = JSON.parse(readFileSync(DEFAULT_SCENARIO_PATH, 'utf8')) as {
      validators: { overrides: Array<{ index: number; operatorAddress?: string }> };
      accounts: Array<{ address: string }>;
    };
    for (const op of TEST_OPERATORS) {
      const address = derived.get(op.role)!;
      assert.equal(address, op.account, op.role);
      assert.ok(
        scenario.accounts.some((a) => a.address === op.account),
        `${op.role} is funded`,
      );
      if (op.operator === '') continue;
      assert.equal(accountToValidator(address, prefixesFor('cosmos')), op.operator);
      assert.equal(scenario.validators.overrides.find((o) => o.index === op.index)?.operatorAddress, op.operator);
    }
    const state = devnet.state();
    const top = state.consumer('0')!;
    assert.ok(top.optedIn.has(valcons('top')) && state.validator(testOperator('top').operator)!.lastPower >= top.minPowerInTopN, 'top: in the Top-N set');
    assert.ok(
      state.consumers.every((c) => !c.optedIn.has(valcons('newcomer'))),
      'newcomer: opted in nowhere',
    );
    assert.equal(state.validator(testOperator('newcomer').operator)!.status, 'BOND_STATUS_BONDED');
    assert.ok(state.consumer('4')!.optedIn.has(state.validator(testOperator('opted').operator)!.consensusAddress), 'opted: in opt-in chain 4');
  });
});
