// End to end: the demo's first page (the elements on a consumer chain's site and on a dashboard)
// and its client-core page (a plain table), in Chromium, reading the devnet over HTTP.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useDemo } from '../helpers/demo-session.js';

describe('demo: the first page shows the elements', () => {
  const demo = useDemo({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', onePage: true, consoleErrors: true });

  const state = (selector: string, name: string) =>
    demo.page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout: 30_000 });
  const shadowText = (selector: string) => demo.page.$eval(selector, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

  it("a consumer chain's site: its card and its validators' power, read from the devnet", async () => {
    await demo.page.goto(`${demo.url}?rest=${encodeURIComponent(demo.devnet.restUrl)}`);
    await state('#site-card', 'complete');
    await state('#site-chart', 'complete');
    assert.match(await shadowText('#site-card'), /#0.*neutron-1/);
    assert.match(
      (await demo.page.$eval('#site-chart', (el) => el.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label'))) ?? '',
      /validators? secure/,
    );
  });

  it('a dashboard: the list, and the selected chain in the card and the chart', async () => {
    await state('#list', 'complete');
    await state('#card', 'complete');
    await state('#chart', 'complete');
    await demo.page.locator('#list [role="option"][data-consumer-id="4"]').click();
    await demo.page.waitForFunction(() => document.querySelector('#card')?.shadowRoot?.querySelector('.consumer-id')?.textContent === '#4');
    await state('#card', 'complete');
    await state('#chart', 'complete');
    assert.match((await demo.page.textContent('#selection')) ?? '', /#4 \(dungeon-1\)/);
    // Back to the first look for the screenshot.
    await demo.page.locator('#list [role="option"][data-consumer-id="1"]').click();
    await state('#chart', 'complete');
    mkdirSync('.cache/screenshots', { recursive: true });
    await demo.page.screenshot({ path: '.cache/screenshots/demo-first-page.png', fullPage: true });
    assert.deepEqual(demo.errors, []);
  });

  it('links to the other demos, the client-core table one link away', async () => {
    const links = await demo.page.$$eval('nav.more a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['./elements.html', './validator.html', './react.html', './vue.html', './core.html']);
  });
});

describe('demo: the client-core page (a plain table)', () => {
  const demo = useDemo({ viewport: { width: 1100, height: 800 } });

  const open = (rest: string) => demo.page.goto(`${demo.url}core.html?rest=${encodeURIComponent(rest)}`);

  it('lists the launched consumer chains with their ids, names as text', async () => {
    await open(demo.devnet.restUrl);
    await demo.page.waitForSelector('#chains tbody tr', { timeout: 15_000 });
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
    const rows = await demo.page.$$eval('#chains tbody tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')));
    assert.equal(rows.length, expected.length);
    assert.deepEqual(
      rows.map((r) => [r[1], r[2]]),
      expected,
    );
    assert.match((await demo.page.textContent('#status')) ?? '', /\b7 consumer chains/);
    // For a person to look at; a reviewed copy is committed under demo/screenshots/.
    mkdirSync('.cache/screenshots', { recursive: true });
    await demo.page.screenshot({ path: '.cache/screenshots/demo-consumer-chains.png', fullPage: true });
  });

  it('renders hostile metadata as inert text in the "all" view', async () => {
    await open(demo.devnet.restUrl);
    await demo.page.waitForSelector('#chains tbody tr', { timeout: 15_000 });
    await demo.page.selectOption('#phase', 'all');
    await demo.page.waitForFunction(() => /\(all\)/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.equal(await demo.page.$$eval('#chains img, #chains script, #chains a', (els) => els.length), 0);
    const names = await demo.page.$$eval('#chains td.name', (tds) => tds.map((td) => td.textContent ?? ''));
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
    demo.devnet.setIcsMode('absent');
    await open(demo.devnet.restUrl);
    await demo.page.waitForFunction(() => /not available/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.match((await demo.page.textContent('#status')) ?? '', /ICS is not available on provider-devnet-1/);
    assert.equal(await demo.page.isHidden('#chains'), true);
    demo.devnet.setIcsMode('v7');
  });
});
