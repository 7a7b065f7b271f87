/// <reference types="mocha" />
// <ics-consumer-card> against the devnet: the figures (checked against the client and the power
// maths), both variants, every state, bad ids, hostile metadata, and axe in each state.
import { assert } from 'chai';
import { ProviderClient } from '../../src/index.js';
import '../../components/consumer-card/define.js';
import type { IcsConsumerCard } from '../../components/consumer-card/define.js';
import { $, $$, REST, captureWarnings, cleanUp, devnet, mount, shadowText, until, withPageDefault } from './helpers.js';
import { noAxe, recoversFromHttpError, saysIcsAbsent, untilStateSays } from './state-checks.js';

const client = () => new ProviderClient({ rest: REST, cacheTtlMs: 0 });

function card(attributes: string): IcsConsumerCard {
  return mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" ${attributes}></ics-consumer-card>`);
}

/** The figure under a label, e.g. "Validators". */
function figure(el: Element, label: string): string {
  const stat = $$(el, '.stat').find((s) => s.querySelector('dt')?.textContent === label);
  return stat?.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<ics-consumer-card>', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('shows a Top-N chain: ids, phase, kind, validators, stake share, Nakamoto coefficient, next epoch', async () => {
    const c = client();
    const topN = (await c.consumerChains({ phase: 'launched' })).find((x) => x.kind === 'top-n')!;
    const [set, blocks, info] = await Promise.all([c.consumerValidators(topN.consumerId), c.blocksUntilNextEpoch(), devnet.info()]);
    const el = card(`consumer-id="${topN.consumerId}"`);
    await until(el, 'complete');
    const text = shadowText(el);
    assert.include(text, `#${topN.consumerId}`);
    assert.include(text, topN.chainId);
    assert.include(text, 'Launched');
    assert.include(text, `Top-N ${topN.topN}%`);
    // Worked by hand from the default scenario (see power-chart.test.ts): chain 0's Top-N 95 set
    // is the 133 largest validators, 260710163 of the 278753905 bonded ATOM (93.53%); the 7
    // largest hold more than a third of their power.
    assert.equal(topN.consumerId, '0');
    assert.equal(set.length, 133);
    assert.equal(figure(el, 'Validators'), '133');
    assert.equal(figure(el, 'Provider stake'), '93.5%');
    assert.equal(figure(el, 'Nakamoto coefficient'), '7');
    assert.match(figure(el, 'Next epoch'), new RegExp(`^${blocks} blocks? ?(under a minute|about \\d+)`));
    assert.isAtMost(blocks, info.blocksPerEpoch);
    assert.match($(el, '[aria-live="polite"]')!.textContent!, new RegExp(`secured by ${set.length} validators`));
    await noAxe(el);
  });

  it('counts the epoch down as blocks pass', async () => {
    await devnet.advanceToEpochEnd();
    await devnet.advance(1);
    const { blocksPerEpoch } = await devnet.info();
    const [chain] = await client().consumerChains({ phase: 'launched' });
    const el = card(`consumer-id="${chain!.consumerId}"`);
    await until(el, 'complete');
    assert.match(figure(el, 'Next epoch'), new RegExp(`^${blocksPerEpoch - 1} blocks`));
  });

  it('has a compact variant of fixed, smaller height', async () => {
    const [chain] = await client().consumerChains({ phase: 'launched' });
    const full = card(`consumer-id="${chain!.consumerId}"`);
    const compact = card(`consumer-id="${chain!.consumerId}" variant="compact"`);
    await until(full, 'complete');
    await until(compact, 'complete');
    assert.isBelow(compact.getBoundingClientRect().height, full.getBoundingClientRect().height);
    assert.isNull($(compact, '.more'));
    await noAxe(compact);
  });

  it('keeps its size from loading to loaded (no layout shift)', async () => {
    await devnet.faults({ latencyMs: 500 });
    const [chain] = await client().consumerChains({ phase: 'launched' });
    const el = card(`consumer-id="${chain!.consumerId}"`);
    await el.updateComplete;
    assert.isTrue(el.matches(':state(loading)'));
    const height = el.getBoundingClientRect().height;
    await noAxe(el);
    await until(el, 'complete');
    assert.equal(el.getBoundingClientRect().height, height);
  });

  it('shows a chain waiting to launch with its spawn time', async () => {
    const [initialized] = await client().consumerChains({ phase: 'initialized' });
    const el = card(`consumer-id="${initialized!.consumerId}"`);
    await until(el, 'complete');
    assert.include(shadowText(el), 'Initialized');
    assert.include(shadowText(el), 'Spawns');
  });

  it('renders a chain registered without genesis and binary hashes (null bytes, as a node writes them)', async () => {
    // Every devnet chain is registered without hashes; a registered one and a launched one.
    for (const phase of ['registered', 'launched'] as const) {
      const [chain] = await client().consumerChains({ phase });
      const raw = (await (await fetch(`${REST}/interchain_security/ccv/provider/consumer_chain/${chain!.consumerId}`)).json()) as {
        init_params: { genesis_hash: unknown; binary_hash: unknown };
      };
      assert.isNull(raw.init_params.genesis_hash);
      assert.isNull(raw.init_params.binary_hash);
      const el = card(`consumer-id="${chain!.consumerId}"`);
      await until(el, 'complete');
      assert.include(shadowText(el), chain!.chainId);
      assert.include(shadowText(el), phase === 'launched' ? 'Launched' : 'Registered');
    }
  });

  it('is empty, in words, for an id no chain has', async () => {
    const el = card('consumer-id="987654"');
    await untilStateSays(el, 'empty', /no active consumer chain with id 987654/);
    await noAxe(el);
  });

  it('names a consumer id that is not a number, once, in the element and the console', async () => {
    let el!: IcsConsumerCard;
    const warnings = await captureWarnings(async () => {
      el = card('consumer-id="neutron-1"');
      await until(el, 'invalid');
      el.requestUpdate();
      await el.updateComplete;
    });
    assert.match(shadowText(el), /"consumer-id" must be a whole number such as "0" or "12"; got "neutron-1"/);
    assert.lengthOf(warnings, 1);
    assert.match(warnings[0]!, /<ics-consumer-card> attribute "consumer-id"/);
    await noAxe(el);
  });

  it('shows the error with Retry, and recovers', async () => {
    const [chain] = await client().consumerChains({ phase: 'launched' });
    await devnet.faults({ mode: 'error', status: 503 });
    await recoversFromHttpError(card(`consumer-id="${chain!.consumerId}"`), 503);
  });

  it('says in words when the node times out or drops the connection (page default with a short timeout)', async () => {
    // timeoutMs bounds a whole load (detection and data), so not too short on a busy machine.
    await withPageDefault({ rest: REST, timeoutMs: 2000 }, async () => {
      await devnet.faults({ mode: 'timeout' });
      const el = mount<IcsConsumerCard>('<ics-consumer-card consumer-id="0"></ics-consumer-card>');
      await untilStateSays(el, 'error', /did not answer within 2 s/);
      await devnet.faults({ mode: 'reset' });
      el.retry();
      await untilStateSays(el, 'error', /Could not reach/);
      await devnet.faults(null);
      el.retry();
      await until(el, 'complete');
    });
  });

  it('says so when the provider has no ICS module', async () => {
    await saysIcsAbsent(() => card('consumer-id="0"'));
  });

  it('renders hostile metadata as text: no markup, links only https:, bidi neutralised', async () => {
    const all = await client().consumerChains({ phase: 'all' });
    const hostile = all.filter((c) => /[<\u202E\u200B]|javascript:/i.test(c.metadata.name + c.metadata.description + c.metadata.metadata));
    assert.isAbove(hostile.length, 0, 'the scenario has a hostile chain');
    for (const chain of hostile) {
      const el = card(`consumer-id="${chain.consumerId}" theme="dark"`);
      await until(el, 'complete');
      const root = el.shadowRoot!;
      assert.equal(root.querySelectorAll('img, script, iframe, svg, object, embed').length, 0);
      // Only https: links; the description's markup (an <a href="javascript:…"> among it) is text.
      for (const a of root.querySelectorAll('[href], [src]')) assert.match(a.getAttribute('href') ?? '', /^https:/);
      assert.equal(root.querySelectorAll('[onerror], [onclick], [onload]').length, 0);
      assert.notMatch(shadowText(el), /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
      assert.include(shadowText(el), `#${chain.consumerId}`);
      await noAxe(el);
    }
  });
});
