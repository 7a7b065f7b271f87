/// <reference types="mocha" />
// <ics-power-chart> against the devnet: the figures it shows (shares, Nakamoto coefficient, 2/3,
// Top-N cut) checked against figures worked out by hand from the scenario (never from src/power,
// which the element itself calls); each variant, highlight, limit, pending, the provider's own set,
// empty and single-validator sets, 500 validators (a devnet of 500 over HTTP), every state, axe per
// variant, keyboard focus through bars.
import { assert } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { ProviderClient, prefixesFor, validatorToAccount } from '../../src/index.js';
import '../../components/power-chart/define.js';
import type { IcsPowerChart } from '../../components/power-chart/define.js';
import { $, $$, REST, captureWarnings, cleanUp, devnet, mount, shadowText, until } from './helpers.js';
import { noAxe, recoversFromHttpError, saysIcsAbsent, untilStateSays } from './state-checks.js';

const client = () => new ProviderClient({ rest: REST, cacheTtlMs: 0 });

function chart(attributes: string, rest = REST): IcsPowerChart {
  return mount<IcsPowerChart>(`<ics-power-chart rest="${rest}" ${attributes}></ics-power-chart>`);
}

/** The header figure, e.g. "nakamoto" → "Nakamoto 7". */
function figure(el: Element, name: string): string {
  return $(el, `[data-figure="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The hidden table's rows as cell texts. */
function rows(el: Element): string[][] {
  return $$(el, 'tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
}

const label = (el: Element) => $(el, 'svg[role="img"]')?.getAttribute('aria-label') ?? '';
const pct = (fraction: number, digits = 2) => `${(fraction * 100).toFixed(digits)}%`;

/** Ready to read: complete, every chunk drawn, the drawing sized. */
async function drawn(el: IcsPowerChart): Promise<void> {
  await until(el, 'complete');
  for (let i = 0; i < 50 && !$(el, 'svg.chart'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

describe('<ics-power-chart>', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('bars on the Top-N chain: shares, Nakamoto, 2/3 and the Top-N cut, worked by hand', async () => {
    // Worked from the default scenario's staking answer, outside src/power (the same figures as
    // NEUTRON below): 200 bonded validators, of which the 180 largest are the provider's active
    // set (274341591 power). Top-N 95%: ranks 1-133 are the first to reach 95% (260710163 =
    // 95.03%), the 133rd holding 335144. No power cap: consumer power = provider power.
    // Nakamoto: the 7 largest hold 88.8 M > 260.7 M / 3; the 6 largest do not. 28 hold more than
    // two thirds. Shares: 18604748 / 260710163 = 7.14%, then 6.96%, 4.94%; the last 0.13%.
    const el = chart('consumer-id="0"');
    await drawn(el);
    assert.equal(figure(el, 'validators'), '133 validators');
    assert.equal(figure(el, 'nakamoto'), 'Nakamoto 7');
    assert.equal(figure(el, 'two-thirds'), '⅔ by 28');
    assert.equal(figure(el, 'top-n'), `Top 95%: 133, min power ${new Intl.NumberFormat().format(335144)}`);
    const table = rows(el);
    assert.lengthOf(table, 133);
    assert.deepEqual(
      table.slice(0, 3).map((row) => row[3]),
      ['7.14%', '6.96%', '4.94%'],
      'largest first',
    );
    assert.equal(table.at(-1)![3], '0.13%');
    // The 1/3 and 2/3 marks sit after the Nakamoto-th and the 2/3-th bar.
    assert.deepEqual(
      $$(el, '.mark text').map((t) => t.textContent),
      ['⅓ · 7', '⅔ · 28'],
    );
    assert.lengthOf($$(el, 'rect.bar'), 133);
    assert.match(label(el), /^133 validators secure Neutron \(#0, neutron-1\); the largest holds 7\.1%; 7 validators together hold more than a third/);
    await noAxe(el);
  });

  it('worked out by hand: the 20% power cap of chain 1 and the 10% cap of chain 4', async () => {
    // Chain 1: seven validators, none above 20% of the sum. One holds at most 20% (< 1/3); the two
    // largest, both at the cap, hold 40% (> 1/3): Nakamoto 2. Three hold at most 60% (< 2/3), and
    // four at least 4/7 of the whole... so the 2/3 mark needs exactly the 4th: check the sum.
    const stride = await client().consumerValidators('1');
    const sum = stride.reduce((s, v) => s + v.consumerPower, 0n);
    const cap = (sum * 20n) / 100n;
    const sorted = stride.map((v) => v.consumerPower).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    assert.equal(sorted[0], cap, 'the largest is at the cap');
    assert.equal(sorted[1], cap, 'so is the second');
    const el = chart('consumer-id="1"');
    await drawn(el);
    assert.equal(figure(el, 'nakamoto'), 'Nakamoto 2');
    const top4 = sorted[0]! + sorted[1]! + sorted[2]! + sorted[3]!;
    const top3 = top4 - sorted[3]!;
    assert.isTrue(top3 * 3n <= sum * 2n && top4 * 3n > sum * 2n, 'four validators pass 2/3, three do not');
    assert.equal(figure(el, 'two-thirds'), '⅔ by 4');
    assert.equal(rows(el)[0]![3], '20.00%');

    // Chain 4: twenty validators, 10% cap: three at the cap hold 30% (< 1/3), four 40%: Nakamoto 4.
    const dungeon = chart('consumer-id="4"');
    await drawn(dungeon);
    assert.equal(figure(dungeon, 'validators'), '20 validators');
    assert.equal(figure(dungeon, 'nakamoto'), 'Nakamoto 4');
    assert.deepEqual(
      rows(dungeon)
        .slice(0, 4)
        .map((r) => r[3]),
      ['10.00%', '10.00%', '10.00%', '10.00%'],
    );
  });

  it('cumulative: the curve, the 1/3 and 2/3 lines, the Nakamoto coefficient and the Top-N cut', async () => {
    // Chain 0 worked by hand in the first test: Nakamoto 7, the Top-N cut after the 133rd.
    const el = chart('consumer-id="0" variant="cumulative"');
    await drawn(el);
    const marks = $$(el, '.mark').map((m) => `${m.classList[1]}: ${m.querySelector('text')!.textContent}`);
    assert.includeMembers(marks, ['third: ⅓ can halt', 'two-thirds: ⅔', 'nakamoto: Nakamoto 7', 'top-n: Top 95% · 133']);
    assert.match($(el, '.curve .line')!.getAttribute('d')!, /^M[\d.]+,[\d.]+L/);
    // The running share in the table ends at 100%.
    assert.equal(rows(el).at(-1)![4], '100.0%');
    await noAxe(el);
  });

  it('compare: provider vs consumer power, the power cap and the set cap on chain 1, the lists on chain 2', async () => {
    const el = chart('consumer-id="1" variant="compare"');
    await drawn(el);
    assert.isAbove($$(el, '.bar.capped').length, 0, 'the 20% cap lowered the largest');
    const leftOut = rows(el).filter((r) => r.at(-1)!.startsWith('opted in, left out'));
    assert.deepEqual(
      leftOut.map((r) => r.at(-1)),
      ['opted in, left out: cut by the set cap'],
    );
    assert.match(label(el), /the power cap lowered \d+, and 1 opted-in validator was left out/);
    assert.include(shadowText(el), 'Lowered by the power cap');
    await noAxe(el);

    const elys = chart('consumer-id="2" variant="compare"');
    await drawn(elys);
    const reasons = rows(elys).map((r) => r.at(-1));
    assert.include(reasons, 'opted in, left out: on the denylist');
    assert.include(reasons, 'opted in, left out: below the minimum stake');
    assert.lengthOf($$(elys, '.bar.left-out'), reasons.filter((r) => r!.includes('left out')).length);
  });

  it('highlights a validator by operator or consensus address, pulled out of "others" by a limit', async () => {
    const set = await client().consumerValidators('0');
    const ranked = [...set].sort((a, b) => (a.consumerPower > b.consumerPower ? -1 : a.consumerPower < b.consumerPower ? 1 : 0));
    const third = ranked[2]!;
    const el = chart(`consumer-id="0" validator="${third.operatorAddress}"`);
    await drawn(el);
    const bars = $$(el, 'rect.bar');
    assert.isTrue(bars[2]!.classList.contains('highlighted'));
    assert.equal($$(el, '.bar.highlighted').length, 1);
    assert.include($(el, '.bar-label.highlighted')!.textContent, '▼');
    assert.match(label(el), /is ranked 3 with \d+\.\d\d%/);

    const deep = ranked[60]!;
    const limited = chart(`consumer-id="0" variant="bars" limit="10" validator="${deep.providerAddress}"`);
    await drawn(limited);
    const table = rows(limited);
    assert.lengthOf(table, 12, 'ten, the highlighted one, the others');
    assert.equal(table[10]![0], '61');
    assert.include(table[10]![1], '(highlighted)');
    assert.equal(table[11]![1], `${set.length - 11} others`);
    assert.isTrue($$(limited, 'rect.bar')[10]!.classList.contains('highlighted'));
    assert.isTrue($$(limited, 'rect.bar')[11]!.classList.contains('others'));
  });

  it('limit: the top K and one "others" bucket holding the rest of the share', async () => {
    const set = await client().consumerValidators('0');
    const el = chart('consumer-id="0" limit="5"');
    await drawn(el);
    const table = rows(el);
    assert.lengthOf(table, 6);
    assert.equal(table[5]![1], `${set.length - 5} others`);
    const powers = set.map((v) => v.consumerPower).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const total = powers.reduce((s, p) => s + p, 0n);
    const rest = powers.slice(5).reduce((s, p) => s + p, 0n);
    assert.equal(table[5]![3], pct(Number(rest) / Number(total)));
    assert.include(shadowText(el), 'Others (the rest, together)');
    // 0 is "no limit" (what Vue sets when a bound number goes away): every validator again.
    el.limit = 0;
    await drawn(el);
    assert.lengthOf(rows(el), set.length);
    assert.notInclude(shadowText(el), 'Others (the rest, together)');
  });

  it('show-pending: a validator opted in since the last epoch shows as pending until the epoch ends', async () => {
    const [set, bonded] = await Promise.all([client().consumerValidators('4'), client().validators()]);
    const inSet = new Set(set.map((v) => v.providerAddress));
    const newcomer = bonded.find((v) => !inSet.has(v.consensusAddress))!;
    await devnet.optIn('4', newcomer.operatorAddress);
    const hidden = chart('consumer-id="4"');
    await drawn(hidden);
    assert.lengthOf($$(hidden, '.bar.pending'), 0);
    const el = chart(`consumer-id="4" show-pending validator="${newcomer.operatorAddress}"`);
    await drawn(el);
    assert.lengthOf($$(el, '.bar.pending'), 1);
    assert.isTrue($(el, '.bar.pending')!.classList.contains('highlighted'));
    assert.include(shadowText(el), 'Pending: joins at the next epoch');
    assert.match(label(el), /1 opted-in validator joins at the next epoch/);
    await noAxe(el);
  });

  it("without consumer-id: the provider's active set, the stake Top-N thresholds are taken on", async () => {
    // Worked by hand: the 180 largest of the 200 bonded validators (274341591 power); the 8
    // largest are the first to hold more than a third.
    const el = chart('');
    await drawn(el);
    assert.equal(figure(el, 'validators'), '180 validators');
    assert.equal(figure(el, 'nakamoto'), 'Nakamoto 8');
    assert.match(label(el), /^180 active validators secure the provider provider-devnet-1;/);
    await noAxe(el);
  });

  it('a single validator holds everything; a chain without validators is empty; a stopped chain says so', async () => {
    const single = chart('consumer-id="5"');
    await drawn(single);
    assert.equal(figure(single, 'nakamoto'), 'Nakamoto 1');
    assert.equal(rows(single)[0]![3], '100.00%');
    assert.match(label(single), /^1 validator secures Nova/);
    const empty = chart('consumer-id="12"');
    await untilStateSays(empty, 'empty', /No validators in the set of .* yet/);
    await noAxe(empty);
    const stopped = chart('consumer-id="7"');
    await untilStateSays(stopped, 'empty', /is stopped: it has no validator set/);
  });

  it('keyboard: one tab stop, arrows, Home and End move through the bars, the tooltip follows focus', async () => {
    const el = chart('consumer-id="1"');
    await drawn(el);
    const keys = () => $$(el, '.key');
    assert.deepEqual(
      keys().map((k) => k.tabIndex),
      [0, -1, -1, -1, -1, -1, -1],
    );
    keys()[0]!.focus();
    await el.updateComplete;
    assert.match($(el, '.tooltip')!.textContent!, /rank 1/);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    assert.equal(el.shadowRoot!.activeElement, keys()[1]);
    assert.equal(keys()[1]!.tabIndex, 0);
    assert.match($(el, '.tooltip')!.textContent!, /rank 2/);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    assert.equal(el.shadowRoot!.activeElement, keys()[6]);
    assert.match(keys()[6]!.getAttribute('aria-label')!, /rank 7, \d+\.\d\d%/);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    assert.equal(el.shadowRoot!.activeElement, keys()[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    assert.isNull($(el, '.tooltip'));
  });

  it('hover shows the tooltip of the bar under the pointer', async () => {
    const el = chart('consumer-id="1"');
    await drawn(el);
    $$(el, '.key')[3]!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    assert.match($(el, '.tooltip')!.textContent!, /rank 4/);
  });

  it('fits 320 px: the drawing follows the width', async () => {
    const el = chart('consumer-id="0" limit="12"');
    el.style.width = '320px';
    await drawn(el);
    const svg = $(el, 'svg.chart')!;
    assert.isAtMost(svg.getBoundingClientRect().width, 320);
    assert.isAtMost(el.shadowRoot!.querySelector('.base')!.scrollWidth, 320);
    el.style.width = '640px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    assert.isAbove(Number($(el, 'svg.chart')!.getAttribute('width')), 600);
  });

  it('keeps its size from loading to loaded (no layout shift)', async () => {
    await devnet.faults({ latencyMs: 300 });
    const el = chart('consumer-id="0" theme="dark"');
    await el.updateComplete;
    assert.isTrue(el.matches(':state(loading)'));
    const height = el.getBoundingClientRect().height;
    // The skeleton pulses as two blocks (plot, legend), not as 18 animated bars and lines (each
    // animated element is a compositor layer; a page of six elements paid for a hundred).
    assert.isAbove($$(el, '.skeleton').length, 10);
    assert.isTrue($$(el, '.skeleton').every((s) => s.getAnimations().length === 0));
    assert.deepEqual(
      el.shadowRoot!.getAnimations().map((a) => (a.effect as KeyframeEffect).target!.classList.contains('skeletons')),
      [true, true],
    );
    await noAxe(el);
    await drawn(el);
    assert.equal(el.getBoundingClientRect().height, height);
  });

  it('names a bad attribute once, in the element and the console', async () => {
    const [first] = await client().validators();
    const account = validatorToAccount(first!.operatorAddress, prefixesFor('cosmos'));
    for (const [attributes, pattern] of [
      ['variant="pie"', /"variant" must be "bars", "cumulative" or "compare"; got "pie"/],
      ['variant="compare"', /"compare" .* needs "consumer-id"/],
      ['consumer-id="0" limit="-1"', /"limit" must be a whole number \(0 or unset: every validator\); got "-1"/],
      ['consumer-id="0" limit="2.5"', /"limit" must be a whole number .*; got "2.5"/],
      ['consumer-id="neutron-1"', /"consumer-id" must be a whole number/],
      [`consumer-id="0" validator="${account}"`, /is an account address; "validator" takes an operator address/],
      ['consumer-id="0" validator="cosmosvaloper1nope"', /"validator"/],
    ] as const) {
      let el!: IcsPowerChart;
      const warnings = await captureWarnings(async () => {
        el = chart(attributes);
        await until(el, 'invalid');
        el.requestUpdate();
        await el.updateComplete;
      });
      assert.match(shadowText(el), pattern);
      assert.lengthOf(warnings, 1, attributes);
      assert.match(warnings[0]!, /<ics-power-chart> attribute "/);
    }
  });

  it('shows the error with Retry, and recovers', async () => {
    await devnet.faults({ mode: 'error', status: 503 });
    await recoversFromHttpError(chart('consumer-id="0"'), 503, drawn);
  });

  it('says so when the provider has no ICS module', async () => {
    await saysIcsAbsent(() => chart('consumer-id="0"'));
  });

  it('draws 500 validators (a devnet of 500 over HTTP): every bar, row and focus stop, worked by hand', async () => {
    // Powers 1000 … 501 (test/shared/scenario-500.ts works the figures out).
    const el = mount<IcsPowerChart>(`<ics-power-chart rest="${window.__ICS_DEVNET__.fiveHundredRest}" consumer-id="0"></ics-power-chart>`);
    await drawn(el);
    assert.lengthOf($$(el, 'rect.bar'), 500);
    assert.lengthOf($$(el, '.key'), 500);
    assert.lengthOf(rows(el), 500);
    assert.equal(figure(el, 'validators'), '500 validators');
    assert.equal(figure(el, 'nakamoto'), 'Nakamoto 134');
    assert.equal(figure(el, 'two-thirds'), '⅔ by 293');
    assert.equal(rows(el)[0]![3], '0.27%');
    assert.equal(figure(el, 'top-n'), 'Top 100%: 500, min power 501');
  });
});
