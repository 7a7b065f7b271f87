import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Bip39, Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto';
import { makeSignDoc as makeAminoSignDoc, serializeSignDoc } from '@cosmjs/amino';
import { makeAuthInfoBytes, makeSignBytes, makeSignDoc } from '@cosmjs/proto-signing';
import type { OfflineSigner } from '@cosmjs/proto-signing';
import { detectWallet, detectWallets, hostWallet, isWalletRejection } from '../../../src/signing/wallet.js';
import type { WalletWindow } from '../../../src/signing/wallet.js';
import { KEPLR_REJECTION_MESSAGE, TestWallet } from '../../../src/signing/test-wallet.js';

// Deterministic test mnemonics from fixed entropy (test-only keys).
const MNEMONIC_A = Bip39.encode(new Uint8Array(16).fill(1)).toString();
const MNEMONIC_B = Bip39.encode(new Uint8Array(16).fill(2)).toString();
const CHAIN = 'provider';

/** A fake browser window: an EventTarget with the wallet globals. */
function fakeWindow(globals: Partial<WalletWindow> = {}): WalletWindow & EventTarget {
  return Object.assign(new EventTarget(), globals) as WalletWindow & EventTarget;
}

const g = globalThis as { window?: unknown; document?: unknown };
afterEach(() => {
  delete g.window;
  delete g.document;
});

describe('wallet detection', () => {
  it('finds Keplr, Leap and Cosmostation in that order, from the global window', async () => {
    const wallet = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    g.window = fakeWindow({ cosmostation: { providers: { keplr: wallet } }, leap: wallet, keplr: wallet });
    g.document = { readyState: 'complete' };
    assert.deepEqual(
      (await detectWallets()).map((w) => w.kind),
      ['keplr', 'leap', 'cosmostation'],
    );
    assert.equal((await detectWallet('leap'))?.label, 'Leap');
    g.window = fakeWindow({ leap: wallet });
    assert.equal((await detectWallet())?.kind, 'leap');
  });

  it('finds nothing outside a browser, or when no wallet is installed', async () => {
    assert.deepEqual(await detectWallets(), []);
    g.window = fakeWindow({ keplr: { notAWallet: true } as never });
    g.document = { readyState: 'complete' };
    assert.deepEqual(await detectWallets(), []);
  });

  it('waits for the load event before looking, as extensions inject late', async () => {
    const win = fakeWindow();
    const doc = { readyState: 'interactive' };
    let settled = false;
    const detection = detectWallets({ window: win, document: doc }).then((w) => {
      settled = true;
      return w;
    });
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(settled, false);
    win.keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    doc.readyState = 'complete';
    win.dispatchEvent(new Event('load'));
    assert.deepEqual(
      (await detection).map((w) => w.kind),
      ['keplr'],
    );
  });

  it('connects (enable + getKey) and follows account switches until unsubscribed', async () => {
    const win = fakeWindow();
    const keplr = await TestWallet.create({
      knownChains: [CHAIN],
      accounts: [{ mnemonic: MNEMONIC_A, name: 'alice' }, { mnemonic: MNEMONIC_B }],
      eventTarget: win,
    });
    win.keplr = keplr;
    const [wallet] = await detectWallets({ window: win, document: { readyState: 'complete' } });
    const first = await wallet!.connect(CHAIN);
    assert.equal(first.name, 'alice');
    assert.deepEqual(keplr.calls, ['enable', 'getKey']);
    let switches = 0;
    const unsubscribe = wallet!.onAccountChange(() => switches++);
    keplr.switchAccount(1);
    assert.equal(switches, 1);
    const second = await wallet!.connect(CHAIN);
    assert.notEqual(second.address, first.address);
    unsubscribe();
    keplr.switchAccount(0);
    assert.equal(switches, 1);
  });

  it('listens to each extension’s own keystore event', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    const win = fakeWindow({ keplr, leap: keplr, cosmostation: { providers: { keplr } } });
    const wallets = await detectWallets({ window: win, document: { readyState: 'complete' } });
    const seen: string[] = [];
    for (const w of wallets) w.onAccountChange(() => seen.push(w.kind));
    win.dispatchEvent(new Event('leap_keystorechange'));
    win.dispatchEvent(new Event('cosmostation_keystorechange'));
    win.dispatchEvent(new Event('keplr_keystorechange'));
    assert.deepEqual(seen, ['leap', 'cosmostation', 'keplr']);
  });

  it('signs direct normally, amino (experimental) for a Ledger account', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    const [wallet] = await detectWallets({ window: fakeWindow({ keplr }), document: { readyState: 'complete' } });
    await wallet!.connect(CHAIN);
    const direct = await wallet!.signer(CHAIN);
    assert.equal(direct.mode, 'direct');
    assert.ok('signDirect' in direct.signer);
    keplr.isNanoLedger = true;
    assert.equal((await wallet!.connect(CHAIN)).isLedger, true);
    const amino = await wallet!.signer(CHAIN);
    assert.deepEqual([amino.mode, amino.experimental], ['amino', true]);
    assert.ok(!('signDirect' in amino.signer));
    assert.ok(keplr.calls.includes('getOfflineSignerOnlyAmino'));
  });

  it('uses a host-provided signer without any connect flow of its own', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    await keplr.enable(CHAIN);
    const signer: OfflineSigner = keplr.getOfflineSigner(CHAIN);
    keplr.calls.length = 0;
    let hostListener: (() => void) | undefined;
    const wallet = hostWallet({
      signer,
      address: keplr.address,
      label: 'via cosmos-kit',
      onAccountChange: (l) => ((hostListener = l), () => (hostListener = undefined)),
    });
    assert.deepEqual(await wallet.connect(CHAIN), { address: keplr.address, name: '', isLedger: false });
    assert.equal((await wallet.signer(CHAIN)).mode, 'direct');
    assert.deepEqual(keplr.calls, []);
    let changed = 0;
    const off = wallet.onAccountChange(() => changed++);
    hostListener?.();
    off();
    assert.equal(changed, 1);
    assert.equal(hostListener, undefined);
    const ledger = hostWallet({ signer, address: keplr.address, isLedger: true });
    const s = await ledger.signer(CHAIN);
    assert.equal(s.mode, 'amino');
    assert.ok(!('signDirect' in s.signer));
  });

  it('recognises wallet rejections', () => {
    assert.equal(isWalletRejection(new Error('Request rejected')), true);
    assert.equal(isWalletRejection({ code: 4001, message: 'x' }), true);
    assert.equal(isWalletRejection(new Error('User denied the request')), true);
    assert.equal(isWalletRejection(new Error('socket hang up')), false);
    assert.equal(isWalletRejection('Request rejected'), false);
  });
});

