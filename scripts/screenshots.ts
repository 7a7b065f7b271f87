// `npm run screenshots`: each element in light and dark, from the elements demo page served by
// Vite against a fresh devnet, in Debian's Chromium (playwright-core, never a downloaded
// browser). Writes demo/screenshots/<element>-<theme>.png, plus the whole page per theme.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startDevnet } from '../devnet/index.js';
import { launchChromium } from '../test/helpers/chromium.js';
import { startDemoServer } from '../test/helpers/demo-server.js';

// SCREENSHOTS_DIR writes elsewhere (to look at a change without touching the committed pictures).
const OUT = process.env.SCREENSHOTS_DIR ?? 'demo/screenshots';
const ELEMENTS = [
  ['#list', 'consumer-list'],
  ['#card', 'consumer-card'],
  ['#validator', 'validator-chains'],
  ['#chart', 'power-chart'],
] as const;
/** The acting elements on the validator demo page, by selector. */
const ACTING = { '#join': 'opt-in-button', '#settings': 'validator-settings' } as const;
type Acting = keyof typeof ACTING;

/** Waits until the element matches `:state(name)`; when it never does, says what it shows instead. */
async function reach(page: Page, selector: string, name = 'complete'): Promise<void> {
  try {
    await page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout: 20_000 });
  } catch (error) {
    const text = await page.evaluate((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), selector);
    throw new Error(`${selector} never reached :state(${name}): ${text.slice(0, 400)}`, { cause: error });
  }
}

/** Writes `<OUT>/<file>.png`, the element's picture (the whole page without a selector), and prints its path. */
async function picture(page: Page, file: string, selector?: string): Promise<void> {
  const path = `${OUT}/${file}.png`;
  await (selector === undefined ? page.screenshot({ path, fullPage: true }) : page.locator(selector).screenshot({ path }));
  console.log(path);
}

/** Clicks the element's first button of that name (a string names it exactly). */
function press(page: Page, selector: string, name: string | RegExp): Promise<void> {
  return page
    .locator(selector)
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .click();
}

/**
 * The power chart in each variant (the page highlights the validator shown below it; compare
 * with pending validators shown), then the bars at 320 px wide.
 */
async function chartShots(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const settle = async () => {
    await reach(page, '#chart');
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
    await picture(page, `power-chart-${variant}-${theme}`, '#chart');
  }
  await page.setViewportSize({ width: 320, height: 1000 });
  await page.evaluate(() => {
    const chart = document.querySelector('ics-power-chart')!;
    chart.variant = 'bars';
    chart.consumerId = '0';
    chart.limit = 12;
  });
  await settle();
  await picture(page, `power-chart-bars-320-${theme}`, '#chart');
}

/**
 * The acting elements in each state, from the validator demo page (its test wallet signs for a
 * devnet test operator): `opt-in-button-<state>-<theme>.png`, `validator-settings-<state>-<theme>.png`
 * and the whole page. Transactions really go to the devnet; it is reset first.
 */
