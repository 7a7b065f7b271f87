/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs): <ics-validator-settings> against
// the devnet. The consumer key and commission shown, changing each through confirm / sign /
// result, the refusals in words (key in use, own provider key, below the minimum commission),
// wallet states, a stopped chain, ICS absent, bad attributes, and axe in each state.
import { assert } from 'chai';
import '../../components/validator-settings/define.js';
import type { IcsValidatorSettings } from '../../components/validator-settings/define.js';
import { percentToDecimal } from '../../components/validator-settings/validator-settings.load.js';
import { ProviderClient } from '../../src/index.js';
import { resetSharedClients } from '../../components/shared/clients.js';
import { $, devnet, mount, shadowText } from './helpers.js';
import { noAxe, noAxeWhileLoading, untilStateSays } from './state-checks.js';
import {
  DEVNET,
  clickButton,
  connectWallet,
  freshPageEachTest,
  installWallet,
  keyJson,
  operator,
  press,
  recordTxEvents,
  sendKeys,
  typeInto,
  untilState,
  untilText,
} from './sign-flow.js';

function settings(consumerId: string, validator: string): IcsValidatorSettings {
  return mount<IcsValidatorSettings>(
    `<ics-validator-settings rest="${DEVNET.rest}" rpc="${DEVNET.rpc}" consumer-id="${consumerId}" validator="${validator}" explorer-tx="https://explorer.example/tx/{hash}"></ics-validator-settings>`,
  );
}

function freshKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

async function connected(role: 'newcomer' | 'opted', consumerId = '4'): Promise<IcsValidatorSettings> {
  await installWallet(role);
  const el = settings(consumerId, operator(role));
  await connectWallet(el, 'ready');
  return el;
}

describe('<ics-validator-settings>', function () {
  this.timeout(20_000);

  freshPageEachTest();

  it('converts a percentage to the decimal the message carries', () => {
    assert.equal(percentToDecimal('7.5'), '0.075');
    assert.equal(percentToDecimal('100'), '1');
    assert.equal(percentToDecimal('0'), '0');
    assert.equal(percentToDecimal('5,25'), '0.0525');
    assert.isUndefined(percentToDecimal('101'));
    assert.isUndefined(percentToDecimal('-1'));
    assert.isUndefined(percentToDecimal('abc'));
  });

  it('shows the provider key in use and the commission, without a wallet too, and passes axe while loading', async () => {
    const el = await noAxeWhileLoading(() => settings('4', operator('newcomer')), 'no-wallet');
    const text = shadowText(el);
    assert.include(text, 'Crypto Dungeon');
    assert.include(text, '#4');
    assert.include(text, 'dungeon-1');
    assert.include(text, 'Provider key in use');
    assert.match(text, /Commission on this chain \d+(\.\d+)?%/);
    assert.include(text, 'minimum 5%');
    assert.match(text, /No Cosmos wallet found/);
    await noAxe(el);
  });

  it('names the operator account when the wallet is on another one', async () => {
    await installWallet('outsider');
    const el = settings('4', operator('newcomer'));
    await untilState(el, 'connect');
    await noAxe(el);
    await press(el, /Connect/, 'wrong-account');
    assert.include(shadowText(el), "Only the validator's operator account (cosmos1gsesnectmuulzxmx3rwrjse0kah8wrtmwcfun5)");
    assert.notMatch(shadowText(el), /Change key/);
    await noAxe(el);
  });

  it('assigns a consumer key after a confirmation in words, then shows it', async () => {
    const events = recordTxEvents();
    const el = await connected('newcomer');
    await noAxe(el);
    await press(el, /Change key/, 'confirming');
    assert.isTrue($<HTMLButtonElement>(el, '.confirm button.primary')!.disabled, 'Confirm waits for a key');
    await typeInto(el, 'textarea', '{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"AAAA"}');
    assert.match(shadowText(el), /only "\/cosmos\.crypto\.ed25519\.PubKey" is accepted/);
    await noAxe(el);
    const key = keyJson(freshKey());
    await typeInto(el, 'textarea', key);
    for (const expected of ['MsgAssignConsumerKey', 'Crypto Dungeon', '#4', 'dungeon-1', key, operator('newcomer')]) assert.include(shadowText(el), expected);
    await press(el, /Confirm key/, 'confirmed', 15_000);
    assert.match(shadowText(el), /new key takes effect at the next epoch, in \d+ blocks?/);
    assert.lengthOf(events.confirmed, 1);
    await noAxe(el);
    clickButton(el, /Close/);
    await untilText(el, /Assigned: cosmosvalcons1/);
    events.stop();
  });

  it("refuses another validator's provider key and the own provider key, in words", async () => {
    const events = recordTxEvents();
    const client = new ProviderClient({ rest: DEVNET.rest });
    const [other, own] = await Promise.all([client.validator(operator('top')), client.validator(operator('newcomer'))]);
    const el = await connected('newcomer');
    for (const [key, words] of [
      [other.consensusPubkey.key, /already used/],
      [own.consensusPubkey.key, /This is your provider consensus key/],
    ] as const) {
      await press(el, /Change key/, 'confirming');
      await typeInto(el, 'textarea', keyJson(key));
      await press(el, /Confirm key/, 'failed', 15_000);
      assert.match(shadowText(el), words);
      await noAxe(el);
      await press(el, /Back/, 'ready');
    }
    assert.deepEqual(
      events.failed.map((e) => (e as Event & { detail: { code: string } }).detail.code),
      ['key-in-use', 'default-key'],
    );
    events.stop();
  });

  it('sets the commission, and refuses one below the minimum in words', async () => {
    const events = recordTxEvents();
    const el = await connected('opted');
    await press(el, /Change commission/, 'confirming');
    await typeInto(el, 'input', 'lots');
    assert.match(shadowText(el), /Write the rate in percent/);
    await typeInto(el, 'input', '2');
    assert.include(shadowText(el), '2% (0.02)');
    await press(el, /Confirm commission/, 'failed', 15_000);
    assert.include(shadowText(el), "The commission rate must be at least the provider's minimum commission rate, 0.05.");
    assert.equal((events.failed[0] as Event & { detail: { code: string } }).detail.code, 'commission-range');
    await press(el, /Back/, 'ready');
    await press(el, /Change commission/, 'confirming');
    await typeInto(el, 'input', '7.5');
    await press(el, /Confirm commission/, 'confirmed', 15_000);
    assert.match(shadowText(el), /Transaction [0-9A-F]{64}/);
    clickButton(el, /Close/);
    await untilText(el, /Commission on this chain 7\.5%/);
    events.stop();
  });

  it('changes the commission from the keyboard alone', async () => {
    const el = await connected('opted');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    // Change key, then Change commission.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'confirming');
    assert.equal(el.shadowRoot!.activeElement?.localName, 'input');
    await sendKeys({ type: '6' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'confirmed', 15_000);
    before.remove();
  });

  it('says when the phase allows nothing, when ICS is absent, and names bad attributes', async () => {
    await installWallet('newcomer');
    const stopped = settings('7', operator('newcomer'));
    await untilStateSays(stopped, 'wrong-phase', /This chain is stopped/);
    await noAxe(stopped);
    const bad = settings('x', operator('newcomer'));
    await untilStateSays(bad, 'invalid', /"consumer-id" is a whole number/);
    await noAxe(bad);
    resetSharedClients();
    await devnet.ics('absent');
    const absent = settings('4', operator('newcomer'));
    await untilState(absent, 'ics-absent');
    await noAxe(absent);
  });
});
