/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs): the elements against a provider shaped
// like MANTRA (prefix mantra, denom uom, bank denom metadata OM / 6), configured with `rest` (and
// `rpc`) only; a page setting winning over what the chain says; a chain without denom metadata.
import { assert } from 'chai';
import { AuthInfo } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import '../../components/all.js';
import type { IcsOptInButton } from '../../components/opt-in-button/define.js';
import { resetSharedClients } from '../../components/shared/clients.js';
import { TestWallet } from '../../src/signing/test-wallet.js';
import { testOperator } from '../../devnet/test-keys.js';
import type { TestOperatorRole } from '../../devnet/test-keys.js';
import { ProviderClient, decodeAddress } from '../../src/index.js';
import { encodeAddress } from '../../src/chain/bech32.js';
import { devnetControl } from '../shared/devnet-control.js';
import { axeViolations, mount, shadowText, until } from './helpers.js';
import { clickButton, removeWallet, untilText } from './sign-flow.js';

const URLS = (window as unknown as { __ICS_DEVNET__: { mantraRest: string; mantraRpc: string; mantraBareRest: string } }).__ICS_DEVNET__;
const REST = URLS.mantraRest;
const RPC = URLS.mantraRpc;
const mantraDevnet = devnetControl(REST);

/** A devnet test operator's address with the mantra prefix (the same key bytes). */
function mantra(role: TestOperatorRole, kind: 'valoper' | 'account'): string {
  const { bytes } = decodeAddress(testOperator(role).operator || testOperator(role).account);
  return encodeAddress(kind === 'valoper' ? 'mantravaloper' : 'mantra', bytes);
}

const boxes: HTMLElement[] = [];
function place<T extends HTMLElement>(markup: string): T {
  const el = mount<T>(markup);
  boxes.push(el);
  return el;
}

