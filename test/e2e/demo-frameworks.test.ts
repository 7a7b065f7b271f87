// End to end: the same explorer in React 19 (demo/react.html: the elements through
// ics-elements/react, React state) and in Vue 3 (demo/vue.html: the elements from Vue render
// functions, Vue refs), in Chromium against the devnet. The framework holds the selection, the
// chart's variant (and in Vue its top-K) and the elements' errors; the elements read the chain.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startDevnet } from '../../src/devnet/index.js';
import type { Devnet } from '../../src/devnet/index.js';
import { ProviderClient } from '../../src/index.js';
import type { ConsumerChain } from '../../src/index.js';
import type { IcsPowerChart } from '../../components/power-chart/define.js';
import { launchChromium } from '../helpers/chromium.js';
import { startDemoServer } from '../helpers/demo-server.js';

/** A port nothing listens on (taken and released), for a provider that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
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

const FRAMEWORKS: Framework[] = [
  { name: 'React', title: 'React 19', page: 'react', topK: false },
  { name: 'Vue', title: 'Vue 3', page: 'vue', topK: true },
];

for (const framework of FRAMEWORKS) {
  describe(`demo: the ${framework.title} explorer`, () => {
    let devnet: Devnet;
    let demo: Awaited<ReturnType<typeof startDemoServer>>;
    let browser: Browser;
    let page: Page;
    /** The launched chains the list shows: those with a validator set or opted-in validators. */
    let listed: ConsumerChain[];
    const pageErrors: string[] = [];

    before(async () => {
      devnet = await startDevnet({ blockTimeMs: 0 });
      demo = await startDemoServer();
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, colorScheme: 'light' });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const client = new ProviderClient({ rest: devnet.restUrl });
      const launched = await client.consumerChains({ phase: 'launched' });
      const sizes = await Promise.all(
        launched.map(async (c) => (await client.consumerValidators(c.consumerId)).length || (await client.optedInValidators(c.consumerId)).length),
      );
      listed = launched.filter((_, i) => sizes[i]! > 0);
    });
    after(async () => {
      await browser?.close();
      await demo?.server.close();
      await devnet?.stop();
    });

    const open = (rest: string) => page.goto(`${demo.url}${framework.page}.html?rest=${encodeURIComponent(rest)}`);
    const state = (selector: string, name: string) =>
      page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout: 20_000 });
    const row = (consumerId: string) => page.locator(`#list [role="option"][data-consumer-id="${consumerId}"]`);
    const selection = () => page.textContent('#selection');
    /** A listed chain no earlier test selected (its reads are not in the page's cache). */
    const used = new Set<string>();
    const unused = (): ConsumerChain => {
      const chain = listed.find((c) => !used.has(c.consumerId));
      assert.ok(chain, 'the devnet lists enough chains');
      used.add(chain.consumerId);
      return chain;
    };
    /** The card's consumer id and chain id as it shows them. */
    const cardIds = () => page.$eval('#card', (card) => [...card.shadowRoot!.querySelectorAll('.consumer-id, .chain-id')].map((el) => el.textContent));

    /** After a selection: the framework's text, the list's selected row, the card and the chart all name `chain`. */
    async function assertSelected(chain: ConsumerChain): Promise<void> {
      await page.waitForFunction((id) => (document.querySelector('#selection')?.textContent ?? '').startsWith(`Selected: #${id} `), chain.consumerId);
      assert.equal(await selection(), `Selected: #${chain.consumerId} (${chain.chainId})`);
      assert.equal(await row(chain.consumerId).getAttribute('aria-selected'), 'true', `${framework.name} passes the selection back to the list`);
      await page.waitForFunction((id) => (document.querySelector('#card')?.shadowRoot?.querySelector('.consumer-id')?.textContent ?? '') === `#${id}`, chain.consumerId, { timeout: 20_000 });
      await state('#card', 'complete');
      assert.deepEqual(await cardIds(), [`#${chain.consumerId}`, chain.chainId]);
      assert.equal(await page.$eval('#chart', (chart) => (chart as IcsPowerChart).consumerId), chain.consumerId);
      await state('#chart', 'complete');
    }

    it("lists the devnet's launched chains, nothing selected yet", async () => {
      assert.ok(listed.length >= 3, 'the scenario launches several chains');
      await open(devnet.restUrl);
      await state('#list', 'complete');
      const ids = await page.$$eval('#list [role="option"]', (rows) => rows.map((r) => r.getAttribute('data-consumer-id')));
      assert.deepEqual([...ids].sort(), listed.map((c) => c.consumerId).sort());
      assert.match((await selection()) ?? '', /^Nothing selected/);
      assert.equal(await page.$('#card'), null, `${framework.name} renders the card only once a chain is selected`);
      assert.equal(await page.$('#errors'), null);
    });

    it(`a click on a row puts the chain in ${framework.name} state; the card and the chart follow`, async () => {
      const chain = unused();
      await row(chain.consumerId).click();
      await assertSelected(chain);
    });

    it('Enter on a focused row selects too', async () => {
      const chain = unused();
      await row(chain.consumerId).focus();
      await page.keyboard.press('Enter');
      await assertSelected(chain);
    });

    it(`the chart's variant follows ${framework.name}'s select`, async () => {
      // What the chart draws, by its legend's first entry: one per variant.
      const LEGEND = { bars: 'Share of power', cumulative: 'Running share of power', compare: 'Provider power' } as const;
      const legend = () => page.$eval('#chart', (chart) => chart.shadowRoot!.querySelector('[part~="legend"] li')?.textContent?.trim() ?? '');
      assert.equal(await page.$eval('#chart', (chart) => (chart as IcsPowerChart).variant), 'bars');
      assert.equal(await legend(), LEGEND.bars);
      for (const variant of ['cumulative', 'compare', 'bars'] as const) {
        await page.selectOption('#chart-variant', variant);
        await page.waitForFunction((v) => document.querySelector('#chart')?.getAttribute('variant') === v, variant);
        await state('#chart', 'complete');
        assert.equal(await legend(), LEGEND[variant]);
      }
      // For a person to look at; a reviewed copy is committed as demo/screenshots/<page>-app.png (npm run screenshots).
      mkdirSync('.cache/screenshots', { recursive: true });
      await page.screenshot({ path: `.cache/screenshots/${framework.page}-app.png`, fullPage: true });
      assert.deepEqual(pageErrors, []);
    });

    if (framework.topK) it('top-K: Vue sets the chart\'s limit as a property (.limit), a number, and the chart draws K bars and "others"', async () => {
      const chart = () =>
        page.$eval('#chart', (el) => {
          const c = el as IcsPowerChart;
          return { limit: c.limit, attribute: c.getAttribute('limit'), bars: c.shadowRoot!.querySelectorAll('[part~="bar"]').length, others: c.shadowRoot!.querySelectorAll('[part~="bar"].others').length };
        });
      const all = await chart();
      assert.equal(all.limit, undefined);
      assert.ok(all.bars > 3, `the chain has more than 3 validators (${all.bars} bars)`);
      await page.fill('#chart-limit', '3');
      await page.waitForFunction(() => (document.querySelector('#chart') as IcsPowerChart | null)?.limit === 3);
      await state('#chart', 'complete');
      assert.deepEqual(await chart(), { limit: 3, attribute: null, bars: 4, others: 1 });
      // Cleared: Vue unsets the number property by setting 0, which the chart reads as "every validator".
      await page.fill('#chart-limit', '');
      await page.waitForFunction(() => (document.querySelector('#chart') as IcsPowerChart | null)?.limit === 0);
      await state('#chart', 'complete');
      assert.deepEqual(await chart(), { limit: 0, attribute: null, bars: all.bars, others: 0 });
    });

    it(`an element's ics-error reaches ${framework.name}'s error display`, async () => {
      // The provider fails every read of one chain's details: the card and the chart report it.
      const chain = unused();
      devnet.setFaults({ mode: 'error', status: 500, pathPrefix: `/interchain_security/ccv/provider/consumer_chain/${chain.consumerId}` });
      try {
        await row(chain.consumerId).click();
        await page.waitForSelector('#errors li', { timeout: 20_000 });
        await state('#card', 'error');
        const shown = await page.$eval('#card', (card) => card.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim() ?? '');
        const errors = await page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent ?? ''));
        assert.ok(errors.some((e) => e.startsWith('card: ') && shown.includes(e.slice('card: '.length))), `${JSON.stringify(errors)} vs the card's "${shown}"`);
      } finally {
        devnet.setFaults(null);
      }
      // The framework forgets the card's and chart's errors when another chain is chosen.
      const next = unused();
      await row(next.consumerId).click();
      await assertSelected(next);
      assert.equal(await page.$('#errors'), null);
    });

    it(`a provider that cannot be reached: the list's ics-error reaches ${framework.name}`, async () => {
      await open(`http://127.0.0.1:${await closedPort()}`);
      await state('#list', 'error');
      await page.waitForSelector('#errors li');
      const errors = await page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0]!, /^list: .*(reach|network|connect)/i);
    });
  });
}
