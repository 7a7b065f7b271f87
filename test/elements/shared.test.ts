/// <reference types="mocha" />
// The shared pieces: safe text, number formatting, version-aware define, where an element gets
// its client (own attributes, <ics-provider-chain>, configure(), <meta>), and one client per config.
import { assert } from 'chai';
import { clip, formatCommission, formatPercent, formatPower, formatTokens, nameSkeleton, neutralise, safeHttpsUrl } from '../../src/format/index.js';
import { define } from '../../components/shared/define.js';
import { VERSION } from '../../components/shared/version.js';
import { configure, sharedClient } from '../../components/shared/clients.js';
import '../../components/provider-chain/define.js';
import '../../components/consumer-card/define.js';
import { IcsConsumerCard } from '../../components/consumer-card/define.js';
import type { IcsProviderChain } from '../../components/provider-chain/provider-chain.js';
import { clientContext } from '../../components/shared/context.js';
import { ContextProvider } from '@lit/context';
import { onDemand } from '../../components/shared/on-demand.js';
import { IcsError } from '../../src/index.js';
import { REST, captureWarnings, cleanUp, mount, shadowText, until } from './helpers.js';

describe('safe text', () => {
  it('shows bidi and zero-width characters as visible markers', () => {
    assert.equal(neutralise('abc\u202Efed'), 'abc⟨U+202E⟩fed');
    assert.equal(neutralise('a\u200Bb\uFEFFc\u2066d\u200F'), 'a⟨U+200B⟩b⟨U+FEFF⟩c⟨U+2066⟩d⟨U+200F⟩');
    assert.notMatch(neutralise('x\u202A\u202B\u202C\u202D\u202E\u2067\u2068\u2069\u200E\u200C\u200D'), /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it('clips by code point with the full value kept', () => {
    const long = '😀'.repeat(60);
    const c = clip(long, 50);
    assert.isTrue(c.clipped);
    assert.equal(Array.from(c.text).length, 50);
    assert.isTrue(c.text.endsWith('…'));
    assert.equal(c.full, long);
    assert.deepEqual(clip('short', 50), { text: 'short', full: 'short', clipped: false });
  });

  it('allows only https: links', () => {
    assert.equal(safeHttpsUrl('https://example.com/a'), 'https://example.com/a');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'http://example.com',
      'data:text/html,x',
      '//example.com',
      'https://user:pw@example.com',
      'https://exa\u202Emple.com',
      42,
    ]) {
      assert.isUndefined(safeHttpsUrl(bad), String(bad));
    }
  });

  it('folds look-alike names to one key', () => {
    const key = nameSkeleton('Neutron');
    for (const alike of ['neutr0n', 'Neu\u200Btron', 'N\u0435utron', 'NEUTRON ', 'neut-ron']) assert.equal(nameSkeleton(alike), key, alike);
    assert.notEqual(nameSkeleton('Stride'), key);
  });
});

describe('number formatting', () => {
  it('keeps bigint digits and rounds in the last place', () => {
    assert.equal(formatTokens(1_500_000n, 6, 'ATOM'), '1.5 ATOM');
    assert.equal(formatTokens(123_456_789_012_345_678_901n, 6, 'ATOM', 0), '123,456,789,012,346 ATOM');
    assert.equal(formatTokens(999_999n, 6, 'ATOM'), '1 ATOM');
    assert.equal(formatPower(1234n), '1,234');
    assert.equal(formatPower(12_345_678n), '12.3M');
  });

  it('formats percentages and commission rates', () => {
    assert.equal(formatPercent(0.9512), '95.1%');
    assert.equal(formatPercent(0.00001), '<0.1%');
    assert.equal(formatPercent(0), '0.0%');
    assert.equal(formatCommission('0.050000000000000000'), '5%');
    assert.equal(formatCommission('0.125000000000000000'), '12.5%');
    assert.equal(formatCommission('1.000000000000000000'), '100%');
    assert.equal(formatCommission('0.000050000000000000'), '0.01%');
    assert.equal(formatCommission('nonsense'), '–');
  });
});

describe('define()', () => {
  it('is silent when the same version registers a tag again (a second copy of the bundle)', async () => {
    const warnings = await captureWarnings(() => {
      class Twin extends IcsConsumerCard {}
      define('ics-consumer-card', Twin);
    });
    assert.deepEqual(warnings, []);
    assert.equal(customElements.get('ics-consumer-card'), IcsConsumerCard);
  });

  it('warns once, naming both versions, when another version owns the tag', async () => {
    const warnings = await captureWarnings(() => {
      class Newer extends IcsConsumerCard {
        static override version = '9.9.9';
      }
      define('ics-consumer-card', Newer);
    });
    assert.lengthOf(warnings, 1);
    assert.include(warnings[0], 'ics-elements 9.9.9');
    assert.include(warnings[0], `ics-elements ${VERSION}`);
    assert.include(warnings[0], '<ics-consumer-card>');
  });

  it('registers a new tag', () => {
    class Fresh extends IcsConsumerCard {}
    define('ics-test-fresh-card', Fresh);
    assert.equal(customElements.get('ics-test-fresh-card'), Fresh);
  });
});

describe('code loaded on demand', () => {
  it('imports once; a failed import rejects with a network IcsError in words and is tried again by the next call', async () => {
    let calls = 0;
    let fail = true;
    const load = onDemand(async () => {
      calls++;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module: https://cdn.example/figures-queue-x.js');
      return { value: 42 };
    }, 'the figures queue');
    const error: unknown = await load().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.instanceOf(error, IcsError);
    assert.equal((error as IcsError).kind, 'network');
    assert.equal(
      (error as IcsError).message,
      'Could not load the code of the figures queue: Failed to fetch dynamically imported module: https://cdn.example/figures-queue-x.js',
    );
    fail = false;
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(a.value, 42);
    assert.strictEqual(a, b);
    await load();
    assert.equal(calls, 2, 'the failed import and one good one; the good one is kept');
  });
});

describe('host styles', () => {
  afterEach(cleanUp);

  it('hides the host with the hidden attribute, and lets a page rule win over the defaults', async () => {
    const el = mount<IcsConsumerCard>(`<ics-consumer-card rest="${REST}" consumer-id="0" hidden></ics-consumer-card>`);
    await el.updateComplete;
    assert.equal(getComputedStyle(el).display, 'none');
    el.hidden = false;
    assert.equal(getComputedStyle(el).display, 'block');
    const style = document.createElement('style');
    style.textContent = 'ics-consumer-card.inline { display: inline-block; }';
    document.head.append(style);
    el.classList.add('inline');
    assert.equal(getComputedStyle(el).display, 'inline-block');
    style.remove();
  });
});

describe('first renders', () => {
  afterEach(cleanUp);

  it('elements connected in one task each render first in a task of their own; later updates come at once', async () => {
    const cards = [0, 1, 2].map(() => {
      const card = document.createElement('ics-consumer-card') as IcsConsumerCard;
      card.setAttribute('rest', REST);
      card.setAttribute('consumer-id', '0');
      return card;
    });
    const rendered = (card: IcsConsumerCard) => (card.shadowRoot?.childElementCount ?? 0) > 0;
    // What the others had drawn when each one's first render finished.
    const seen: boolean[][] = [];
    cards.forEach((card) => card.updateComplete.then(() => seen.push(cards.map(rendered))));
    mount('<div></div>').append(...cards);
    // Lit alone renders all three in the microtasks of the task that connected them.
    await Promise.resolve();
    assert.deepEqual(cards.map(rendered), [false, false, false]);
    await Promise.all(cards.map((card) => card.updateComplete));
    // In one task, the first card's callback would already see all three drawn.
    assert.deepEqual(seen, [
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
    // After the first render a change renders in the same task (a microtask), as Lit does.
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    cards[0]!.variant = 'compact';
    await cards[0]!.updateComplete;
    assert.isFalse(timerRan);
    assert.isNotNull(cards[0]!.shadowRoot!.querySelector('*'));
  });
});

/** The client an element got from its provider (a protected field, read for the test). */
const contextOf = (element: Element) => (element as unknown as { contextClient: unknown }).contextClient;

describe('where an element gets its client', () => {
  afterEach(async () => {
    configure(undefined);
    document.querySelector('meta[name="ics-provider-rest"]')?.remove();
    await cleanUp();
  });

  it('shares one client between equal configurations (URLs normalised)', () => {
    assert.strictEqual(sharedClient({ rest: REST }), sharedClient({ rest: `${REST}/` }));
    assert.notStrictEqual(sharedClient({ rest: REST }), sharedClient({ rest: REST, height: 5 }));
    // A page default with a short time limit is a client of its own: an element that asked for the
    // defaults never inherits its 0.3 s (that made a fault test fail on a loaded machine).
    const quick = sharedClient({ rest: REST, timeoutMs: 300 });
    assert.notStrictEqual(quick, sharedClient({ rest: REST }));
    assert.equal(quick.config.timeoutMs, 300);
    assert.equal(sharedClient({ rest: REST }).config.timeoutMs, 10_000);
  });

  it('says in words that no provider is set, without a warning', async () => {
    let el!: IcsConsumerCard;
    const warnings = await captureWarnings(async () => {
      el = mount<IcsConsumerCard>('<ics-consumer-card consumer-id="0"></ics-consumer-card>');
      await until(el, 'invalid');
    });
    assert.match(shadowText(el), /No provider chain to read/);
    assert.deepEqual(warnings, []);
  });

  it('names a bad endpoint, once, in the element and the console', async () => {
    let el!: IcsConsumerCard;
    const warnings = await captureWarnings(async () => {
      el = mount<IcsConsumerCard>('<ics-consumer-card rest="not a url" consumer-id="0"></ics-consumer-card>');
      await until(el, 'invalid');
      el.requestUpdate();
      await el.updateComplete;
    });
    assert.match(shadowText(el), /"rest" must be an http\(s\) URL/);
    assert.lengthOf(warnings, 1);
    assert.match(warnings[0]!, /<ics-consumer-card> attribute "rest"/);
  });

  it('uses the client of the nearest <ics-provider-chain>', async () => {
    const provider = mount(`<ics-provider-chain rest="${REST}"><ics-consumer-card consumer-id="0"></ics-consumer-card></ics-provider-chain>`);
    const card = provider.querySelector('ics-consumer-card')!;
    await until(card, 'complete');
    assert.strictEqual((provider as HTMLElementTagNameMap['ics-provider-chain']).client, sharedClient({ rest: REST }));
  });

  it('reaches children that connected before <ics-provider-chain> was defined', async () => {
    const box = mount(`<div><x-late-provider rest="${REST}"><ics-consumer-card consumer-id="0"></ics-consumer-card></x-late-provider></div>`);
    const card = box.querySelector('ics-consumer-card')!;
    await until(card, 'invalid');
    const { IcsProviderChain } = await import('../../components/provider-chain/provider-chain.js');
    customElements.define('x-late-provider', class extends IcsProviderChain {});
    await until(card, 'complete');
  });

  it('follows its provider: the nearest of nested ones, a changed attribute, and none once moved out', async () => {
    const outer = mount<IcsProviderChain>(
      `<ics-provider-chain rest="${REST}"><div><ics-provider-chain rest="${REST}" denom="stake"><ics-consumer-card consumer-id="0"></ics-consumer-card></ics-provider-chain></div></ics-provider-chain>`,
    );
    const inner = outer.querySelector('ics-provider-chain')!;
    const card = outer.querySelector('ics-consumer-card')!;
    await until(card, 'complete');
    assert.notStrictEqual(inner.client, outer.client);
    assert.strictEqual(contextOf(card), inner.client);
    // A new value reaches the subscribed card.
    inner.setAttribute('height', '3');
    await inner.updateComplete;
    assert.strictEqual(contextOf(card), sharedClient({ rest: REST, stakingDenom: 'stake', height: 3 }));
    // Moved out of both, it has no provider (and says so); moved back under the outer one, it takes its client.
    document.body.append(card);
    await until(card, 'invalid');
    assert.isUndefined(contextOf(card));
    outer.append(card);
    await until(card, 'complete');
    assert.strictEqual(contextOf(card), outer.client);
    card.remove();
  });

  it('meets a @lit/context provider of clientContext (the same protocol)', async () => {
    const box = mount('<div><ics-consumer-card consumer-id="0"></ics-consumer-card></div>');
    const card = box.querySelector('ics-consumer-card')!;
    await until(card, 'invalid');
    // A provider appearing later announces itself; the card asks again and takes its value.
    new ContextProvider(box, { context: clientContext, initialValue: sharedClient({ rest: REST }) }).hostConnected();
    await until(card, 'complete');
    assert.strictEqual(contextOf(card), sharedClient({ rest: REST }));
  });

  it('falls back to configure() and then to <meta name="ics-provider-rest">', async () => {
    const meta = document.createElement('meta');
    meta.name = 'ics-provider-rest';
    meta.content = REST;
    document.head.append(meta);
    const card = mount<IcsConsumerCard>('<ics-consumer-card consumer-id="0"></ics-consumer-card>');
    await until(card, 'complete');
    meta.remove();
    const other = mount<IcsConsumerCard>('<ics-consumer-card consumer-id="0"></ics-consumer-card>');
    await until(other, 'invalid');
    configure({ rest: REST });
    await until(other, 'complete');
  });
});
