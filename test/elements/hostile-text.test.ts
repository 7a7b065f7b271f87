/// <reference types="mocha" />
// Hostile text in the layout and in the live regions: long names, chain ids and monikers stay
// inside the settings header, the chart's tooltip and the card at 320 px and 400 px (the full
// text still in a title or the table); the live regions announce the neutralised text the screen
// shows; an invalid `theme` is named in words like any other bad attribute.
import { assert } from 'chai';
import '../../components/consumer-card/define.js';
import '../../components/opt-in-button/define.js';
import '../../components/validator-settings/define.js';
import '../../components/power-chart/define.js';
import type { IcsConsumerCard } from '../../components/consumer-card/define.js';
import type { IcsPowerChart } from '../../components/power-chart/define.js';
import { ProviderClient } from '../../src/index.js';
import { $, $$, REST, RPC, axeViolations, captureWarnings, cleanUp, mount, shadowText, until } from './helpers.js';
import { LONG_CHAIN_ID, LONG_MONIKER, LONG_MONIKER_SHOWN, LONG_NAME, LONG_NAME_SHOWN, horizontalOverflow, overflowingIn, rewriteAnswers } from './hostile.js';

// eslint-disable-next-line no-control-regex -- NUL is one of the characters that must not be announced
const RAW = /[\u202E\u200B\u0000]/;
const live = (el: Element) => [...el.shadowRoot!.querySelectorAll('[aria-live]')].map((r) => r.textContent ?? '').join(' | ');
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('hostile text', function () {
  this.timeout(20_000);
  let restore: (() => void) | undefined;
  beforeEach(cleanUp);
  afterEach(() => {
    restore?.();
    restore = undefined;
  });
  after(cleanUp);

  it('the live regions announce the neutralised text the screen shows (card chain id, opt-in button name)', async () => {
    const chainId = 'dungeon\u202E-1\u200B\u0000x';
    restore = rewriteAnswers({ 'dungeon-1': chainId, 'Crypto Dungeon': 'Crypto\u202E Dungeon\u200B\u0000' });
    const card = mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" consumer-id="4"></ics-consumer-card>`);
    await until(card, 'complete');
    assert.notMatch(live(card), RAW, 'no raw bidi, zero-width or NUL character is announced');
    assert.include(live(card), 'dungeon⟨U+202E⟩-1⟨U+200B⟩⟨U+0000⟩x');
    assert.include(shadowText(card), 'dungeon⟨U+202E⟩-1⟨U+200B⟩⟨U+0000⟩x', 'the same text as on screen');

    const button = mount(
      `<ics-opt-in-button rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${(await new ProviderClient({ rest: REST }).validators())[0]!.operatorAddress}"></ics-opt-in-button>`,
    );
    await until(button, 'no-wallet');
    assert.notMatch(live(button), RAW);
    assert.include(live(button), 'Crypto⟨U+202E⟩ Dungeon⟨U+200B⟩⟨U+0000⟩');
    assert.include(shadowText(button), 'Crypto⟨U+202E⟩ Dungeon⟨U+200B⟩⟨U+0000⟩');
  });

  it('theme="purple" is named in words, like any bad attribute; light and dark are not', async () => {
    const warnings = await captureWarnings(async () => {
      const bad = mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" consumer-id="4" theme="purple"></ics-consumer-card>`);
      await until(bad, 'complete');
      bad.theme = 'dark';
      await bad.updateComplete;
      const good = mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" consumer-id="4" theme="light"></ics-consumer-card>`);
      await until(good, 'complete');
    });
    assert.deepEqual(warnings, [
      '<ics-consumer-card> attribute "theme": "purple" is not a theme: use "light" or "dark", or leave it unset to follow the system setting.',
    ]);
  });

  for (const width of [320, 400]) {
    it(`${width} px: a 48-character chain id and a long name stay inside the settings header`, async () => {
      restore = rewriteAnswers({ 'dungeon-1': LONG_CHAIN_ID, 'Crypto Dungeon': LONG_NAME });
      const [validator] = await new ProviderClient({ rest: REST }).validators();
      const el = mount(
        `<ics-validator-settings rest="${REST}" rpc="${RPC}" consumer-id="4" validator="${validator!.operatorAddress}" style="width: ${width}px"></ics-validator-settings>`,
      );
      await until(el, 'no-wallet');
      const header = $(el, '[part="header"]')!;
      assert.deepEqual(overflowingIn(header, el), []);
      assert.isAtMost($(el, '.base')!.scrollWidth, width);
      assert.include(shadowText(el), LONG_CHAIN_ID, 'the whole chain id is on screen (wrapped)');
      assert.equal($(el, '[part="name"]')!.title, LONG_NAME_SHOWN, 'the full name in the title');
      assert.deepEqual(await axeViolations(el), []);
    });

    it(`${width} px: the chart's tooltip stays inside the chart with long monikers`, async () => {
      const client = new ProviderClient({ rest: REST });
      const set = await client.consumerValidators('1');
      const monikers = Object.fromEntries(set.map((v) => [v.description.moniker, LONG_MONIKER]));
      restore = rewriteAnswers(monikers);
      const el = mount<IcsPowerChart>(`<ics-power-chart rest="${REST}" consumer-id="1" style="width: ${width}px"></ics-power-chart>`);
      await until(el, 'complete');
      await frame();
      const keys = $$(el, '.key');
      assert.isAbove(keys.length, 2);
      for (const i of [0, Math.floor(keys.length / 2), keys.length - 1]) {
        keys[i]!.focus();
        await el.updateComplete;
        const tooltip = $(el, '.tooltip')!;
        assert.include(tooltip.textContent!, '⟨U+202E⟩WW');
        assert.isUndefined(horizontalOverflow(tooltip, el), `bar ${i}`);
        let cut = 0;
        for (const line of tooltip.children) {
          assert.isUndefined(horizontalOverflow(line, tooltip), `a line of bar ${i}'s tooltip`);
          if (line.scrollWidth > line.clientWidth + 1) {
            cut++;
            assert.equal(getComputedStyle(line).textOverflow, 'ellipsis', 'a cut line ends in an ellipsis');
          }
        }
        // 70 wide letters do not fit a tooltip at this width: the moniker's line is cut.
        assert.isAtLeast(cut, 1, `bar ${i}: some line is cut, so the ellipsis was checked`);
      }
      // The full moniker stays available in the accessible table.
      assert.include($(el, 'table')!.textContent!, LONG_MONIKER_SHOWN);
    });

    it(`${width} px: the card's description is visible, not hidden by a fixed height`, async () => {
      const el = mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" consumer-id="3" style="width: ${width}px"></ics-consumer-card>`);
      await until(el, 'complete');
      const description = $(el, '.description')!;
      const base = $(el, '.base')!.getBoundingClientRect();
      const box = description.getBoundingClientRect();
      assert.isAbove(box.height, 10, 'the description has room');
      assert.isAtMost(description.scrollHeight, description.clientHeight + 1, 'and needs no scrolling');
      assert.isAtMost(box.bottom, base.bottom + 1, 'inside the card');
      assert.deepEqual(overflowingIn(el.shadowRoot!, el), []);
    });
  }
});
