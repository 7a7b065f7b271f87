// End to end: the demo's first page (the elements on a consumer chain's site and on a dashboard)
// and its client-core page (a plain table), in Chromium, reading the devnet over HTTP.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Devnet } from '../../devnet/index.js';
import { startDemoStack, stopDemoStack } from '../helpers/demo-server.js';
import type { DemoServer } from '../helpers/demo-server.js';

describe('demo: the first page shows the elements', () => {
  let devnet: Devnet;
  let demo: DemoServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    ({ devnet, demo, browser } = await startDemoStack());
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
  });
  after(() => stopDemoStack({ devnet, demo, browser }));

  const state = (selector: string, name: string) =>
    page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout: 30_000 });
  const shadowText = (selector: string) => page.$eval(selector, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

  it("a consumer chain's site: its card and its validators' power, read from the devnet", async () => {
    await page.goto(`${demo.url}?rest=${encodeURIComponent(devnet.restUrl)}`);
    await state('#site-card', 'complete');
    await state('#site-chart', 'complete');
    assert.match(await shadowText('#site-card'), /#0.*neutron-1/);
    assert.match(
      (await page.$eval('#site-chart', (el) => el.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label'))) ?? '',
      /validators? secure/,
    );
  });

  it('a dashboard: the list, and the selected chain in the card and the chart', async () => {
    await state('#list', 'complete');
    await state('#card', 'complete');
    await state('#chart', 'complete');
    await page.locator('#list [role="option"][data-consumer-id="4"]').click();
    await page.waitForFunction(() => document.querySelector('#card')?.shadowRoot?.querySelector('.consumer-id')?.textContent === '#4');
    await state('#card', 'complete');
    await state('#chart', 'complete');
    assert.match((await page.textContent('#selection')) ?? '', /#4 \(dungeon-1\)/);
    // Back to the first look for the screenshot.
    await page.locator('#list [role="option"][data-consumer-id="1"]').click();
    await state('#chart', 'complete');
    mkdirSync('.cache/screenshots', { recursive: true });
    await page.screenshot({ path: '.cache/screenshots/demo-first-page.png', fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('links to the other demos, the client-core table one link away', async () => {
    const links = await page.$$eval('nav.more a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['./elements.html', './validator.html', './react.html', './vue.html', './core.html']);
  });
});

describe('demo: the client-core page (a plain table)', () => {
  let devnet: Devnet;
  let demo: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ devnet, demo, browser } = await startDemoStack());
  });
  // Each test on its own: the devnet back at its start and a fresh page.
  beforeEach(async () => {
    devnet.reset();
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  });
  after(() => stopDemoStack({ devnet, demo, browser }));

  const open = (rest: string) => page.goto(`${demo.url}core.html?rest=${encodeURIComponent(rest)}`);

  it('lists the launched consumer chains with their ids, names as text', async () => {
    await open(devnet.restUrl);
    await page.waitForSelector('#chains tbody tr', { timeout: 15_000 });
    // The default scenario's launched chains, by consumer id (written out, not read through the
    // client the page itself uses).
    const expected = [
      ['0', 'neutron-1'],
      ['1', 'stride-1'],
      ['2', 'elys-1'],
      ['3', 'intento-1'],
      ['4', 'dungeon-1'],
      ['9', 'neutron-l'],
      ['11', 'safe-chain-1'],
    ];
    const rows = await page.$$eval('#chains tbody tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')));
    assert.equal(rows.length, expected.length);
    assert.deepEqual(
      rows.map((r) => [r[1], r[2]]),
      expected,
    );
    assert.match((await page.textContent('#status')) ?? '', /\b7 consumer chains/);
    // For a person to look at; a reviewed copy is committed under demo/screenshots/.
    mkdirSync('.cache/screenshots', { recursive: true });
    await page.screenshot({ path: '.cache/screenshots/demo-consumer-chains.png', fullPage: true });
  });

  it('renders hostile metadata as inert text in the "all" view', async () => {
    await open(devnet.restUrl);
    await page.waitForSelector('#chains tbody tr', { timeout: 15_000 });
    await page.selectOption('#phase', 'all');
    await page.waitForFunction(() => /\(all\)/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.equal(await page.$$eval('#chains img, #chains script, #chains a', (els) => els.length), 0);
    const names = await page.$$eval('#chains td.name', (tds) => tds.map((td) => td.textContent ?? ''));
    assert.ok(
      names.some((n) => n.includes('<img')),
      'the markup shows as text',
    );
    assert.ok(
      names.every((n) => !/[\u202A-\u202E\u200B]/.test(n)),
      'bidi and zero-width characters are made visible',
    );
  });

  it('says in words when the provider has no ICS module', async () => {
    devnet.setIcsMode('absent');
    await open(devnet.restUrl);
    await page.waitForFunction(() => /not available/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.match((await page.textContent('#status')) ?? '', /ICS is not available on provider-devnet-1/);
    assert.equal(await page.isHidden('#chains'), true);
    devnet.setIcsMode('v7');
  });
});
