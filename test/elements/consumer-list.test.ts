/// <reference types="mocha" />
// <ics-consumer-list> against the devnet: every state, the spam filter, search and sort, the
// validator's standing, keyboard navigation, hostile metadata, and axe in each state.
import { assert } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { ProviderClient } from '../../src/index.js';
import type { ConsumerChain } from '../../src/index.js';
import '../../components/consumer-list/define.js';
import type { IcsConsumerList } from '../../components/consumer-list/define.js';
import type { IcsSelectEvent } from '../../components/shared/events.js';
import { $, $$, REST, captureWarnings, cleanUp, countFetches, devnet, mount, shadowText, until, withPageDefault } from './helpers.js';
import { footReadNext } from './progressive-checks.js';
import { BAD_CHECKSUM_VALOPER, namesChecksumThenPrefix, noAxe, retryWithoutFaults, saysIcsAbsent, untilStateSays } from './state-checks.js';

const client = () => new ProviderClient({ rest: REST, cacheTtlMs: 0 });

function list(attributes = ''): IcsConsumerList {
  return mount<IcsConsumerList>(`<ics-consumer-list rest="${REST}" ${attributes}></ics-consumer-list>`);
}

const rowIds = (el: Element) => $$(el, '[role="option"]').map((r) => r.dataset.consumerId!);

/** The path of a chain's validator set on the devnet (a fault's `pathPrefix`); without an id, every chain's. */
const SET_PATH = (consumerId = '') => `/interchain_security/ccv/provider/consumer_validators/${consumerId}`;

/** Rows whose figures are still being read. */
const pendingRows = (el: Element) => $$(el, '[role="option"]').filter((r) => r.querySelector('.facts[aria-busy="true"]'));

/** The consumer ids whose validator set the page asked for, in the order it asked. */
const setReads = (urls: string[]) => urls.flatMap((u) => /\/consumer_validators\/(\d+)/.exec(u)?.[1] ?? []);

/** Chains with at least one opted-in validator, as the spam filter decides. */
async function withValidators(chains: ConsumerChain[]): Promise<ConsumerChain[]> {
  const c = client();
  const keep = await Promise.all(
    chains.map(async (chain) => {
      if (!['registered', 'initialized', 'launched'].includes(chain.phase)) return true;
      const [set, opted] = await Promise.all([c.consumerValidators(chain.consumerId), c.optedInValidators(chain.consumerId)]);
      return set.length > 0 || opted.length > 0;
    }),
  );
  return chains.filter((_, i) => keep[i]);
}

