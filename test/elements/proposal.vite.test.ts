/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs). What is signed is frozen when the person
// opens the confirmation panel: every change of the element's subject while the panel is open, or
// after Confirm (before the signature, and while the wallet is open), closes it with a worded
// notice, and the wallet signs nothing but the frozen proposal. Signatures are counted by
// wrapping the test wallet's signing methods and decoding what they were given.
import { assert } from 'chai';
import { TxBody } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import '../../components/opt-in-button/define.js';
import '../../components/validator-settings/define.js';
import type { IcsOptInButton } from '../../components/opt-in-button/define.js';
import type { IcsValidatorSettings } from '../../components/validator-settings/define.js';
import { hostWallet } from '../../src/signing/index.js';
import { ICS_MESSAGE_CODECS, isIcsTypeUrl } from '../../src/signing/messages.js';
import type { TestWallet } from '../../src/signing/test-wallet.js';
import { ProviderClient } from '../../src/index.js';
import { $, devnet, mount, shadowText } from './helpers.js';
import { LONG_CHAIN_ID, LONG_MONIKER, LONG_NAME, LONG_NAME_SHOWN, overflowingIn, rewriteAnswers } from './hostile.js';
import { noAxe } from './state-checks.js';
import {
  CHAIN_ID,
  DEVNET,
  clickButton,
  connectWallet,
  freshPageEachTest,
  installWallet,
  openOptIn,
  operator,
  press,
  recordTxEvents,
  typeInto,
  untilState,
  untilText,
} from './sign-flow.js';

type Acting = IcsOptInButton | IcsValidatorSettings;

/** Every signature the wallet gave, as "type:consumer id:operator", decoded from the sign doc. */
function countSignatures(wallet: TestWallet, gate?: () => Promise<void>): string[] {
  const signed: string[] = [];
  const direct = wallet.signDirect.bind(wallet);
  wallet.signDirect = async (chainId: string, signer: string, doc: SignDoc) => {
    for (const m of TxBody.decode(doc.bodyBytes).messages) {
      if (!isIcsTypeUrl(m.typeUrl)) throw new Error(`unexpected ${m.typeUrl}`);
      const value = ICS_MESSAGE_CODECS[m.typeUrl].decode(m.value) as { consumerId: string; providerAddr: string };
      signed.push(`${m.typeUrl.slice(m.typeUrl.lastIndexOf('.') + 1)}:${value.consumerId}:${value.providerAddr}`);
    }
    await gate?.();
    return direct(chainId, signer, doc);
  };
  return signed;
}

