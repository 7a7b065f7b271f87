// End to end: the same explorer in React 19 (demo/react.html: the elements through
// ics-elements/react, React state) and in Vue 3 (demo/vue.html: the elements from Vue render
// functions, Vue refs), in Chromium against the devnet. The framework holds the selection, the
// chart's variant (and in Vue its top-K) and the elements' errors; the elements read the chain.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { IcsPowerChart } from '../../components/power-chart/define.js';
import { useDemo } from '../helpers/demo-session.js';

/**
 * A provider that cannot be reached: a loopback server on a port of its own (port 0, read back,
 * held until closed, so nothing else can take it meanwhile) that drops every connection.
 */
async function deadProvider(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Framework {
  /** As the tests say it: "React", "Vue". */
  name: string;
  title: string;
  /** The demo page, and the screenshot's name. */
  page: string;
  /** The page has a top-K box bound to the chart's `limit` property. */
  topK: boolean;
}

/**
 * The launched chains the list shows (those with a validator set or opted-in validators), written
 * out from the default scenario rather than read through the client the list itself uses: every
 * launched chain there has validators.
 */
const LISTED: ReadonlyArray<{ consumerId: string; chainId: string }> = [
  { consumerId: '0', chainId: 'neutron-1' },
  { consumerId: '1', chainId: 'stride-1' },
  { consumerId: '2', chainId: 'elys-1' },
  { consumerId: '3', chainId: 'intento-1' },
  { consumerId: '4', chainId: 'dungeon-1' },
  { consumerId: '9', chainId: 'neutron-l' },
  { consumerId: '11', chainId: 'safe-chain-1' },
];

const FRAMEWORKS: Framework[] = [
  { name: 'React', title: 'React 19', page: 'react', topK: false },
  { name: 'Vue', title: 'Vue 3', page: 'vue', topK: true },
];

for (const framework of FRAMEWORKS) {
  describe(`demo: the ${framework.title} explorer`, () => {
    // Each test on its own: the devnet back at its start, no fault, and a fresh page on it with the
    // list loaded (nothing selected, nothing cached from an earlier test).
    const demo = useDemo({ viewport: { width: 1200, height: 1000 }, colorScheme: 'light' });
    beforeEach(async () => {
      demo.devnet.setFaults(null);
      await open(demo.devnet.restUrl);
      await state('#list', 'complete');
    });

    const open = (rest: string) => demo.page.goto(`${demo.url}${framework.page}.html?rest=${encodeURIComponent(rest)}`);
    const state = (selector: string, name: string) =>
      demo.page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout: 20_000 });
    const row = (consumerId: string) => demo.page.locator(`#list [role="option"][data-consumer-id="${consumerId}"]`);
    const selection = () => demo.page.textContent('#selection');
    /** The n-th listed chain (the default scenario lists at least three). */
    const nth = (n: number): (typeof LISTED)[number] => {
      const chain = LISTED[n];
      assert.ok(chain, 'the devnet lists enough chains');
      return chain;
    };
    /** The card's consumer id and chain id as it shows them. */
    const cardIds = () => demo.page.$eval('#card', (card) => [...card.shadowRoot!.querySelectorAll('.consumer-id, .chain-id')].map((el) => el.textContent));

    /** After a selection: the framework's text, the list's selected row, the card and the chart all name `chain`. */
    async function assertSelected(chain: (typeof LISTED)[number]): Promise<void> {
      await demo.page.waitForFunction((id) => (document.querySelector('#selection')?.textContent ?? '').startsWith(`Selected: #${id} `), chain.consumerId);
      assert.equal(await selection(), `Selected: #${chain.consumerId} (${chain.chainId})`);
      assert.equal(await row(chain.consumerId).getAttribute('aria-selected'), 'true', `${framework.name} passes the selection back to the list`);
      await demo.page.waitForFunction(
        (id) => (document.querySelector('#card')?.shadowRoot?.querySelector('.consumer-id')?.textContent ?? '') === `#${id}`,
        chain.consumerId,
        { timeout: 20_000 },
      );
      await state('#card', 'complete');
      assert.deepEqual(await cardIds(), [`#${chain.consumerId}`, chain.chainId]);
      assert.equal(await demo.page.$eval('#chart', (chart) => (chart as IcsPowerChart).consumerId), chain.consumerId);
      await state('#chart', 'complete');
    }

    it("lists the devnet's launched chains, nothing selected yet", async () => {
      const ids = await demo.page.$$eval('#list [role="option"]', (rows) => rows.map((r) => r.getAttribute('data-consumer-id')));
      assert.deepEqual([...ids].sort(), LISTED.map((c) => c.consumerId).sort());
      assert.match((await selection()) ?? '', /^Nothing selected/);
      assert.equal(await demo.page.$('#card'), null, `${framework.name} renders the card only once a chain is selected`);
      assert.equal(await demo.page.$('#errors'), null);
    });

    it(`a click on a row puts the chain in ${framework.name} state; the card and the chart follow`, async () => {
      const chain = nth(0);
      await row(chain.consumerId).click();
      await assertSelected(chain);
    });

    it('Enter on a focused row selects too', async () => {
      const chain = nth(1);
      await row(chain.consumerId).focus();
      await demo.page.keyboard.press('Enter');
      await assertSelected(chain);
    });

    it(`the chart's variant follows ${framework.name}'s select`, async () => {
      // What the chart draws, by its legend's first entry: one per variant.
      const LEGEND = { bars: 'Share of power', cumulative: 'Running share of power', compare: 'Provider power' } as const;
      const legend = () => demo.page.$eval('#chart', (chart) => chart.shadowRoot!.querySelector('[part~="legend"] li')?.textContent?.trim() ?? '');
      await row(nth(0).consumerId).click();
      await assertSelected(nth(0));
      assert.equal(await demo.page.$eval('#chart', (chart) => (chart as IcsPowerChart).variant), 'bars');
      assert.equal(await legend(), LEGEND.bars);
      for (const variant of ['cumulative', 'compare', 'bars'] as const) {
        await demo.page.selectOption('#chart-variant', variant);
        await demo.page.waitForFunction((v) => document.querySelector('#chart')?.getAttribute('variant') === v, variant);
        await state('#chart', 'complete');
        assert.equal(await legend(), LEGEND[variant]);
      }
      // For a person to look at; a reviewed copy is committed as demo/screenshots/<page>-app.png (npm run screenshots).
      mkdirSync('.cache/screenshots', { recursive: true });
      await demo.page.screenshot({ path: `.cache/screenshots/${framework.page}-app.png`, fullPage: true });
      assert.deepEqual(demo.errors, []);
    });

    if (framework.topK)
      it('top-K: Vue sets the chart\'s limit as a property (.limit), a number, and the chart draws K bars and "others"', async () => {
        const chart = () =>
          demo.page.$eval('#chart', (el) => {
            const c = el as IcsPowerChart;
            return {
              limit: c.limit,
              attribute: c.getAttribute('limit'),
              bars: c.shadowRoot!.querySelectorAll('[part~="bar"]').length,
              others: c.shadowRoot!.querySelectorAll('[part~="bar"].others').length,
            };
          });
        // Chain 0 (133 validators in the default scenario) selected on this test's own page.
        await row(nth(0).consumerId).click();
        await assertSelected(nth(0));
        const all = await chart();
        assert.equal(all.limit, undefined);
        assert.ok(all.bars > 3, `the chain has more than 3 validators (${all.bars} bars)`);
        await demo.page.fill('#chart-limit', '3');
        await demo.page.waitForFunction(() => (document.querySelector('#chart') as IcsPowerChart | null)?.limit === 3);
        await state('#chart', 'complete');
        assert.deepEqual(await chart(), { limit: 3, attribute: null, bars: 4, others: 1 });
        // Cleared: Vue unsets the number property by setting 0, which the chart reads as "every validator".
        await demo.page.fill('#chart-limit', '');
        await demo.page.waitForFunction(() => (document.querySelector('#chart') as IcsPowerChart | null)?.limit === 0);
        await state('#chart', 'complete');
        assert.deepEqual(await chart(), { limit: 0, attribute: null, bars: all.bars, others: 0 });
      });

    it(`an element's ics-error reaches ${framework.name}'s error display`, async () => {
      // The provider fails every read of one chain's details: the card and the chart report it.
      const chain = nth(1);
      demo.devnet.setFaults({ mode: 'error', status: 500, pathPrefix: `/interchain_security/ccv/provider/consumer_chain/${chain.consumerId}` });
      try {
        await row(chain.consumerId).click();
        await demo.page.waitForSelector('#errors li', { timeout: 20_000 });
        await state('#card', 'error');
        const shown = await demo.page.$eval('#card', (card) => card.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim() ?? '');
        const errors = await demo.page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent ?? ''));
        assert.ok(
          errors.some((e) => e.startsWith('card: ') && shown.includes(e.slice('card: '.length))),
          `${JSON.stringify(errors)} vs the card's "${shown}"`,
        );
      } finally {
        demo.devnet.setFaults(null);
      }
      // The framework forgets the card's and chart's errors when another chain is chosen.
      const next = nth(2);
      await row(next.consumerId).click();
      await assertSelected(next);
      assert.equal(await demo.page.$('#errors'), null);
    });

    it(`a provider that cannot be reached: the list's ics-error reaches ${framework.name}`, async () => {
      const dead = await deadProvider();
      try {
        await open(dead.url);
        await state('#list', 'error');
      } finally {
        await dead.close();
      }
      await demo.page.waitForSelector('#errors li');
      const errors = await demo.page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0]!, /^list: .*(reach|network|connect)/i);
    });
  });
}