describe('test wallet (real keys)', () => {
  it('signs a real direct SignDoc whose signature verifies', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    await keplr.enable(CHAIN);
    const key = await keplr.getKey(CHAIN);
    assert.equal(key.address.length, 20);
    const authInfo = makeAuthInfoBytes(
      [{ pubkey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: key.pubKey }, sequence: 3 }],
      [{ denom: 'uatom', amount: '1000' }],
      200000,
      undefined,
      undefined,
    );
    const doc = makeSignDoc(Uint8Array.from([0x0a, 0x00]), authInfo, CHAIN, 7);
    const { signature, signed } = await keplr.signDirect(CHAIN, key.bech32Address, doc);
    const sig = Secp256k1Signature.fromFixedLength(Buffer.from(signature.signature, 'base64'));
    assert.ok(await Secp256k1.verifySignature(sig, sha256(makeSignBytes(signed)), key.pubKey));
    // A different chain id in the doc does not verify against the same signature.
    assert.ok(!(await Secp256k1.verifySignature(sig, sha256(makeSignBytes({ ...signed, chainId: 'other' })), key.pubKey)));
  });

  it('signs amino JSON that verifies, and refuses direct while pretending to be a Ledger', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    await keplr.enable(CHAIN);
    const key = await keplr.getKey(CHAIN);
    const doc = makeAminoSignDoc(
      [{ type: '/interchain_security.ccv.provider.v1.MsgOptOut', value: { consumer_id: '1' } }],
      { amount: [], gas: '200000' },
      CHAIN,
      '',
      7,
      3,
    );
    const signer = keplr.getOfflineSignerOnlyAmino(CHAIN);
    const { signature } = await signer.signAmino(key.bech32Address, doc);
    const sig = Secp256k1Signature.fromFixedLength(Buffer.from(signature.signature, 'base64'));
    assert.ok(await Secp256k1.verifySignature(sig, sha256(serializeSignDoc(doc)), key.pubKey));
    keplr.isNanoLedger = true;
    assert.ok(!('signDirect' in (await keplr.getOfflineSignerAuto(CHAIN))));
    await assert.rejects(keplr.signDirect(CHAIN, key.bech32Address, makeSignDoc(new Uint8Array(), new Uint8Array(), CHAIN, 7)), /Ledger/);
  });

  it('reject makes it throw Keplr’s rejection, which the wallet layer calls a cancel', async () => {
    const keplr = await TestWallet.create({ knownChains: [CHAIN], accounts: [{ mnemonic: MNEMONIC_A }] });
    await keplr.enable(CHAIN);
    keplr.reject = true;
    const doc = makeAminoSignDoc([], { amount: [], gas: '1' }, CHAIN, '', 0, 0);
    const error = await keplr
      .getOfflineSigner(CHAIN)
      .signAmino(keplr.address, doc)
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.equal(error.message, KEPLR_REJECTION_MESSAGE);
    assert.ok(isWalletRejection(error));
    keplr.rejectConnect = true;
    await assert.rejects(keplr.enable(CHAIN), /Request rejected/);
  });

  it('refuses chains not enabled and signers that are not the current account', async () => {
    const keplr = await TestWallet.create({
      knownChains: [CHAIN],
      accounts: [{ mnemonic: MNEMONIC_A }, { mnemonic: MNEMONIC_B }],
      eventTarget: new EventTarget(),
    });
    await assert.rejects(keplr.getKey(CHAIN), /not enabled/);
    await keplr.enable([CHAIN]);
    const first = keplr.address;
    keplr.switchAccount(1);
    const doc = makeAminoSignDoc([], { amount: [], gas: '1' }, CHAIN, '', 0, 0);
    await assert.rejects(keplr.signAmino(CHAIN, first, doc), /does not match/);
  });
});
