/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs): <ics-opt-in-button> against the
// devnet's REST and RPC, signing with the test wallet. Every state, every refusal in words, the
// double click (one signature), the wallet declining, an account switch, a host-provided signer,
// the keyboard alone, and axe in each state.
import { assert } from 'chai';
import '../../components/opt-in-button/define.js';
import type { IcsOptInButton } from '../../components/opt-in-button/define.js';
import { hostWallet } from '../../src/signing/index.js';
import type { TestWallet } from '../../src/signing/test-wallet.js';
import { ProviderClient } from '../../src/index.js';
import { resetSharedClients } from '../../components/shared/clients.js';
import { $, devnet, mount, shadowText } from './helpers.js';
import { noAxe, noAxeWhileLoading, saysIcsAbsent, untilStateSays } from './state-checks.js';
import {
  CHAIN_ID,
  DEVNET,
  clickButton,
  freshPageEachTest,
  installWallet,
  keyJson,
  openOptIn,
  operator,
  press,
  recordTxEvents,
  removeWallet,
  sendKeys,
  typeInto,
  untilState,
} from './sign-flow.js';

const EXPLORER = 'https://explorer.example/tx/{hash}';

function button(consumerId: string, validator: string, extra = ''): IcsOptInButton {
  return mount<IcsOptInButton>(
    `<ics-opt-in-button rest="${DEVNET.rest}" rpc="${DEVNET.rpc}" consumer-id="${consumerId}" validator="${validator}" explorer-tx="${EXPLORER}" ${extra}></ics-opt-in-button>`,
  );
}

/**
 * The newcomer's wallet (as `setUp` adjusts it), the `ics-tx-*` events recorded, and a button for
 * chain 4 connected, with its opt-in panel open.
 */
async function newcomerPanelOpen(setUp: (wallet: TestWallet) => void) {
  const wallet = await installWallet('newcomer');
  setUp(wallet);
  const events = recordTxEvents();
  const el = button('4', operator('newcomer'));
  await openOptIn(el);
  return { wallet, events, el };
}