describe('<ics-consumer-list>', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('lists launched chains with name, consumer id and chain id, phase and kind, and passes axe', async () => {
    const el = list();
    await until(el, 'complete');
    const launched = await withValidators(await client().consumerChains({ phase: 'launched' }));
    assert.sameMembers(
      rowIds(el),
      launched.map((c) => c.consumerId),
    );
    const first = launched[0]!;
    const row = $(el, `[data-consumer-id="${first.consumerId}"]`)!;
    assert.include(row.textContent, `#${first.consumerId}`);
    assert.include(row.textContent, first.chainId);
    assert.include(row.textContent, 'Launched');
    assert.match(row.textContent!, /Top-N \d+%|Opt-in/);
    assert.match(row.textContent!, /\d+ validators?/);
    assert.match(row.textContent!, /of provider stake/);
    await noAxe(el);
  });

  it('shows a skeleton while loading, in the same height as the rows, announced politely', async () => {
    await devnet.faults({ latencyMs: 600 });
    const el = list();
    await el.updateComplete;
    assert.isTrue(el.matches(':state(loading)'));
    const body = $(el, '.body')!;
    const loadingHeight = body.getBoundingClientRect().height;
    const hostHeight = el.getBoundingClientRect().height;
    assert.isAbove($$(el, '.skeleton').length, 5);
    assert.match($(el, '[aria-live="polite"]')!.textContent!, /Loading consumer chains/);
    await noAxe(el);
    await until(el, 'complete');
    assert.equal(body.getBoundingClientRect().height, loadingHeight, 'no layout shift');
    assert.equal(el.getBoundingClientRect().height, hostHeight, 'the element keeps its size');
  });

  it('shows the error with a Retry button and fires ics-error; Retry loads again', async () => {
    await devnet.faults({ mode: 'error', status: 500 });
    const el = list();
    const errors: Event[] = [];
    el.addEventListener('ics-error', (e) => errors.push(e));
    await untilStateSays(el, 'error', /HTTP 500/);
    assert.isAbove(errors.length, 0);
    assert.equal((errors[0] as HTMLElementEventMap['ics-error']).detail.error.kind, 'http');
    assert.match($(el, '[aria-live="polite"]')!.textContent!, /Could not load/);
    await noAxe(el);
    await retryWithoutFaults(el);
    await until(el, 'complete');
  });

  it('maps each injected failure to words: timeout, malformed JSON, wrong shape', async () => {
    // A node that never answers, read with a 300 ms request timeout (the page default; the element
    // sets no rest of its own), so the timeout really fires.
    await withPageDefault({ rest: REST, timeoutMs: 300 }, async () => {
      await devnet.faults({ mode: 'timeout' });
      const el = mount<IcsConsumerList>('<ics-consumer-list phase="all"></ics-consumer-list>');
      await untilStateSays(el, 'error', /did not answer within 0\.3 s/);
      el.remove();
    });
    for (const [mode, words] of [
      ['malformed-json', /not JSON/],
      ['wrong-shape', /should be/],
    ] as const) {
      await devnet.faults({ mode });
      const el = list(`phase="all"`);
      await until(el, 'error');
      assert.match(shadowText(el), words);
      el.remove();
    }
  });

  it('says so when the provider has no ICS module', async () => {
    const el = await saysIcsAbsent(() => list());
    assert.isNull($(el, 'button'));
  });

  it('says so when the provider runs a pre-v6 ICS it cannot read', async () => {
    await devnet.ics('legacy');
    const el = list();
    await untilStateSays(el, 'ics-absent', /before v6/);
  });

  it('is empty, in words, when nothing matches the search', async () => {
    const el = list('search="no-such-chain-anywhere"');
    await untilStateSays(el, 'empty', /No launched consumer chain matches "no-such-chain-anywhere"/);
    await noAxe(el);
    el.search = '';
    await until(el, 'complete');
  });

  it('hides chains no validator opted in to, says how many, and show-empty lists them', async () => {
    const all = await client().consumerChains({ phase: 'all' });
    const kept = await withValidators(all);
    const el = list('phase="all"');
    await until(el, 'complete');
    assert.sameMembers(
      rowIds(el),
      kept.map((c) => c.consumerId),
    );
    // The default scenario's 30 spam chains (consumer ids 12-41) are registered with nobody opted in.
    assert.equal(all.length - kept.length, 30);
    assert.include(shadowText(el), '30 without validators hidden');
    el.showEmpty = true;
    await el.updateComplete;
    assert.sameMembers(
      rowIds(el),
      all.map((c) => c.consumerId),
    );
  });

  it('searches names, chain ids and consumer ids, and sorts', async () => {
    const el = list('phase="all" show-empty');
    await until(el, 'complete');
    const all = await client().consumerChains({ phase: 'all' });
    const target = all.find((c) => /^[\w-]+$/.test(c.chainId))!;
    el.search = target.chainId.toUpperCase();
    await el.updateComplete;
    assert.include(rowIds(el), target.consumerId);
    el.search = `#${target.consumerId}`;
    await el.updateComplete;
    assert.include(rowIds(el), target.consumerId);
    el.search = '';
    el.sort = 'consumer-id';
    await el.updateComplete;
    const ids = rowIds(el).map(BigInt);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('moves through rows with the keyboard and selects with Enter and Space', async () => {
    const before = mount('<button>before</button>');
    const el = list();
    await until(el, 'complete');
    const ids = rowIds(el);
    assert.isAbove(ids.length, 2);
    const selections: IcsSelectEvent['detail'][] = [];
    el.addEventListener('ics-select', (e) => selections.push(e.detail));
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    assert.equal(focused()?.dataset.consumerId, ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    assert.equal(focused()?.dataset.consumerId, ids[1]);
    await sendKeys({ press: 'End' });
    assert.equal(focused()?.dataset.consumerId, ids.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    assert.equal(focused()?.dataset.consumerId, ids.at(-1), 'stays on the last row');
    await sendKeys({ press: 'Home' });
    assert.equal(focused()?.dataset.consumerId, ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const chains = await client().consumerChains({ phase: 'launched' });
    assert.deepEqual(selections, [{ consumerId: ids[1]!, chainId: chains.find((c) => c.consumerId === ids[1])!.chainId }]);
    assert.equal(el.selected, ids[1]);
    assert.equal(focused()?.getAttribute('aria-selected'), 'true');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    assert.equal(selections.at(-1)?.consumerId, ids[0]);
    // Only one row is a tab stop: Tab leaves the list.
    assert.equal($$(el, '[role="option"][tabindex="0"]').length, 1);
    await noAxe(el);
  });

  it("adds a validator's standing per row", async () => {
    const c = client();
    const launched = await c.consumerChains({ phase: 'launched' });
    const topN = launched.find((x) => x.kind === 'top-n')!;
    const [member] = await c.consumerValidators(topN.consumerId);
    const el = list(`validator="${member!.operatorAddress}"`);
    await until(el, 'complete');
    assert.include($(el, `[data-consumer-id="${topN.consumerId}"]`)!.textContent, 'In the set');
    assert.include(shadowText(el), 'standing of');
    await noAxe(el);
  });

  it('names a bad validator address and a bad phase, once each, in the element and the console', async () => {
    const [v] = await client().validators();
    let el!: IcsConsumerList;
    const warnings = await captureWarnings(async () => {
      el = list(`validator="${BAD_CHECKSUM_VALOPER}"`);
      await namesChecksumThenPrefix(el, v!.operatorAddress);
      el.validator = undefined;
      el.setAttribute('phase', 'running');
      await el.updateComplete;
      assert.match(shadowText(el), /"phase" must be one of/);
      el.requestUpdate();
      await el.updateComplete;
    });
    assert.lengthOf(warnings, 3);
    assert.match(warnings[0]!, /<ics-consumer-list> attribute "validator"/);
    assert.match(warnings[2]!, /attribute "phase"/);
    await noAxe(el);
  });

  it('renders hostile metadata as inert text: no markup, no javascript:, bidi and zero-width made visible', async () => {
    const el = list('phase="all" show-empty');
    await until(el, 'complete');
    const root = el.shadowRoot!;
    assert.equal(root.querySelectorAll('img, script, iframe, svg, object, embed, style:not([data-lit])').length, 0);
    for (const a of root.querySelectorAll('[href], [src], [action]')) assert.match(a.getAttribute('href') ?? '', /^https:/);
    assert.equal(root.querySelectorAll('[onerror], [onclick], [onload]').length, 0);
    const names = $$(el, '.name').map((n) => n.textContent ?? '');
    assert.isTrue(
      names.some((n) => n.includes('<')),
      'markup in a name shows as text',
    );
    for (const n of names) assert.notMatch(n, /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
    assert.isTrue(
      names.some((n) => /⟨U\+(202E|200B)⟩/.test(n)),
      'the hidden characters are shown',
    );
    // Long names are clipped, with the whole value in the title.
    for (const n of $$(el, '.name')) assert.isAtMost(Array.from(n.textContent ?? '').length, 50);
    // Look-alikes are marked.
    assert.isAbove($$(el, '.badge.warn').length, 0, 'a look-alike name is flagged');
    await noAxe(el);
  });

  it('passes axe in dark theme', async () => {
    const el = list('theme="dark"');
    await until(el, 'complete');
    assert.equal(getComputedStyle(el).colorScheme, 'dark');
    await noAxe(el);
  });

  describe('progressively', () => {
    it('shows the rows before their figures, busy and worded, in partial (axe passes), then complete with every figure', async () => {
      await devnet.faults({ latencyMs: 700, pathPrefix: SET_PATH() });
      // With show-empty no row waits on its figures to be shown (none can turn out to be spam).
      const el = list('show-empty');
      await until(el, 'partial');
      const launched = await client().consumerChains({ phase: 'launched' });
      assert.sameMembers(
        rowIds(el),
        launched.map((c) => c.consumerId),
        'every launched chain is a row before any figure',
      );
      assert.isAbove(pendingRows(el).length, 0);
      const pending = pendingRows(el)[0]!;
      assert.include(pending.textContent, 'Figures loading');
      assert.notMatch(pending.textContent!, /of provider stake/);
      assert.include(pending.textContent, 'Launched', 'what the chain list says is shown at once');
      assert.match($(el, '[aria-live="polite"]')!.textContent!, /figures loading/);
      await noAxe(el);
      await until(el, 'complete');
      assert.lengthOf(pendingRows(el), 0);
      assert.notMatch($(el, '[aria-live="polite"]')!.textContent!, /figures loading/);
      const c = client();
      for (const chain of await withValidators(launched)) {
        const set = await c.consumerValidators(chain.consumerId);
        const row = $(el, `[data-consumer-id="${chain.consumerId}"]`)!;
        assert.include(row.textContent!.replace(/\s+/g, ' '), `${set.length} ${set.length === 1 ? 'validator' : 'validators'}`, `#${chain.consumerId}`);
      }
    });

    it('reads the figures of the rows in view first, a few at a time', async () => {
      await devnet.faults({ latencyMs: 400, pathPrefix: SET_PATH() });
      const fetches = countFetches();
      try {
        const el = list('phase="all" show-empty style="--ics-consumer-list-height: 10rem"');
        await until(el, 'partial');
        const order = rowIds(el);
        assert.isAbove(order.length, 30);
        assert.isAtMost(setReads(fetches.urls).length, 6, 'no more than six reads at once');
        // Scrolled to the foot while the first reads are out: the rows now in view go next.
        await footReadNext(el, '[role="listbox"]', () => setReads(fetches.urls), order, 8, 3);
      } finally {
        fetches.restore();
      }
    });

    it('reads no row away from the screen until the rows on screen have their figures, then the rest', async () => {
      await devnet.faults({ latencyMs: 400, pathPrefix: SET_PATH() });
      // Each set read's start and end, by consumer id: what was read before what finished.
      const reads: { id: string; start: number; end: number }[] = [];
      const original = window.fetch;
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const id = /\/consumer_validators\/(\d+)/.exec(String(input))?.[1];
        const read = { id: id ?? '', start: performance.now(), end: Infinity };
        if (id) reads.push(read);
        try {
          return await original(input, init);
        } finally {
          read.end = performance.now();
        }
      };
      try {
        const el = list('phase="all" show-empty style="--ics-consumer-list-height: 10rem"');
        await until(el, 'partial');
        const listbox = $(el, '[role="listbox"]')!;
        const rows = $$(el, '[role="option"]');
        assert.isAbove(rows.length, 30);
        // Stopped and deleted chains have no set to read: their rows are complete from the start.
        const toRead = pendingRows(el).map((r) => r.dataset.consumerId!);
        const top = listbox.getBoundingClientRect().top;
        // A screen: the element's whole height (the list's own view is that less the header; the
        // observer may see the view before the header takes its place, so this errs wide).
        const screen = el.getBoundingClientRect().height;
        const within = (screens: number) => rows.filter((r) => r.getBoundingClientRect().top - top <= screens * screen).map((r) => r.dataset.consumerId!);
        const onScreen = within(1).filter((id) => toRead.includes(id));
        const near = within(2);
        await until(el, 'complete', 20_000);
        const screenRead = Math.max(...reads.filter((r) => onScreen.includes(r.id)).map((r) => r.end));
        const early = reads.filter((r) => r.start < screenRead).map((r) => r.id);
        // The screen and the one below it (read next, so a scroll finds them read); nothing further.
        for (const id of early) assert.include(near, id, `read before the first screen was complete: ${early.join(' ')}`);
        assert.includeMembers(early, onScreen);
        assert.sameMembers([...new Set(reads.map((r) => r.id))], toRead, 'every row read in the end, once');
        assert.lengthOf(reads, toRead.length);
        assert.lengthOf(pendingRows(el), 0);
      } finally {
        window.fetch = original;
      }
    });

    it('moves no row while one has the focus; sorts once it leaves', async () => {
      await devnet.faults({ latencyMs: 500, pathPrefix: SET_PATH() });
      const el = list('show-empty');
      await until(el, 'partial');
      const order = rowIds(el);
      const focused = $(el, `[data-consumer-id="${order[0]}"]`)!;
      focused.focus();
      await until(el, 'complete');
      assert.deepEqual(rowIds(el), order, 'nothing moved under the focus');
      assert.equal(el.shadowRoot!.activeElement, focused);
      focused.blur();
      await el.updateComplete;
      const shares = $$(el, '[role="option"]').map((r) => Number(/([\d.]+)% of provider stake/.exec(r.textContent!)![1]));
      assert.deepEqual(
        shares,
        [...shares].sort((a, b) => b - a),
        'sorted by share once the focus left',
      );
    });

    it('without show-empty, shows no row that later vanishes as spam: rows join at the foot, none leaves', async () => {
      await devnet.faults({ latencyMs: 300, pathPrefix: SET_PATH() });
      const el = list('phase="all"');
      await until(el, 'partial');
      assert.match($(el, '[part="header"]')!.textContent!, /\d+ being checked/, 'the header says rows are coming');
      const seen: string[][] = [];
      while (el.matches(':state(partial)')) {
        seen.push(rowIds(el));
        await new Promise((r) => requestAnimationFrame(r));
      }
      await until(el, 'complete', 20_000);
      assert.isAbove(seen.length, 1, 'figures came in over more than one frame');
      for (const [i, ids] of seen.entries()) {
        const next = seen[i + 1] ?? ids;
        assert.deepEqual(next.slice(0, ids.length), ids, 'rows shown keep their place; new ones join at the foot');
      }
      const shownInPartial = new Set(seen.flat());
      const atComplete = new Set(rowIds(el));
      const vanished = [...shownInPartial].filter((id) => !atComplete.has(id));
      assert.deepEqual(vanished, [], 'every row shown during partial is still shown at complete');
      const all = await client().consumerChains({ phase: 'all' });
      const kept = await withValidators(all);
      assert.isBelow(kept.length, all.length, 'some chain is spam, so the check is not empty');
      assert.sameMembers(
        [...atComplete],
        kept.map((c) => c.consumerId),
      );
    });

    it("says in words when one row's figures cannot be read; the other rows are fine", async () => {
      const launched = await withValidators(await client().consumerChains({ phase: 'launched' }));
      // A chain whose id starts no other id, so the fault's path prefix hits its read only.
      const broken = launched.find((c) => !launched.some((o) => o !== c && o.consumerId.startsWith(c.consumerId)))!;
      await devnet.faults({ mode: 'error', status: 500, pathPrefix: SET_PATH(broken.consumerId) });
      const el = list();
      await until(el, 'complete');
      assert.include($(el, `[data-consumer-id="${broken.consumerId}"]`)!.textContent, 'Figures could not be read');
      for (const chain of launched.filter((c) => c !== broken)) {
        assert.include($(el, `[data-consumer-id="${chain.consumerId}"]`)!.textContent, 'of provider stake');
      }
      assert.match($(el, '[aria-live="polite"]')!.textContent!, /the figures of 1 could not be read/);
      await noAxe(el);
    });
  });
});