describe('elements on a MANTRA-like provider, configured with rest only', function () {
  this.timeout(30_000);
  let valcons = '';
  let topValoper = '';

  before(async () => {
    const set = await new ProviderClient({ rest: REST }).consumerValidators('0');
    valcons = set[0]!.providerAddress;
    topValoper = set[0]!.operatorAddress;
  });

  afterEach(async () => {
    for (const el of boxes.splice(0)) el.parentElement?.remove();
    removeWallet();
    resetSharedClients();
    await mantraDevnet.reset();
  });

  it('the list shows amounts in OM and takes a mantravalcons1… validator', async () => {
    assert.match(valcons, /^mantravalcons1/);
    const el = place(`<ics-consumer-list rest="${REST}" phase="all" validator="${valcons}"></ics-consumer-list>`);
    await until(el, 'complete');
    const text = shadowText(el);
    assert.include(text, 'min stake 800,000 OM');
    assert.notInclude(text, 'ATOM');
    assert.deepEqual(await axeViolations(el), []);
  });

  it('the card shows the minimum stake in OM', async () => {
    const el = place(`<ics-consumer-card rest="${REST}" consumer-id="2"></ics-consumer-card>`);
    await until(el, 'complete');
    assert.include(shadowText(el), '800,000 OM');
    assert.notInclude(shadowText(el), 'ATOM');
  });

  it('the chart highlights a validator given as mantravalcons1… or mantravaloper1…', async () => {
    for (const validator of [valcons, topValoper]) {
      const el = place(`<ics-power-chart rest="${REST}" consumer-id="0" validator="${validator}"></ics-power-chart>`);
      await until(el, 'complete');
      assert.isNotNull(el.shadowRoot!.querySelector('.highlighted, .highlight-point'), `highlighted row for ${validator}`);
    }
  });

  it('the validator chains show the mantravaloper1… operator', async () => {
    const el = place(`<ics-validator-chains rest="${REST}" validator="${mantra('opted', 'valoper')}"></ics-validator-chains>`);
    await until(el, 'complete');
    assert.include(shadowText(el), mantra('opted', 'valoper'));
  });

  it('the validator settings take a mantravaloper1… validator', async () => {
    const el = place(`<ics-validator-settings rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${mantra('opted', 'valoper')}"></ics-validator-settings>`);
    await until(el, 'no-wallet');
    assert.notMatch(shadowText(el), /prefix/);
  });

  it('the opt-in button reaches a confirmed transaction with fees in uom, signed by the mantra1… account', async () => {
    const wallet = await TestWallet.create({ accounts: [{ mnemonic: testOperator('newcomer').mnemonic }], prefix: 'mantra', knownChains: ['mantra-devnet-1'] });
    const docs: SignDoc[] = [];
    const signDirect = wallet.signDirect.bind(wallet);
    wallet.signDirect = (chainId, signer, doc) => {
      docs.push(doc);
      return signDirect(chainId, signer, doc);
    };
    wallet.install(window as unknown as { keplr?: unknown });
    const el = place<IcsOptInButton>(
      `<ics-opt-in-button rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${mantra('newcomer', 'valoper')}"></ics-opt-in-button>`,
    );
    await until(el, 'connect');
    clickButton(el, /Connect/);
    await until(el, 'not-opted-in');
    clickButton(el, /^Opt in$/);
    await until(el, 'confirming');
    const panel = shadowText(el);
    assert.include(panel, mantra('newcomer', 'valoper'));
    assert.include(panel, mantra('newcomer', 'account'));
    assert.include(panel, '0.005uom');
    assert.notInclude(panel, 'uatom');
    clickButton(el, /^Confirm/);
    await until(el, 'confirmed', 15_000);
    assert.lengthOf(docs, 1);
    assert.equal(docs[0]!.chainId, 'mantra-devnet-1');
    const fee = AuthInfo.decode(docs[0]!.authInfoBytes).fee!;
    assert.lengthOf(fee.amount, 1);
    assert.equal(fee.amount[0]!.denom, 'uom');
    assert.isAbove(Number(fee.amount[0]!.amount), 0);
  });

  it('checks an address attribute for its checksum at once, and for its prefix once the chain is read', async () => {
    const broken = place(`<ics-validator-chains rest="${REST}" validator="mantravaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"></ics-validator-chains>`);
    await until(broken, 'invalid');
    assert.match(shadowText(broken), /not a valid bech32 address/);
    const foreign = place(`<ics-validator-chains rest="${REST}" validator="${testOperator('opted').operator}"></ics-validator-chains>`);
    await until(foreign, 'invalid');
    assert.match(shadowText(foreign), /has the prefix "cosmosvaloper"; this chain uses "mantravaloper"/);
  });

  it('a page setting wins over what the chain says: attributes, <ics-provider-chain> and meta tags', async () => {
    const card = place(`<ics-consumer-card rest="${REST}" consumer-id="2" display-denom="kOM" display-exponent="9"></ics-consumer-card>`);
    await until(card, 'complete');
    assert.include(shadowText(card), '800 kOM');
    const provider = place(
      `<ics-provider-chain rest="${REST}" chain-info='{"stakingDenom":"uom","displayDenom":"mOM","displayExponent":3}'><ics-consumer-card consumer-id="2"></ics-consumer-card></ics-provider-chain>`,
    );
    const inner = provider.querySelector('ics-consumer-card')!;
    await until(inner, 'complete');
    assert.include(shadowText(inner), '800,000,000 mOM');
    // A prefix the page gives wins too: then a mantravaloper1… address is foreign.
    const wrong = place(`<ics-validator-chains rest="${REST}" bech32-prefix="cosmos" validator="${mantra('opted', 'valoper')}"></ics-validator-chains>`);
    await until(wrong, 'invalid');
    assert.match(shadowText(wrong), /this chain uses "cosmosvaloper"/);
    const metas = ['rest', 'display-denom', 'display-exponent'].map((name) => {
      const meta = document.createElement('meta');
      meta.name = `ics-provider-${name}`;
      meta.content = name === 'rest' ? REST : name === 'display-denom' ? 'OMX' : '6';
      document.head.append(meta);
      return meta;
    });
    try {
      const fromMeta = place(`<ics-consumer-card consumer-id="2"></ics-consumer-card>`);
      await until(fromMeta, 'complete');
      assert.include(shadowText(fromMeta), '800,000 OMX');
    } finally {
      for (const meta of metas) meta.remove();
    }
  });

  it('a chain without denom metadata shows base units and says so', async () => {
    const el = place(`<ics-consumer-card rest="${URLS.mantraBareRest}" consumer-id="2"></ics-consumer-card>`);
    await until(el, 'complete');
    const text = shadowText(el);
    assert.include(text, '800,000,000,000 uom');
    assert.include(text, "Amounts are in uom, the chain's base unit: it publishes no display unit for it (no bank denom metadata).");
    assert.deepEqual(await axeViolations(el), []);
    const list = place(`<ics-consumer-list rest="${URLS.mantraBareRest}"></ics-consumer-list>`);
    await until(list, 'complete');
    await untilText(list, /publishes no display unit/);
  });
});
