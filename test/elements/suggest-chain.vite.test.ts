/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs).
import { assert } from 'chai';
import '../../components/opt-in-button/define.js';
import '../../components/validator-settings/define.js';
import type { IcsOptInButton } from '../../components/opt-in-button/define.js';
import type { IcsValidatorSettings } from '../../components/validator-settings/define.js';
import { resetSharedClients } from '../../components/shared/clients.js';
import { TestWallet } from '../../src/signing/test-wallet.js';
import type { ChainInfo } from '../../src/signing/index.js';
import { testOperator } from '../../devnet/test-keys.js';
import type { TestOperatorRole } from '../../devnet/test-keys.js';
import { decodeAddress } from '../../src/index.js';
import { encodeAddress } from '../../src/chain/bech32.js';
import { devnetControl } from '../shared/devnet-control.js';
import { hostChainInfo } from '../shared/mantra-chain-info.js';
import { mount, shadowText, until } from './helpers.js';
import { noAxe } from './state-checks.js';
import { clickButton, press, removeWallet, typeInto, untilText } from './sign-flow.js';

const URLS = (window as unknown as { __ICS_DEVNET__: { mantraRest: string; mantraRpc: string } }).__ICS_DEVNET__;
const REST = URLS.mantraRest;
const RPC = URLS.mantraRpc;
const mantraDevnet = devnetControl(REST);
const valoper = (role: TestOperatorRole) => encodeAddress('mantravaloper', decodeAddress(testOperator(role).operator).bytes);

/** A wallet that knows no chain at all, as Keplr meets a provider it does not list. */
async function strictWallet(role: TestOperatorRole): Promise<TestWallet> {
  const wallet = await TestWallet.create({ accounts: [{ mnemonic: testOperator(role).mnemonic }], knownChains: [] });
  wallet.install(window as unknown as { keplr?: unknown });
  return wallet;
}

const signs = (wallet: TestWallet) => wallet.calls.filter((c) => c.startsWith('sign'));

function optIn(role: TestOperatorRole, extra = ''): IcsOptInButton {
  return mount<IcsOptInButton>(`<ics-opt-in-button rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${valoper(role)}" ${extra}></ics-opt-in-button>`);
}

/** Connect → the wallet does not know the chain → add-chain, with nothing suggested yet. */
async function untilAddChain(el: HTMLElement, wallet: TestWallet): Promise<void> {
  await until(el, 'connect');
  await press(el, /^Connect Keplr/, 'add-chain');
  assert.include(shadowText(el), 'Keplr does not know Mantra Devnet 1 yet');
  assert.notInclude(wallet.calls, 'experimentalSuggestChain', 'never suggested without a click');
}

describe('acting elements and a wallet that does not know the provider', function () {
  this.timeout(30_000);

  afterEach(async () => {
    document.querySelectorAll('ics-opt-in-button, ics-validator-settings').forEach((el) => el.parentElement?.remove());
    removeWallet();
    resetSharedClients();
    await mantraDevnet.reset();
  });

  it('the opt-in button: one click on "Add Mantra Devnet 1 to Keplr", approval, then a confirmed opt-in', async () => {
    const wallet = await strictWallet('newcomer');
    const el = optIn('newcomer');
    await untilAddChain(el, wallet);
    await noAxe(el);
    await press(el, /^Add Mantra Devnet 1 to Keplr$/, 'not-opted-in');
    assert.deepEqual(
      wallet.calls.filter((c) => c === 'experimentalSuggestChain'),
      ['experimentalSuggestChain'],
    );
    const suggested = wallet.suggestions[0] as ChainInfo;
    assert.equal(suggested.chainId, 'mantra-devnet-1');
    assert.equal(suggested.bech32Config.bech32PrefixAccAddr, 'mantra');
    assert.deepEqual(suggested.stakeCurrency, { coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6 });
    assert.equal(suggested.rpc, RPC);
    await press(el, /^Opt in$/, 'confirming');
    await press(el, /^Confirm/, 'confirmed', 15_000);
    assert.deepEqual(signs(wallet), ['signDirect']);
  });

  it('the validator settings: the same suggestion, then a confirmed commission change', async () => {
    const wallet = await strictWallet('opted');
    const el = mount<IcsValidatorSettings>(
      `<ics-validator-settings rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${valoper('opted')}"></ics-validator-settings>`,
    );
    await untilAddChain(el, wallet);
    await press(el, /^Add Mantra Devnet 1 to Keplr$/, 'ready');
    await press(el, /Change commission/, 'confirming');
    await typeInto(el, 'input', '7.5');
    await press(el, /Confirm commission/, 'confirmed', 15_000);
    assert.deepEqual(signs(wallet), ['signDirect']);
    clickButton(el, /Close/);
    await untilText(el, /Commission on this chain 7\.5%/);
  });

  it('a declined suggestion is a cancel: said in words, nothing added, nothing signed', async () => {
    const wallet = await strictWallet('newcomer');
    wallet.declineSuggestion = true;
    const el = optIn('newcomer');
    await untilAddChain(el, wallet);
    clickButton(el, /^Add Mantra Devnet 1 to Keplr$/);
    await untilText(el, /You declined adding Mantra Devnet 1 to Keplr: nothing was added and nothing was signed\./);
    assert.isTrue(el.matches(':state(add-chain)'));
    assert.isNull(el.shadowRoot!.querySelector('.error'), 'a cancel, not an error');
    assert.deepEqual(signs(wallet), []);
    assert.isFalse(wallet.knownChains.has('mantra-devnet-1'));
    await noAxe(el);
  });

  it('a host-provided chain info is suggested as given', async () => {
    const wallet = await strictWallet('newcomer');
    const host = hostChainInfo('MANTRA Devnet', RPC, REST);
    const el = optIn('newcomer');
    el.chainInfo = host;
    await until(el, 'connect');
    await press(el, /^Connect Keplr/, 'add-chain');
    await press(el, /^Add MANTRA Devnet to Keplr$/, 'not-opted-in');
    assert.deepEqual(wallet.suggestions, [host]);
  });

  it('the amino (Ledger) path after a suggestion', async () => {
    const wallet = await strictWallet('newcomer');
    wallet.isNanoLedger = true;
    const el = optIn('newcomer');
    await untilAddChain(el, wallet);
    await press(el, /^Add Mantra Devnet 1 to Keplr$/, 'not-opted-in');
    await press(el, /^Opt in$/, 'confirming');
    assert.match(shadowText(el), /Ledger account: it signs amino JSON/);
    await press(el, /^Confirm/, 'confirmed', 15_000);
    assert.deepEqual(signs(wallet), ['signAmino']);
  });
});