async function validatorShots(page: Page, theme: 'light' | 'dark'): Promise<void> {
  devnet.reset();
  const { testOperator } = await import('../devnet/test-keys.js');
  const url = (query: Record<string, string>) =>
    `${base}validator.html?${new URLSearchParams({ rest: devnet.restUrl, rpc: devnet.rpcUrl, theme, ...query }).toString()}`;
  /** The element's picture, named after the state it shows. */
  const shot = async (selector: Acting, state: string) => {
    await page.evaluate(() => document.fonts.ready);
    await picture(page, `${ACTING[selector]}-${state}-${theme}`, selector);
  };
  /** Waits for the state, then takes its picture. */
  const shotOnReaching = async (selector: Acting, state: string) => {
    await reach(page, selector, state);
    await shot(selector, state);
  };
  const click = (selector: Acting, name: string | RegExp) => press(page, selector, name);
  /** Opens the confirmation panel with its button, fills the panel's field, and takes its picture. */
  const shotConfirming = async (selector: Acting, button: string, field: string, value: string) => {
    await click(selector, button);
    await reach(page, selector, 'confirming');
    await page.locator(`${selector} ${field}`).fill(value);
    await shot(selector, 'confirming');
  };
  const connect = async () => {
    await reach(page, '#join', 'connect');
    await click('#join', /^Connect/);
  };

  await page.goto(url({ operator: 'newcomer', consumer: '4', wallet: 'none' }));
  await shotOnReaching('#join', 'no-wallet');
  await page.goto(url({ operator: 'newcomer', consumer: '4', validator: testOperator('opted').operator }));
  await connect();
  await shotOnReaching('#join', 'wrong-account');

  await page.goto(url({ operator: 'newcomer', consumer: '4' }));
  await shotOnReaching('#join', 'connect');
  await connect();
  await reach(page, '#join', 'not-opted-in');
  await reach(page, '#settings', 'ready');
  await shot('#join', 'not-opted-in');
  await shot('#settings', 'ready');
  await shotConfirming('#join', 'Opt in', 'textarea', '{"@type":"/cosmos.crypto.ed25519.PubKey","key":"Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is="}');
  // Pending: a wallet that never answers holds the element in "waiting for your signature".
  await page.evaluate(() => {
    const w = (window as unknown as { __testWallet: { signDirect: () => Promise<never> } }).__testWallet;
    w.signDirect = () => new Promise<never>(() => undefined);
  });
  await click('#join', 'Confirm opt-in');
  await reach(page, '#join', 'pending');
  await page.waitForFunction(() => /signature/.test(document.querySelector('#join')?.shadowRoot?.textContent ?? ''));
  await shot('#join', 'pending');

  await page.goto(url({ operator: 'newcomer', consumer: '4' }));
  await connect();
  await reach(page, '#join', 'not-opted-in');
  await click('#join', 'Opt in');
  await click('#join', 'Confirm opt-in');
  await shotOnReaching('#join', 'confirmed');
  await click('#join', 'Close');
  await shotOnReaching('#join', 'next-epoch');
  devnet.advanceToEpochEnd();
  await page.evaluate(() => document.querySelector<HTMLElement & { retry(): void }>('#join')!.retry());
  await shotOnReaching('#join', 'active');
  await page.waitForFunction(() => /Validating/.test(document.querySelector('#chains')?.shadowRoot?.textContent ?? ''), undefined, { timeout: 20_000 });
  // Every chain checked (the list fills in progressively): the page as its reader sees it once loaded.
  await reach(page, '#chains');
  await picture(page, `validator-page-${theme}`);
  await click('#join', 'Opt out');
  await click('#join', 'Confirm opt-out');
  await reach(page, '#join', 'confirmed');
  await click('#join', 'Close');
  await shotOnReaching('#join', 'opt-out-pending');
  // A refusal: another validator's provider key, said in words before anything is signed.
  const topKey = devnet.state().validators.find((v) => v.operatorAddress === testOperator('top').operator)?.consensusKey;
  await click('#join', 'Opt in again');
  await page.locator('#join textarea').fill(JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key: topKey ?? '' }));
  await click('#join', 'Confirm opt-in');
  await shotOnReaching('#join', 'failed');

  // Settings: the commission panel, a refusal below the minimum, a change confirmed.
  await shotConfirming('#settings', 'Change commission', 'input', '2');
  await click('#settings', 'Confirm commission');
  await shotOnReaching('#settings', 'failed');
  await click('#settings', 'Back');
  await click('#settings', 'Change commission');
  await page.locator('#settings input').fill('7.5');
  await click('#settings', 'Confirm commission');
  await shotOnReaching('#settings', 'confirmed');

  await page.goto(url({ operator: 'top', consumer: '0' }));
  await shotOnReaching('#join', 'must-validate');
  await page.goto(url({ operator: 'newcomer', consumer: '7' }));
  await shotOnReaching('#join', 'wrong-phase');
  await shotOnReaching('#settings', 'wrong-phase');
  devnet.setIcsMode('absent');
  await page.goto(url({ operator: 'newcomer', consumer: '4' }));
  await shotOnReaching('#join', 'ics-absent');
  devnet.setIcsMode('v7');
  devnet.reset();
}

/**
 * The React 19 and Vue 3 explorers (demo/react.html, demo/vue.html), light only: a chain chosen
 * in the list, its card and its chart. Writes react-app.png and vue-app.png.
 */
async function appShots(page: Page): Promise<void> {
  for (const app of ['react', 'vue'] as const) {
    await page.goto(`${base}${app}.html?rest=${encodeURIComponent(devnet.restUrl)}`);
    await reach(page, '#list');
    await page.locator('#list [role="option"][data-consumer-id="1"]').click();
    for (const selector of ['#card', '#chart']) await reach(page, selector);
    await page.evaluate(() => document.fonts.ready);
    await picture(page, `${app}-app`);
  }
}

/**
 * The list, card and chart on the MANTRA-like devnet (prefix mantra, denom uom shown as OM), with
 * nothing but `rest` given: mantra-like-<element>-<theme>.png. The card shows chain 2 (a minimum
 * stake, in OM); the chart highlights a validator by its mantravalcons1… address.
 */
