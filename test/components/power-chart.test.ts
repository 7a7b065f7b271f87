/// <reference types="mocha" />
// <ics-power-chart> against the devnet: the figures it shows (shares, Nakamoto coefficient, 2/3,
// Top-N cut) checked against src/power and against the scenario worked out by hand; each variant,
// highlight, limit, pending, the provider's own set, empty and single-validator sets, 500
// validators (a route-level fixture), every state, axe per variant, keyboard focus through bars.
import { assert } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { ProviderClient, consensusAddressFromEd25519, prefixesFor, validatorToAccount } from '../../src/index.js';
import { activeValidators, minPowerInTopN, nakamotoCoefficient, shares } from '../../src/power/index.js';
import { encodeAddress, encodeBase64 } from '../../src/staking/address.js';
import '../../components/power-chart/define.js';
import type { IcsPowerChart } from '../../components/power-chart/define.js';
import { $, $$, REST, axeViolations, captureWarnings, cleanUp, devnet, mount, shadowText, until } from './helpers.js';

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
const POWER_REDUCTION = 10n ** 6n;

/** Ready to read: complete, every chunk drawn, the drawing sized. */
async function drawn(el: IcsPowerChart): Promise<void> {
  await until(el, 'complete');
  for (let i = 0; i < 50 && !$(el, 'svg.chart'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

describe('<ics-power-chart>', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('bars on the Top-N chain: shares, Nakamoto, 2/3 and the Top-N cut equal src/power and the chain', async () => {
    const c = client();
    const [set, chains, bonded, params] = await Promise.all([
      c.consumerValidators('0'),
      c.consumerChains({ phase: 'launched' }),
      c.validators(),
      c.providerParams(),
    ]);
    const el = chart('consumer-id="0"');
    await drawn(el);
    const powers = set.map((v) => v.consumerPower);
    const nakamoto = nakamotoCoefficient(powers);
    const twoThirds = nakamotoCoefficient(powers, 2n, 3n);
    assert.equal(figure(el, 'validators'), `${set.length} validators`);
    assert.equal(figure(el, 'nakamoto'), `Nakamoto ${nakamoto}`);
    assert.equal(figure(el, 'two-thirds'), `⅔ by ${twoThirds}`);
    // The Top-N cut: computed on the provider's active set with src/power, and stored by the chain.
    const active = activeValidators(
      bonded.map((v) => ({ consensusAddress: v.consensusAddress, tokens: v.tokens, power: v.tokens / POWER_REDUCTION, bonded: true })),
      params.maxProviderConsensusValidators,
    );
    const min = minPowerInTopN(active.map((v) => v.power), 95)!;
    const stored = chains.find((x) => x.consumerId === '0')!.minPowerInTopN!;
    assert.equal(min, stored, 'src/power and the chain agree on min_power_in_top_N');
    const required = active.filter((v) => v.power >= min).length;
    assert.match(figure(el, 'top-n'), new RegExp(`^Top 95%: ${required}, min power ${new Intl.NumberFormat().format(min)}$`));
    // Every share in the table equals src/power's, largest first.
    const expected = shares(powers)
      .map((share, i) => ({ share, power: powers[i]! }))
      .sort((a, b) => (a.power === b.power ? 0 : a.power > b.power ? -1 : 1));
    const table = rows(el);
    assert.lengthOf(table, set.length);
    table.forEach((row, i) => assert.equal(row[3], pct(expected[i]!.share), `share of rank ${i + 1}`));
    // The 1/3 and 2/3 marks sit after the Nakamoto-th and the 2/3-th bar.
    assert.deepEqual(
      $$(el, '.mark text').map((t) => t.textContent),
      [`⅓ · ${nakamoto}`, `⅔ · ${twoThirds}`],
    );
    assert.lengthOf($$(el, 'rect.bar'), set.length);
    assert.match(label(el), new RegExp(`^${set.length} validators secure Neutron \\(#0, neutron-1\\); the largest holds ${(expected[0]!.share * 100).toFixed(1)}%; ${nakamoto} validators together hold more than a third`));
    assert.deepEqual(await axeViolations(el), []);
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
    assert.deepEqual(rows(dungeon).slice(0, 4).map((r) => r[3]), ['10.00%', '10.00%', '10.00%', '10.00%']);
  });

  it('cumulative: the curve, the 1/3 and 2/3 lines, the Nakamoto coefficient and the Top-N cut', async () => {
    const set = await client().consumerValidators('0');
    const nakamoto = nakamotoCoefficient(set.map((v) => v.consumerPower));
    const el = chart('consumer-id="0" variant="cumulative"');
    await drawn(el);
    const marks = $$(el, '.mark').map((m) => `${m.classList[1]}: ${m.querySelector('text')!.textContent}`);
    assert.includeMembers(marks, ['third: ⅓ can halt', 'two-thirds: ⅔', `nakamoto: Nakamoto ${nakamoto}`]);
    assert.isTrue(marks.some((m) => /^top-n: Top 95% · \d+$/.test(m)));
    assert.match($(el, '.curve .line')!.getAttribute('d')!, /^M[\d.]+,[\d.]+L/);
    // The running share in the table ends at 100%.
    assert.equal(rows(el).at(-1)![4], '100.0%');
    assert.deepEqual(await axeViolations(el), []);
  });

  it('compare: provider vs consumer power, the power cap and the set cap on chain 1, the lists on chain 2', async () => {
    const el = chart('consumer-id="1" variant="compare"');
    await drawn(el);
    assert.isAbove($$(el, '.bar.capped').length, 0, 'the 20% cap lowered the largest');
    const leftOut = rows(el).filter((r) => r.at(-1)!.startsWith('opted in, left out'));
    assert.deepEqual(leftOut.map((r) => r.at(-1)), ['opted in, left out: cut by the set cap']);
    assert.match(label(el), /the power cap lowered \d+, and 1 opted-in validator was left out/);
    assert.include(shadowText(el), 'Lowered by the power cap');
    assert.deepEqual(await axeViolations(el), []);

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
    assert.deepEqual(await axeViolations(el), []);
  });

  it('without consumer-id: the provider\'s active set, the stake Top-N thresholds are taken on', async () => {
    const [bonded, params] = await Promise.all([client().validators(), client().providerParams()]);
    const active = [...bonded].sort((a, b) => (a.tokens > b.tokens ? -1 : a.tokens < b.tokens ? 1 : 0)).slice(0, params.maxProviderConsensusValidators);
    const el = chart('');
    await drawn(el);
    assert.equal(figure(el, 'validators'), `${active.length} validators`);
    assert.equal(figure(el, 'nakamoto'), `Nakamoto ${nakamotoCoefficient(active.map((v) => v.tokens / POWER_REDUCTION))}`);
    assert.match(label(el), /^180 active validators secure the provider provider-devnet-1;/);
    assert.deepEqual(await axeViolations(el), []);
  });

  it('a single validator holds everything; a chain without validators is empty; a stopped chain says so', async () => {
    const single = chart('consumer-id="5"');
    await drawn(single);
    assert.equal(figure(single, 'nakamoto'), 'Nakamoto 1');
    assert.equal(rows(single)[0]![3], '100.00%');
    assert.match(label(single), /^1 validator secures Nova/);
    const empty = chart('consumer-id="12"');
    await until(empty, 'empty');
    assert.match(shadowText(empty), /No validators in the set of .* yet/);
    assert.deepEqual(await axeViolations(empty), []);
    const stopped = chart('consumer-id="7"');
    await until(stopped, 'empty');
    assert.match(shadowText(stopped), /is stopped: it has no validator set/);
  });

  it('keyboard: one tab stop, arrows, Home and End move through the bars, the tooltip follows focus', async () => {
    const el = chart('consumer-id="1"');
    await drawn(el);
    const keys = () => $$(el, '.key');
    assert.deepEqual(keys().map((k) => k.tabIndex), [0, -1, -1, -1, -1, -1, -1]);
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
    assert.deepEqual(el.shadowRoot!.getAnimations().map((a) => (a.effect as KeyframeEffect).target!.classList.contains('skeletons')), [true, true]);
    assert.deepEqual(await axeViolations(el), []);
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
    const el = chart('consumer-id="0"');
    await until(el, 'error');
    assert.match(shadowText(el), /HTTP 503/);
    assert.deepEqual(await axeViolations(el), []);
    await devnet.faults(null);
    $<HTMLButtonElement>(el, 'button')!.click();
    await drawn(el);
  });

  it('says so when the provider has no ICS module', async () => {
    await devnet.ics('absent');
    const absent = chart('consumer-id="0"');
    await until(absent, 'ics-absent');
    assert.match(shadowText(absent), /ICS is not available/);
    assert.deepEqual(await axeViolations(absent), []);
  });

  it('draws 500 validators (a route-level fixture): every bar, row and focus stop, numbers from src/power', async () => {
    const fixture = await fixture500();
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.origin !== FIXTURE) return original(input, init);
      const body = fixture.get(url.pathname);
      return Promise.resolve(
        body === undefined
          ? new Response('{"code":12,"message":"Not Implemented","details":[]}', { status: 501 })
          : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    };
    try {
      const el = mount<IcsPowerChart>(`<ics-power-chart rest="${FIXTURE}" chain-id="fixture-500" consumer-id="0" chain-info='{"bech32Prefix":"cosmos","stakingDenom":"uatom","displayDenom":"ATOM","displayExponent":6}'></ics-power-chart>`);
      await drawn(el);
      assert.lengthOf($$(el, 'rect.bar'), 500);
      assert.lengthOf($$(el, '.key'), 500);
      assert.lengthOf(rows(el), 500);
      assert.equal(figure(el, 'validators'), '500 validators');
      assert.equal(figure(el, 'nakamoto'), `Nakamoto ${nakamotoCoefficient(fixture.powers)}`);
      assert.equal(figure(el, 'two-thirds'), `⅔ by ${nakamotoCoefficient(fixture.powers, 2n, 3n)}`);
      const total = fixture.powers.reduce((s, p) => s + p, 0n);
      assert.equal(rows(el)[0]![3], pct(Number(fixture.powers[0]!) / Number(total)));
      assert.match(figure(el, 'top-n'), new RegExp(`^Top 100%: 500, min power ${new Intl.NumberFormat().format(fixture.powers.at(-1)!)}$`));
    } finally {
      window.fetch = original;
    }
  });
});

const FIXTURE = 'http://fixture-500.test';

/**
 * The REST answers for a Top-N 100 chain of 500 validators, built from the devnet's own answers
 * (one staking validator, one consumer validator, the chain and the params as templates), with a
 * fresh consensus key, address and stake for each validator.
 */
async function fixture500(): Promise<Map<string, unknown> & { powers: bigint[] }> {
  const get = async (path: string) => (await fetch(`${REST}${path}`)).json() as Promise<Record<string, unknown>>;
  const [staking, consumer, chain, params] = await Promise.all([
    get('/cosmos/staking/v1beta1/validators?pagination.limit=1'),
    get('/interchain_security/ccv/provider/consumer_validators/0'),
    get('/interchain_security/ccv/provider/consumer_chain/0'),
    get('/interchain_security/ccv/provider/params'),
  ]);
  const prefixes = prefixesFor('cosmos');
  const stakingTemplate = (staking.validators as Record<string, unknown>[])[0]!;
  const consumerTemplate = (consumer.validators as Record<string, unknown>[])[0]!;
  const stakingList: unknown[] = [];
  const consumerList: unknown[] = [];
  const powers: bigint[] = [];
  for (let i = 0; i < 500; i++) {
    const key = new Uint8Array(32).map((_, j) => (i * 31 + j * 7 + (i >> 8)) & 255);
    key[0] = i & 255;
    key[1] = i >> 8;
    const keyBase64 = encodeBase64(key);
    const operator = encodeAddress(prefixes.validator, key.slice(0, 20));
    const valcons = consensusAddressFromEd25519(keyBase64, prefixes);
    // A long tail: power ∝ 1/(i+8)^1.3, whole units of 10^6 tokens.
    const power = BigInt(Math.round(40_000_000 / (i + 8) ** 1.3)) + 1n;
    powers.push(power);
    const tokens = String(power * POWER_REDUCTION);
    stakingList.push({
      ...stakingTemplate,
      operator_address: operator,
      consensus_pubkey: { '@type': '/cosmos.crypto.ed25519.PubKey', key: keyBase64 },
      tokens,
      delegator_shares: `${tokens}.000000000000000000`,
      description: { ...(stakingTemplate.description as object), moniker: `Validator ${i + 1}` },
      status: 'BOND_STATUS_BONDED',
      jailed: false,
    });
    consumerList.push({
      ...consumerTemplate,
      provider_address: valcons,
      provider_operator_address: operator,
      consumer_key: { ed25519: keyBase64 },
      consumer_power: String(power),
      provider_power: String(power),
      provider_tokens: tokens,
      description: { ...(consumerTemplate.description as object), moniker: `Validator ${i + 1}` },
    });
  }
  const withCount = (list: unknown[]) => ({ next_key: null, total: String(list.length) });
  const answers = new Map<string, unknown>([
    ['/interchain_security/ccv/provider/params', { params: { ...(params.params as object), max_provider_consensus_validators: '500' } }],
    ['/interchain_security/ccv/provider/consumer_chain/0', { ...chain, power_shaping_params: { ...(chain.power_shaping_params as object), top_N: 100 } }],
    ['/interchain_security/ccv/provider/consumer_validators/0', { validators: consumerList }],
    ['/interchain_security/ccv/provider/opted_in_validators/0', { validators_provider_addresses: [] }],
    // The client's ICS detection asks for the chain list (v6+ keys chains by consumer id).
    ['/interchain_security/ccv/provider/consumer_chains/0', { chains: [], pagination: { next_key: null, total: '0' } }],
    ['/cosmos/staking/v1beta1/validators', { validators: stakingList, pagination: withCount(stakingList) }],
  ]);
  return Object.assign(answers, { powers });
}