describe('<ics-opt-in-button>', function () {
  this.timeout(20_000);

  freshPageEachTest();

  it('without a wallet says how to get one, and passes axe while loading and after', async () => {
    const el = await noAxeWhileLoading(() => button('4', operator('newcomer')), 'no-wallet');
    assert.match(shadowText(el), /No Cosmos wallet found/);
    assert.match(shadowText(el), /Not opted in/);
    assert.isNotNull($(el, 'a[href="https://www.keplr.app/"]'));
    await noAxe(el);
  });

  it('without an RPC endpoint says so and what to set, before any wallet step or Confirm', async () => {
    await installWallet('newcomer');
    const el = mount<IcsOptInButton>(`<ics-opt-in-button rest="${DEVNET.rest}" consumer-id="4" validator="${operator('newcomer')}"></ics-opt-in-button>`);
    await untilState(el, 'no-rpc');
    assert.match(shadowText(el), /Not opted in/);
    assert.match(shadowText(el), /nothing can be sent: no RPC endpoint is set\. Add rpc/);
    assert.isNull($(el, '[part~="action-button"]'));
    assert.isNull($(el, '[part~="connect-button"]'));
    await noAxe(el);
  });

  it('connects, opts in after a confirmation in words, signs once for a double click, and counts down to the epoch', async () => {
    const wallet = await installWallet('newcomer');
    const events = recordTxEvents();
    const el = button('4', operator('newcomer'));
    await untilState(el, 'connect');
    await noAxe(el);
    await press(el, /Connect Keplr/, 'not-opted-in');
    await noAxe(el);
    await press(el, /^Opt in$/, 'confirming');
    const panel = shadowText(el);
    for (const expected of [
      'Opt in (MsgOptIn)',
      'Crypto Dungeon',
      '#4',
      'dungeon-1',
      operator('newcomer'),
      'the operator account',
      'None: the chain uses your provider consensus key',
      '0.005uatom',
    ]) {
      assert.include(panel, expected);
    }
    assert.isEmpty(
      wallet.calls.filter((c) => c.startsWith('sign')),
      'nothing signed before Confirm',
    );
    await noAxe(el);
    // A bad key is named, and Confirm waits for a good one (or none).
    await typeInto(el, 'textarea', 'Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is=');
    assert.match(shadowText(el), /only the base64 key, not the JSON around it/);
    assert.isTrue($<HTMLButtonElement>(el, 'button.primary')!.disabled);
    await noAxe(el);
    await typeInto(el, 'textarea', '');
    const confirm = $<HTMLButtonElement>(el, '.confirm button.primary')!;
    confirm.click();
    confirm.click();
    await el.updateComplete;
    assert.isTrue(el.matches(':state(pending)'));
    assert.isTrue([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.disabled || !/Opt|Confirm/.test(b.textContent ?? '')));
    await noAxe(el);
    await untilState(el, 'confirmed', 15_000);
    assert.lengthOf(
      wallet.calls.filter((c) => c === 'signDirect'),
      1,
      `one signature: ${wallet.calls.join(', ')}`,
    );
    assert.lengthOf(events.signed, 1);
    assert.lengthOf(events.confirmed, 1);
    const detail = (events.confirmed[0] as Event & { detail: { hash: string; code: number; action: string } }).detail;
    assert.match(detail.hash, /^[0-9A-F]{64}$/);
    assert.equal(detail.code, 0);
    assert.equal(detail.action, 'opt-in');
    const signed = (events.signed[0] as Event & { detail: { hash: string | undefined } }).detail;
    assert.equal(signed.hash, detail.hash, 'ics-tx-signed already carries the hash of the signed bytes');
    const link = $<HTMLAnchorElement>(el, '.result a')!;
    assert.equal(link.href, `https://explorer.example/tx/${detail.hash}`);
    assert.match(shadowText(el), /takes effect at the next epoch, in \d+ blocks?/);
    await noAxe(el);
    await press(el, /Close/, 'next-epoch');
    assert.match(shadowText(el), /join its validator set at the next epoch, in \d+ blocks?/);
    await noAxe(el);
    // Removed while it waits, it stops following the countdown, also when an update lands after
    // (a reload in flight); put back, it follows it again (its wallet check updates it).
    const pollTimer = () => (el as unknown as { epochTimer: unknown }).epochTimer;
    assert.isDefined(pollTimer());
    const box = el.parentElement!;
    el.remove();
    el.requestUpdate();
    await el.updateComplete;
    assert.isUndefined(pollTimer());
    box.append(el);
    await untilState(el, 'next-epoch');
    assert.isDefined(pollTimer());
    await devnet.advanceToEpochEnd();
    el.retry();
    await untilState(el, 'active');
    assert.match(shadowText(el), /You validate Crypto Dungeon/);
    await noAxe(el);
    events.stop();
  });

  it('says it is updating, not the standing read before, from the confirmation until the new read', async () => {
    await installWallet('newcomer');
    const el = button('4', operator('newcomer'));
    await openOptIn(el);
    // What is on screen (innerText leaves out what is hidden), and whether the element says it is busy.
    const shown = () => $(el, '[part="base"]')!.innerText;
    const busy = () => $(el, '[part="base"]')!.getAttribute('aria-busy');
    // The read after the transaction is slow: the standing read before it ("Not opted in") must
    // not stand beside "Done", nor offer Opt in again once the result is closed.
    await devnet.faults({ latencyMs: 2000, pathPrefix: '/interchain_security/ccv/provider/blocks_until_next_epoch' });
    await press(el, /Confirm opt-in/, 'confirmed', 15_000);
    assert.match(shown(), /Done\./);
    assert.match(shown(), /Updating/);
    assert.notMatch(shown(), /Not opted in/);
    assert.equal(busy(), 'true');
    await noAxe(el);
    await press(el, /Close/, 'loading');
    assert.match(shown(), /Updating/);
    assert.notMatch(shown(), /Not opted in/);
    assert.notMatch(shown(), /\bOpt in\b/, 'no Opt in button on screen');
    await untilState(el, 'next-epoch');
    assert.match(shown(), /Opted in: active from next epoch/);
    assert.notMatch(shown(), /Updating/);
    assert.equal(busy(), 'false');
  });

  it('names the operator account when the wallet is on another one, and follows an account switch', async () => {
    const wallet = await installWallet('outsider', 'newcomer');
    const el = button('4', operator('newcomer'));
    await untilState(el, 'connect');
    await press(el, /Connect/, 'wrong-account');
    const text = shadowText(el);
    assert.include(text, "Only the validator's operator account (cosmos1gsesnectmuulzxmx3rwrjse0kah8wrtmwcfun5) can sign this");
    assert.include(text, 'cosmos18a8syh0jmumphjrctec7482hgc763lhxxwvt8n');
    assert.isNull([...el.shadowRoot!.querySelectorAll('button')].find((b) => /Opt in/.test(b.textContent ?? '')) ?? null);
    await noAxe(el);
    wallet.switchAccount(1);
    await untilState(el, 'not-opted-in');
    wallet.switchAccount(0);
    await untilState(el, 'wrong-account');
  });

  it('returns to the start quietly when the wallet declines', async () => {
    const { wallet, events, el } = await newcomerPanelOpen((w) => (w.reject = true));
    await press(el, /Confirm opt-in/, 'not-opted-in', 15_000);
    assert.lengthOf(events.failed, 0);
    assert.notMatch(shadowText(el), /rejected|failed/i);
    assert.include(wallet.calls, 'signDirect');
    events.stop();
  });

  it("refuses a key that is another validator's provider key, and the own provider key, in words", async () => {
    await installWallet('newcomer');
    const events = recordTxEvents();
    const client = new ProviderClient({ rest: DEVNET.rest });
    const [other, own] = await Promise.all([client.validator(operator('top')), client.validator(operator('newcomer'))]);
    const el = button('4', operator('newcomer'));
    await untilState(el, 'connect');
    clickButton(el, /Connect/);
    for (const [key, words, code] of [
      [other.consensusPubkey.key, /already used/, 'key-in-use'],
      [own.consensusPubkey.key, /This is your provider consensus key/, 'default-key'],
    ] as const) {
      await untilState(el, 'not-opted-in');
      await press(el, /^Opt in$/, 'confirming');
      await typeInto(el, 'textarea', keyJson(key));
      await press(el, /Confirm opt-in/, 'failed', 15_000);
      assert.match(shadowText(el), words);
      assert.equal((events.failed.at(-1) as Event & { detail: { code: string } }).detail.code, code);
      await noAxe(el);
      clickButton(el, /Back/);
    }
    events.stop();
  });

  it('opts out of an opt-in chain, then shows the opt-out pending until the epoch ends', async () => {
    await installWallet('opted');
    const el = button('4', operator('opted'));
    await untilState(el, 'connect');
    await press(el, /Connect/, 'active');
    await noAxe(el);
    await press(el, /^Opt out$/, 'confirming');
    assert.include(shadowText(el), 'Opt out (MsgOptOut)');
    assert.isNull($(el, 'textarea'), 'no key field for an opt-out');
    await press(el, /Confirm opt-out/, 'confirmed', 15_000);
    await press(el, /Close/, 'opt-out-pending');
    assert.match(shadowText(el), /stay in its set until the next epoch, in \d+ blocks?/);
    assert.isOk([...el.shadowRoot!.querySelectorAll('button')].find((b) => /Opt in again/.test(b.textContent ?? '')));
    await noAxe(el);
  });

  it('explains that a Top-N validator must validate and may not opt out', async () => {
    await installWallet('top');
    const el = button('0', operator('top'));
    await untilState(el, 'must-validate');
    assert.match(shadowText(el), /Top-N 95% chain and your power \(\d+\) is at least its threshold \(\d+\)/);
    assert.match(shadowText(el), /Opting out is not allowed/);
    assert.isNull($(el, 'button'));
    await noAxe(el);
  });

  it('says when the phase allows nothing, and when the provider has no ICS', async () => {
    await installWallet('newcomer');
    const stopped = button('7', operator('newcomer'));
    await untilStateSays(stopped, 'wrong-phase', /Pion \(Neutron testnet\) \(consumer 7, pion-1\) is stopped/);
    await noAxe(stopped);
    // A new client: the first one's cached detection says ICS is there.
    resetSharedClients();
    await saysIcsAbsent(() => button('4', operator('newcomer')));
  });

  it('names a bad consumer id and an account address given as the validator', async () => {
    const el = button('four', operator('newcomer'));
    await untilState(el, 'invalid');
    assert.match(shadowText(el), /"consumer-id" is a whole number/);
    el.consumerId = '4';
    el.validator = 'cosmos1gsesnectmuulzxmx3rwrjse0kah8wrtmwcfun5';
    await untilState(el, 'invalid');
    assert.match(shadowText(el), /is not an operator address/);
    await noAxe(el);
  });

  it("signs with the host page's signer (no detection, no connect step)", async () => {
    const keplr = await installWallet('newcomer');
    removeWallet();
    await keplr.enable(CHAIN_ID);
    const el = button('4', operator('newcomer'));
    el.wallet = hostWallet({ signer: keplr.getOfflineSigner(CHAIN_ID), address: keplr.address, label: 'Host app wallet' });
    await untilState(el, 'not-opted-in');
    await press(el, /^Opt in$/, 'confirming');
    assert.include(shadowText(el), 'Host app wallet shows the exact amount');
    await press(el, /Confirm opt-in/, 'confirmed', 15_000);
    assert.lengthOf(
      keplr.calls.filter((c) => c === 'signDirect'),
      1,
    );
  });

  it('works from the keyboard alone', async () => {
    const wallet = await installWallet('newcomer');
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const el = button('4', operator('newcomer'));
    await untilState(el, 'connect');
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'not-opted-in');
    // The Connect button is gone; focus moved on to Opt in.
    assert.equal(el.shadowRoot!.activeElement?.textContent?.trim(), 'Opt in');
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'confirming');
    // Focus lands in the key field; the key is optional, so tab on to Confirm.
    assert.equal(el.shadowRoot!.activeElement?.localName, 'textarea');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'confirmed', 15_000);
    assert.lengthOf(
      wallet.calls.filter((c) => c === 'signDirect'),
      1,
    );
    // Focus stays in the element, on the result's first control (the explorer link), then Close.
    assert.equal(el.shadowRoot!.activeElement?.localName, 'a');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'next-epoch');
    assert.equal(document.activeElement, el);
    before.remove();
  });

  /**
   * From the keyboard, with the read after the transaction slow: Close leaves no control while the
   * body is hidden under "Updating", so focus falls to the page. `movesOn` focuses a control of the
   * page meanwhile, as a person tabbing on would. Returns the element and the page's control.
   */
  async function closeByKeyboardWhileUpdating(movesOn: boolean) {
    await installWallet('newcomer');
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'elsewhere';
    document.body.prepend(elsewhere);
    const el = button('4', operator('newcomer'));
    await openOptIn(el);
    const confirm = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /Confirm opt-in/.test(b.textContent ?? ''))!;
    confirm.focus();
    await devnet.faults({ latencyMs: 2000, pathPrefix: '/interchain_security/ccv/provider/blocks_until_next_epoch' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'confirmed', 15_000);
    assert.equal(el.shadowRoot!.activeElement?.localName, 'a', 'focus on the explorer link of the result');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'loading');
    assert.match($(el, '[part="base"]')!.innerText, /Updating/);
    assert.isTrue(document.activeElement === document.body, 'nothing in the element to hold focus while it updates');
    if (movesOn) elsewhere.focus();
    await untilState(el, 'next-epoch');
    return { el, elsewhere };
  }

  it('gives focus back to the element once the read after a transaction brings its controls back', async () => {
    const { el, elsewhere } = await closeByKeyboardWhileUpdating(false);
    assert.isTrue(document.activeElement === el, `focus is in the element, not on ${document.activeElement?.localName}`);
    assert.isNotNull(el.shadowRoot!.activeElement);
    elsewhere.remove();
  });

  it('leaves focus where the person moved it while the element was updating', async () => {
    const { el, elsewhere } = await closeByKeyboardWhileUpdating(true);
    await el.updateComplete;
    assert.isTrue(document.activeElement === elsewhere, `focus stays on the page's button, not on ${document.activeElement?.localName}`);
    elsewhere.remove();
  });

  it('signs amino for a Ledger account, and says that this is experimental', async () => {
    const { wallet, events, el } = await newcomerPanelOpen((w) => (w.isNanoLedger = true));
    assert.match(shadowText(el), /Ledger account: it signs amino JSON, which is experimental/);
    await noAxe(el);
    await press(el, /Confirm opt-in/, 'confirmed', 15_000);
    assert.deepEqual(
      wallet.calls.filter((c) => c.startsWith('sign')),
      ['signAmino'],
    );
    assert.equal((events.signed[0] as Event & { detail: { mode: string } }).detail.mode, 'amino');
    events.stop();
  });
});