async function mantraShots(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const mantra = await startDevnet({ blockTimeMs: 0, port: 0, scenario: 'mantra-like' });
  // The page's own width: the chart's pictures before these leave the page 320 px wide.
  await page.setViewportSize({ width: 1200, height: 1000 });
  try {
    const { ProviderClient } = await import('../src/index.js');
    const [top] = await new ProviderClient({ rest: mantra.restUrl }).consumerValidators('0');
    await page.goto(`${base}elements.html?${new URLSearchParams({ rest: mantra.restUrl, theme, consumer: '2' }).toString()}`);
    for (const [selector] of ELEMENTS) await reach(page, selector);
    await page.evaluate((valcons) => {
      const chart = document.querySelector('ics-power-chart')!;
      chart.consumerId = '0';
      chart.validator = valcons;
    }, top?.providerAddress ?? '');
    await reach(page, '#chart');
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const [selector, name] of ELEMENTS) {
      if (name !== 'validator-chains') await picture(page, `mantra-like-${name}-${theme}`, selector);
    }
    // The validator page's test wallet knows only the default devnet chain, as Keplr meets a
    // provider it does not list: Connect, then "Add Mantra Devnet 1 to Keplr" (the suggestion state).
    await page.goto(
      `${base}validator.html?${new URLSearchParams({ rest: mantra.restUrl, rpc: mantra.rpcUrl, theme, operator: 'newcomer', consumer: '4' }).toString()}`,
    );
    for (const selector of ['#join', '#settings'] as const) {
      await reach(page, selector, 'connect');
      await press(page, selector, /^Connect/);
      await reach(page, selector, 'add-chain');
    }
    await page.evaluate(() => document.fonts.ready);
    for (const [selector, name] of Object.entries(ACTING)) await picture(page, `mantra-like-${name}-add-chain-${theme}`, selector);
    await press(page, '#join', /^Add .* to Keplr$/);
    await reach(page, '#join', 'not-opted-in');
    await picture(page, `mantra-like-opt-in-button-after-add-chain-${theme}`, '#join');
  } finally {
    await mantra.stop();
  }
}

/**
 * The list mid-load: every chain's validator set 4 s late, so the rows are shown and their figures
 * are not. Without show-empty (the default) rows wait to be shown until their figures say they are
 * not spam (consumer-list-checking); with show-empty every row shows at once, its figures
 * pending (consumer-list-partial).
 */
async function listMidLoadShots(page: Page, theme: 'light' | 'dark'): Promise<void> {
  devnet.setFaults({ latencyMs: 4000, pathPrefix: '/interchain_security/ccv/provider/consumer_validators/' });
  try {
    for (const [name, showEmpty] of [
      ['checking', false],
      ['partial', true],
    ] as const) {
      await page.goto(`${base}elements.html?rest=${encodeURIComponent(devnet.restUrl)}&theme=${theme}`);
      if (showEmpty) await page.evaluate(() => document.querySelector('#list')!.setAttribute('show-empty', ''));
      await reach(page, '#list', 'partial');
      await page.evaluate(() => document.fonts.ready);
      await picture(page, `consumer-list-${name}-${theme}`, '#list');
    }
  } finally {
    devnet.setFaults(null);
  }
}

const devnet = await startDevnet({ blockTimeMs: 0, port: 0 });
const { url: base, server } = await startDemoServer();
const browser = await launchChromium();
mkdirSync(OUT, { recursive: true });
// SCREENSHOTS_ONLY=list takes only the list mid-load, SCREENSHOTS_ONLY=validator only the validator page's pictures (the acting elements),
// SCREENSHOTS_ONLY=apps only the React and Vue explorers, SCREENSHOTS_ONLY=mantra only the
// list, card and chart on the MANTRA-like devnet.
const only = process.env.SCREENSHOTS_ONLY;
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, colorScheme: theme, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    if (only === 'mantra') {
      await mantraShots(page, theme);
      await page.close();
      continue;
    }
    if (only === 'list') {
      await listMidLoadShots(page, theme);
      await page.close();
      continue;
    }
    if (only === 'apps') {
      if (theme === 'light') await appShots(page);
      await page.close();
      continue;
    }
    if (only === undefined || only === 'validator') await validatorShots(page, theme);
    if (only === 'validator') {
      await page.close();
      continue;
    }
    await page.goto(`${base}elements.html?rest=${encodeURIComponent(devnet.restUrl)}&theme=${theme}`);
    for (const [selector] of ELEMENTS) await reach(page, selector);
    // Fonts and the last render settle before the picture.
    await page.evaluate(() => document.fonts.ready);
    for (const [selector, name] of ELEMENTS) await picture(page, `${name}-${theme}`, selector);
    await picture(page, `elements-page-${theme}`);
    await listMidLoadShots(page, theme);
    await chartShots(page, theme);
    if (theme === 'light') await appShots(page);
    await mantraShots(page, theme);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await devnet.stop();
}