/** The acting element's own live region (the transaction's). */
function txLive(el: Element): string {
  const regions = [...el.shadowRoot!.querySelectorAll('[aria-live="polite"]')];
  return (regions.at(-1)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function optIn(consumerId: string, validator: string): IcsOptInButton {
  return mount<IcsOptInButton>(
    `<ics-opt-in-button rest="${DEVNET.rest}" rpc="${DEVNET.rpc}" consumer-id="${consumerId}" validator="${validator}"></ics-opt-in-button>`,
  );
}

function settings(consumerId: string, validator: string): IcsValidatorSettings {
  return mount<IcsValidatorSettings>(
    `<ics-validator-settings rest="${DEVNET.rest}" rpc="${DEVNET.rpc}" consumer-id="${consumerId}" validator="${validator}"></ics-validator-settings>`,
  );
}

/** The panel is gone, the notice says why, on screen and in the live region, and nothing was signed. */
async function closedWithNotice(el: Acting, words: RegExp, signed: string[]): Promise<void> {
  await untilText(el, words);
  assert.isFalse(el.matches(':state(confirming)'), 'the panel closed');
  assert.isNull($(el, '.confirm'));
  assert.match($(el, '[part="notice"]')?.textContent ?? '', words);
  assert.match(txLive(el), words);
  assert.deepEqual(signed, [], 'nothing signed');
}

const newcomer = () => operator('newcomer');
const optedInOn = async (consumerId: string, validator: string) => {
  const client = new ProviderClient({ rest: DEVNET.rest, cacheTtlMs: 0 });
  return (await client.optedInValidators(consumerId, { fresh: true })).includes(await client.consensusAddressOf(validator));
};

describe('the proposal is frozen when the panel opens', function () {
  this.timeout(30_000);

  freshPageEachTest();

  it('<ics-opt-in-button>: consumer-id changed while the panel is open closes it in words; a new click signs only the new chain', async () => {
    const wallet = await installWallet('newcomer');
    const signed = countSignatures(wallet);
    const el = optIn('4', newcomer());
    await openOptIn(el);
    assert.include(shadowText(el), 'Crypto Dungeon');
    el.setAttribute('consumer-id', '2');
    await closedWithNotice(el, /The chain changed \(consumer #4 to 2\); nothing was signed\./, signed);
    await untilState(el, 'not-opted-in');
    assert.include(shadowText(el), 'Elys Network');
    assert.match(shadowText(el), /The chain changed/, 'the notice stays until the next proposal');
    await noAxe(el);
    // A new proposal needs a new click, and shows the new chain.
    await press(el, /^Opt in$/, 'confirming');
    assert.include($(el, '.confirm')!.textContent!, 'Elys Network');
    assert.notInclude($(el, '.confirm')!.textContent!, 'Crypto Dungeon');
    assert.isNull($(el, '[part="notice"]'), 'the notice goes with the new proposal');
    await press(el, /Confirm opt-in/, 'confirmed', 15_000);
    assert.deepEqual(signed, [`MsgOptIn:2:${newcomer()}`]);
    assert.isFalse(await optedInOn('4', newcomer()));
  });

  it('<ics-opt-in-button>: a script that changes the subject and clicks Confirm in the same task signs nothing', async () => {
    const wallet = await installWallet('newcomer');
    const signed = countSignatures(wallet);
    const events = recordTxEvents();
    for (const [change, words] of [
      [(el: IcsOptInButton) => el.setAttribute('consumer-id', '2'), /The chain changed \(consumer #4 to 2\)/],
      [(el: IcsOptInButton) => (el.validator = operator('opted')), /The validator changed; nothing was signed\./],
      [(el: IcsOptInButton) => el.setAttribute('rest', `${DEVNET.rest}/`), /The provider endpoint or chain id changed; nothing was signed\./],
    ] as const) {
      const el = optIn('4', newcomer());
      await openOptIn(el);
      const confirm = $<HTMLButtonElement>(el, '.confirm button.primary')!;
      change(el);
      confirm.click();
      confirm.click();
      assert.isFalse(el.matches(':state(pending)'));
      await closedWithNotice(el, words, signed);
      el.remove();
    }
    assert.lengthOf(events.signed, 0);
    assert.lengthOf(events.failed, 0, 'nothing was started, so nothing failed');
    events.stop();
    assert.isFalse(await optedInOn('4', newcomer()));
    assert.isFalse(await optedInOn('2', newcomer()));
  });

  it('<ics-opt-in-button>: validator, rest, rpc, chain-id, the wallet property and the wallet account each close an open panel in words', async () => {
    const wallet = await installWallet('newcomer', 'opted');
    const signed = countSignatures(wallet);
    const cases: [string, (el: IcsOptInButton) => void, RegExp][] = [
      ['validator', (el) => el.setAttribute('validator', operator('opted')), /The validator changed; nothing was signed\./],
      ['rest', (el) => el.setAttribute('rest', `${DEVNET.rest}, ${DEVNET.rest}`), /The provider endpoint or chain id changed; nothing was signed\./],
      ['rpc', (el) => el.setAttribute('rpc', `${DEVNET.rpc}/`), /The provider endpoint or chain id changed/],
      ['chain-id', (el) => el.setAttribute('chain-id', CHAIN_ID), /The provider endpoint or chain id changed/],
      [
        'wallet',
        (el) => (el.wallet = hostWallet({ signer: wallet.getOfflineSigner(CHAIN_ID), address: wallet.address, label: 'Host app wallet' })),
        /The wallet changed; nothing was signed\./,
      ],
      ['account', () => wallet.switchAccount(1), /The wallet's account changed; nothing was signed\./],
    ];
    for (const [name, change, words] of cases) {
      wallet.switchAccount(0);
      const el = optIn('4', newcomer());
      await openOptIn(el);
      change(el);
      try {
        await closedWithNotice(el, words, signed);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
      }
      el.remove();
    }
  });

  it('<ics-opt-in-button>: consumer-id changed after Confirm, before the signature: stopped in words, nothing signed', async () => {
    const wallet = await installWallet('newcomer');
    const signed = countSignatures(wallet);
    const events = recordTxEvents();
    const el = optIn('4', newcomer());
    await openOptIn(el);
    // Slow reads keep the flow in its checks long enough for the page script.
    await devnet.faults({ latencyMs: 400 });
    await press(el, /Confirm opt-in/, 'pending');
    el.setAttribute('consumer-id', '2');
    await untilText(el, /The chain changed \(consumer #4 to 2\); nothing was signed\./, 15_000);
    await devnet.faults(null);
    assert.deepEqual(signed, []);
    assert.match(txLive(el), /The chain changed/);
    assert.equal((events.failed[0] as Event & { detail: { code: string } }).detail.code, 'changed');
    assert.lengthOf(events.signed, 0);
    events.stop();
    assert.isFalse(await optedInOn('4', newcomer()));
    assert.isFalse(await optedInOn('2', newcomer()));
  });

  it('<ics-opt-in-button>: validator changed while the wallet is open: the signature is for the frozen proposal, and it is never sent', async () => {
    const wallet = await installWallet('newcomer');
    let release!: () => void;
    let opened!: () => void;
    const walletOpen = new Promise<void>((r) => (opened = r));
    const signed = countSignatures(wallet, () => {
      opened();
      return new Promise((r) => (release = r));
    });
    const events = recordTxEvents();
    const el = optIn('4', newcomer());
    await openOptIn(el);
    clickButton(el, /Confirm opt-in/);
    await walletOpen;
    el.validator = operator('opted');
    await el.updateComplete;
    release();
    await untilText(el, /The validator changed; nothing was signed\. The signature that came back was not sent\./, 15_000);
    assert.deepEqual(signed, [`MsgOptIn:4:${newcomer()}`], 'only the frozen proposal reached the wallet');
    assert.lengthOf(events.signed, 0, 'nothing was sent');
    events.stop();
    assert.isFalse(await optedInOn('4', newcomer()));
  });

  it('<ics-opt-in-button>: consumer-id changed once the transaction is signed and sent: the result names the frozen proposal', async () => {
    const wallet = await installWallet('newcomer');
    const signed = countSignatures(wallet);
    const el = optIn('4', newcomer());
    await openOptIn(el);
    el.addEventListener('ics-tx-signed', () => el.setAttribute('consumer-id', '2'), { once: true });
    await press(el, /Confirm opt-in/, 'confirmed', 15_000);
    await untilText(el, /Elys Network/);
    assert.match(
      shadowText(el),
      /Done\. The transaction is in block \d+\. This was for Crypto Dungeon · consumer #4 · chain id dungeon-1, validator cosmosvaloper1\w+, not what is shown now\./,
    );
    assert.deepEqual(signed, [`MsgOptIn:4:${newcomer()}`]);
    assert.isTrue(await optedInOn('4', newcomer()));
    assert.isFalse(await optedInOn('2', newcomer()));
    await noAxe(el);
  });

  it('<ics-validator-settings>: consumer-id and validator changes close the commission panel, before and after Confirm', async () => {
    const wallet = await installWallet('opted');
    const signed = countSignatures(wallet);
    const client = new ProviderClient({ rest: DEVNET.rest, cacheTtlMs: 0 });
    const before = await client.consumerCommissionRate('4', operator('opted'), { fresh: true });
    const open = async () => {
      const el = settings('4', operator('opted'));
      await connectWallet(el, 'ready');
      await press(el, /Change commission/, 'confirming');
      await typeInto(el, 'input', '9');
      assert.include($(el, '.confirm')!.textContent!, 'Crypto Dungeon');
      return el;
    };

    // While the panel is open: it never re-renders for chain 2.
    const first = await open();
    first.setAttribute('consumer-id', '2');
    await closedWithNotice(first, /The chain changed \(consumer #4 to 2\); nothing was signed\./, signed);
    await untilState(first, 'ready');
    assert.include(shadowText(first), 'Elys Network');
    await noAxe(first);
    first.remove();

    // Changed and confirmed in one task.
    const second = await open();
    second.validator = newcomer();
    clickButton(second, /Confirm commission/);
    await closedWithNotice(second, /The validator changed; nothing was signed\./, signed);
    second.remove();

    // After Confirm, before the signature.
    const third = await open();
    await devnet.faults({ latencyMs: 400 });
    await press(third, /Confirm commission/, 'pending');
    third.setAttribute('validator', newcomer());
    await untilText(third, /The validator changed; nothing was signed\./, 15_000);
    await devnet.faults(null);
    assert.deepEqual(signed, []);
    assert.equal(await client.consumerCommissionRate('4', operator('opted'), { fresh: true }), before);
  });

  for (const width of [320, 400]) {
    it(`${width} px: a long hostile name, chain id and moniker stay inside the confirmation panel's rows`, async () => {
      await installWallet('newcomer');
      const moniker = (await new ProviderClient({ rest: DEVNET.rest }).validator(newcomer())).description.moniker;
      const restore = rewriteAnswers({ 'Crypto Dungeon': LONG_NAME, 'dungeon-1': LONG_CHAIN_ID, [moniker]: LONG_MONIKER });
      try {
        const el = optIn('4', newcomer());
        el.style.width = `${width}px`;
        await openOptIn(el);
        const panel = $(el, '.confirm')!;
        assert.include(panel.textContent!, LONG_CHAIN_ID, 'the chain id is whole (wrapped)');
        assert.deepEqual(overflowingIn(panel, panel), [], 'every row inside the panel');
        assert.deepEqual(overflowingIn(el.shadowRoot!, el), [], 'and the panel inside the element');
        assert.isAtMost($(el, '.base')!.scrollWidth, width);
        assert.equal(panel.querySelector<HTMLElement>('.clip')!.title, LONG_NAME_SHOWN, 'the full name in the title');
        await noAxe(el);
      } finally {
        restore();
      }
    });
  }
});
