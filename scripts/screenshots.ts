// `npm run screenshots`: each element in light and dark, from the elements demo page served by
// Vite against a fresh devnet, in Debian's Chromium (playwright-core, never a downloaded
// browser). Writes demo/screenshots/<element>-<theme>.png, plus the whole page per theme.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
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
const OUT = 'demo/screenshots';
const ELEMENTS = [
  ['#list', 'consumer-list'],
  ['#card', 'consumer-card'],
  ['#validator', 'validator-chains'],
] as const;

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
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await devnet.stop();
}
