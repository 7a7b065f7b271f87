// Wallets meet a provider they do not know: the Keplr chain info built from the chain itself
// (the MANTRA-like devnet over HTTP), its checks, the strict test wallet, and the suggestion
// through the core's TxFlow, with real signatures.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainInfo as KeplrChainInfo } from '@keplr-wallet/types';
import { startDevnet } from '../../../devnet/index.js';
import { testOperator } from '../../../devnet/test-keys.js';
import { ProviderClient, decodeAddress } from '../../../src/index.js';
import { encodeAddress } from '../../../src/chain/bech32.js';
import { TxFlow, buildChainInfo, checkChainInfo, extensionWallet, isUnknownChainError } from '../../../src/signing/index.js';
import type { ChainInfo } from '../../../src/signing/index.js';
import { TestWallet, keplrChainInfoProblem } from '../../../src/signing/test-wallet.js';
import { MANTRA_BECH32_CONFIG, hostChainInfo } from '../../shared/mantra-chain-info.js';

const devnet = await startDevnet({ blockTimeMs: 0, scenario: 'mantra-like' });
const valoper = (role: 'newcomer' | 'opted') => encodeAddress('mantravaloper', decodeAddress(testOperator(role).operator).bytes);
const client = () => new ProviderClient({ rest: devnet.restUrl, rpc: devnet.rpcUrl });
const strictWallet = () => TestWallet.create({ accounts: [{ mnemonic: testOperator('newcomer').mnemonic }], knownChains: [] });
const signs = (wallet: TestWallet) => wallet.calls.filter((c) => c.startsWith('sign'));

