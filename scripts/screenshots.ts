// `npm run screenshots`: each element in light and dark, from the elements demo page served by
// Vite against a fresh devnet, in Debian's Chromium (playwright-core, never a downloaded
// browser). Writes demo/screenshots/<element>-<theme>.png, plus the whole page per theme.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createServer } from 'vite';
import { startDevnet } from '../src/devnet/index.js';

const FLAGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// SCREENSHOTS_DIR writes elsewhere (to look at a change without touching the committed pictures).
const OUT = process.env.SCREENSHOTS_DIR ?? 'demo/screenshots';
const ELEMENTS = [
  ['#list', 'consumer-list'],
  ['#card', 'consumer-card'],
  ['#validator', 'validator-chains'],
  ['#chart', 'power-chart'],
] as const;

/**
 * The power chart in each variant (the page highlights the validator shown below it; compare
 * with pending validators shown), then the bars at 320 px wide.
 */
async function chartShots(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const settle = async () => {
    await page.waitForFunction(() => document.querySelector('#chart')?.matches(':state(complete)'), undefined, { timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  for (const variant of ['bars', 'cumulative', 'compare'] as const) {
    await page.evaluate(
      ([v, consumer]) => {
        const chart = document.querySelector('ics-power-chart')!;
        chart.variant = v;
        chart.consumerId = consumer;
        chart.limit = v === 'bars' ? 40 : undefined;
        chart.showPending = v === 'compare';
      },
      [variant, variant === 'compare' ? '1' : '0'] as const,
    );
    await settle();
    await page.locator('#chart').screenshot({ path: `${OUT}/power-chart-${variant}-${theme}.png` });
    console.log(`${OUT}/power-chart-${variant}-${theme}.png`);
  }
  await page.setViewportSize({ width: 320, height: 1000 });
  await page.evaluate(() => {
    const chart = document.querySelector('ics-power-chart')!;
    chart.variant = 'bars';
    chart.consumerId = '0';
    chart.limit = 12;
  });
  await settle();
  await page.locator('#chart').screenshot({ path: `${OUT}/power-chart-bars-320-${theme}.png` });
  console.log(`${OUT}/power-chart-bars-320-${theme}.png`);
}

const devnet = await startDevnet({ blockTimeMs: 0, port: 0 });
const server = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: { port: 0, strictPort: false },
  logLevel: 'error',
});
await server.listen();
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
mkdirSync(OUT, { recursive: true });
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, colorScheme: theme, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${base}elements.html?rest=${encodeURIComponent(devnet.restUrl)}&theme=${theme}`);
    for (const [selector] of ELEMENTS) {
      await page.waitForFunction((s) => document.querySelector(s)?.matches(':state(complete)'), selector, { timeout: 20_000 });
    }
    // Fonts and the last render settle before the picture.
    await page.evaluate(() => document.fonts.ready);
    for (const [selector, name] of ELEMENTS) {
      await page.locator(selector).screenshot({ path: `${OUT}/${name}-${theme}.png` });
      console.log(`${OUT}/${name}-${theme}.png`);
    }
    await page.screenshot({ path: `${OUT}/elements-page-${theme}.png`, fullPage: true });
    console.log(`${OUT}/elements-page-${theme}.png`);
    await chartShots(page, theme);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await devnet.stop();
}