describe('chain info and chain suggestion', () => {
  after(() => devnet.stop());

  it('builds the Keplr chain info from the chain: chain id, prefixes, OM / uom / 6, coin type 118, gas price steps, endpoints', async () => {
    const info = await buildChainInfo(client());
    // The shape is Keplr's own (checked by the compiler against @keplr-wallet/types).
    const keplr: KeplrChainInfo = info;
    assert.equal(keplr.chainId, 'mantra-devnet-1');
    assert.equal(info.chainName, 'Mantra Devnet 1');
    assert.equal(info.rest, devnet.restUrl);
    assert.equal(info.rpc, devnet.rpcUrl);
    assert.deepEqual(info.bip44, { coinType: 118 });
    assert.deepEqual(info.bech32Config, MANTRA_BECH32_CONFIG);
    assert.deepEqual(info.stakeCurrency, { coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6 });
    assert.deepEqual(info.currencies, [info.stakeCurrency]);
    assert.deepEqual(info.feeCurrencies, [
      { coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6, gasPriceStep: { low: 0.005, average: 0.005, high: 0.01 } },
    ]);
    assert.deepEqual(checkChainInfo(info), { ok: true });
    assert.equal(keplrChainInfoProblem(info), undefined);
  });

  it('lets the host chain info win field by field', async () => {
    const info = await buildChainInfo(client(), { chainName: 'MANTRA devnet', bech32Config: { bech32PrefixAccPub: 'mantrapubkey' } });
    assert.equal(info.chainName, 'MANTRA devnet');
    assert.equal(info.bech32Config.bech32PrefixAccPub, 'mantrapubkey');
    assert.equal(info.bech32Config.bech32PrefixAccAddr, 'mantra');
    assert.equal(info.chainId, 'mantra-devnet-1');
  });

  it('refuses, in words, a chain info missing what Keplr requires; Keplr (the test wallet) refuses the same ones', async () => {
    const good = await buildChainInfo(client());
    const cases: Array<[string, Record<string, unknown>]> = [
      ['rpc', { ...good, rpc: '' }],
      ['chainName', { ...good, chainName: '' }],
      ['bech32Config.bech32PrefixValAddr', { ...good, bech32Config: { ...good.bech32Config, bech32PrefixValAddr: '' } }],
      ['feeCurrencies', { ...good, feeCurrencies: [] }],
      ['currencies[0].coinDecimals', { ...good, currencies: [{ ...good.currencies[0], coinDecimals: 6.5 }] }],
      ['bip44.coinType', { ...good, bip44: {} }],
    ];
    for (const [field, info] of cases) {
      const check = checkChainInfo(info);
      assert.equal(check.ok, false, field);
      assert.equal((check as { field: string }).field, field);
      assert.match((check as { message: string }).message, new RegExp(`"${field.replace(/[[\].]/g, '\\$&')}"`));
      assert.match(keplrChainInfoProblem(info) ?? '', new RegExp(`^"${field.replace(/[[\].]/g, '\\$&')}"`), `Keplr refuses ${field} too`);
    }
    // Without an RPC endpoint in the config, the built one is refused before any wallet is asked.
    const wallet = await strictWallet();
    const flow = new TxFlow({ client: new ProviderClient({ rest: devnet.restUrl }), wallet: extensionWallet('keplr', wallet, new EventTarget()) });
    const result = await flow.suggestChain();
    assert.equal(result.status, 'refused');
    assert.match((result as { message: string }).message, /"rpc" must be the http\(s\) URL/);
    assert.deepEqual(wallet.calls, []);
  });

  it("the strict test wallet refuses an unknown chain with Keplr's words until a suggestion is approved", async () => {
    const wallet = await strictWallet();
    const error = await wallet.enable('mantra-devnet-1').catch((e: unknown) => e);
    assert.equal((error as Error).message, 'There is no chain info for mantra-devnet-1');
    assert.ok(isUnknownChainError(error));
    await assert.rejects(wallet.experimentalSuggestChain({ chainId: 'mantra-devnet-1' }), /"chainName" is required/);
    await assert.rejects(wallet.enable('mantra-devnet-1'), /There is no chain info/);
    wallet.declineSuggestion = true;
    await assert.rejects(wallet.experimentalSuggestChain(await buildChainInfo(client())), /Request rejected/);
    await assert.rejects(wallet.enable('mantra-devnet-1'), /There is no chain info/);
    wallet.declineSuggestion = false;
    await wallet.experimentalSuggestChain(await buildChainInfo(client()));
    await wallet.enable('mantra-devnet-1');
    const key = await wallet.getKey('mantra-devnet-1');
    assert.equal(key.bech32Address, encodeAddress('mantra', decodeAddress(testOperator('newcomer').account).bytes));
  });

  it('TxFlow: unknown chain → refused with "unknown-chain", nothing signed; suggestChain → added; then a confirmed opt-in signed by mantra1…', async () => {
    const wallet = await strictWallet();
    const flow = new TxFlow({ client: client(), wallet: extensionWallet('keplr', wallet, new EventTarget()), pollIntervalMs: 20 });
    const first = await flow.optIn({ validator: valoper('newcomer'), consumerId: '4' });
    assert.equal(first.status, 'refused');
    assert.equal((first as { code: string }).code, 'unknown-chain');
    assert.match((first as { message: string }).message, /Keplr does not know Mantra Devnet 1 \(mantra-devnet-1\) yet/);
    assert.deepEqual(signs(wallet), []);
    const added = await flow.suggestChain();
    assert.equal(added.status, 'added');
    assert.equal((wallet.suggestions[0] as ChainInfo).chainId, 'mantra-devnet-1');
    const result = await flow.optIn({ validator: valoper('newcomer'), consumerId: '4' });
    assert.equal(result.status, 'confirmed', (result as { message?: string }).message);
    assert.deepEqual(signs(wallet), ['signDirect']);
  });

  it('TxFlow: a declined suggestion is a cancel, and nothing is signed', async () => {
    const wallet = await strictWallet();
    wallet.declineSuggestion = true;
    const flow = new TxFlow({ client: client(), wallet: extensionWallet('keplr', wallet, new EventTarget()), pollIntervalMs: 20 });
    assert.deepEqual(await flow.suggestChain(), { status: 'cancelled' });
    const again = await flow.optIn({ validator: valoper('newcomer'), consumerId: '4' });
    assert.equal((again as { code: string }).code, 'unknown-chain');
    assert.deepEqual(signs(wallet), []);
  });

  it('TxFlow: a host-provided chain info is suggested as given', async () => {
    const wallet = await strictWallet();
    const host = hostChainInfo('MANTRA Devnet (host)', devnet.rpcUrl, devnet.restUrl);
    const flow = new TxFlow({ client: client(), wallet: extensionWallet('keplr', wallet, new EventTarget()), chainInfo: host });
    assert.equal((await flow.suggestChain()).status, 'added');
    assert.deepEqual(wallet.suggestions, [host]);
  });
});
