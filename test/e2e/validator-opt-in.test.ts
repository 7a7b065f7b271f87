// End to end: the demo's validator page in Chromium, against a devnet over REST and RPC, with the
// page's test wallet (a devnet test operator). Click Opt in, confirm, the devnet includes the
// transaction, the validator's list shows the chain, then "Validating" after the epoch ends, and the
// chain's power chart shows the validator pending, then in the set.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { testOperator } from '../../devnet/test-keys.js';
import { ProviderClient } from '../../src/index.js';
import { useDemo } from '../helpers/demo-session.js';

const JOIN = '4';

describe('demo: a validator opts in from its page', () => {
  const demo = useDemo({ viewport: { width: 1200, height: 900 } });
  const newcomer = testOperator('newcomer');

  /** Waits for an element's custom state; on a timeout, says what the element shows instead. */
  const state = async (selector: string, name: string, timeout = 20_000) => {
    try {
      await demo.page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout });
    } catch (error) {
      const text = await demo.page.evaluate((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), selector);
      throw new Error(`${selector} never reached :state(${name}); it shows: ${text.slice(0, 500)}`, { cause: error });
    }
  };

  /** The chart's summary in words (its role="img" label), once it says something matching. */
  const chartSummary = async (pattern: RegExp): Promise<string> => {
    const handle = await demo.page.waitForFunction(
      (source) => {
        const label = document.querySelector('#chart')?.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '';
        return new RegExp(source).test(label) ? label : false;
      },
      pattern.source,
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as string;
  };
  const open = () =>
    demo.page.goto(
      `${demo.url}validator.html?rest=${encodeURIComponent(demo.devnet.restUrl)}&rpc=${encodeURIComponent(demo.devnet.rpcUrl)}&operator=newcomer&consumer=${JOIN}`,
    );
  /** Chain 4's set in the default scenario: its 20 opted-in validators (all within the top 180). */
  const setSize = 20;

  it('labels the test wallet, and starts with the newcomer on no chain', async () => {
    await open();
    assert.match((await demo.page.textContent('#test-wallet')) ?? '', /TEST WALLET, devnet only/);
    // The page writes it once it has read the chain's prefix (a top-level await), which may come after `load`.
    await demo.page.waitForFunction(() => (document.querySelector('#operator-address')?.textContent ?? '') !== '');
    assert.equal(await demo.page.textContent('#operator-address'), newcomer.account);
    await state('#chains', 'empty');
    await state('#join', 'connect');
    const summary = await chartSummary(/validators? secure/);
    assert.match(summary, new RegExp(`^${setSize} validators secure`));
    assert.doesNotMatch(summary, /joins? at the next epoch/);
    assert.deepEqual(demo.errors, []);
  });

  it('opts in: connect, confirm, one signature, included by the devnet', async () => {
    await open();
    await state('#join', 'connect');
    await demo.page.locator('#join').getByRole('button', { name: 'Connect Keplr' }).click();
    await state('#join', 'not-opted-in');
    await demo.page.locator('#join').getByRole('button', { name: 'Opt in', exact: true }).click();
    await state('#join', 'confirming');
    const panel = (await demo.page.locator('#join .confirm').textContent()) ?? '';
    for (const expected of ['Opt in (MsgOptIn)', 'Crypto Dungeon', '#4', 'dungeon-1', newcomer.operator])
      assert.ok(panel.includes(expected), `${expected} in: ${panel}`);
    await demo.page.locator('#join').getByRole('button', { name: 'Confirm opt-in' }).click();
    await state('#join', 'confirmed');
    const result = (await demo.page.locator('#join .result').textContent()) ?? '';
    const hash = /[0-9A-F]{64}/.exec(result)?.[0];
    assert.ok(hash, result);
    assert.equal(await demo.page.locator('#join .result a').getAttribute('href'), `https://www.mintscan.io/cosmos/tx/${hash}`);
    const calls = await demo.page.evaluate(() => (window as unknown as { __testWallet: { calls: string[] } }).__testWallet.calls);
    assert.equal(calls.filter((c) => c === 'signDirect').length, 1);
    // The chain has it: the opt-in is in state now.
    const client = new ProviderClient({ rest: demo.devnet.restUrl, cacheTtlMs: 0 });
    const valcons = (await client.resolveValidator(newcomer.operator)).consensusAddress;
    assert.ok((await client.optedInValidators(JOIN)).includes(valcons));
    // The list shows it, active from the next epoch.
    await demo.page.waitForFunction(
      (id) =>
        document.querySelector('#chains')?.shadowRoot?.querySelector(`[data-consumer-id="${id}"]`)?.textContent?.includes('Active from next epoch') ?? false,
      JOIN,
      { timeout: 20_000 },
    );
    // The chart shows it pending: opted in, joining at the next epoch; the set is unchanged.
    const pending = await chartSummary(/1 opted-in validator joins at the next epoch/);
    assert.match(pending, new RegExp(`^${setSize} validators? secure`));
    mkdirSync('.cache/screenshots', { recursive: true });
    await demo.page.screenshot({ path: '.cache/screenshots/demo-validator-opted-in.png', fullPage: true });
  });

  it('shows the chain as validated once the epoch ends', async () => {
    // Its own start: the newcomer opted in on chain (through the devnet), pending on the page.
    demo.devnet.optIn(JOIN, newcomer.operator);
    await open();
    // The wallet connected once on the page (the row's own button follows the page-wide connection).
    await state('#join', 'connect', 60_000);
    await demo.page.locator('#join').getByRole('button', { name: 'Connect Keplr' }).click();
    await demo.page.waitForFunction(() => !(document.querySelector('#join')?.matches(':state(connect)') ?? true), undefined, { timeout: 60_000 });
    await demo.page.waitForFunction(
      (id) =>
        document.querySelector('#chains')?.shadowRoot?.querySelector(`[data-consumer-id="${id}"]`)?.textContent?.includes('Active from next epoch') ?? false,
      JOIN,
      { timeout: 20_000 },
    );
    await chartSummary(/1 opted-in validator joins at the next epoch/);
    demo.devnet.advanceToEpochEnd();
    await demo.page.waitForFunction(
      (id) => document.querySelector('#chains')?.shadowRoot?.querySelector(`[data-consumer-id="${id}"]`)?.textContent?.includes('Validating') ?? false,
      JOIN,
      { timeout: 20_000 },
    );
    // The row's own button follows: active, with an opt-out offered.
    await demo.page.waitForFunction(
      (id) => document.querySelector(`#chains ics-opt-in-button[slot="action-${id}"]`)?.matches(':state(active)') ?? false,
      JOIN,
      {
        timeout: 20_000,
      },
    );
    // The chart's set has grown by one, with nothing pending any more.
    const joined = await chartSummary(new RegExp(`^${setSize + 1} validators secure`));
    assert.doesNotMatch(joined, /joins? at the next epoch/);
    await demo.page.screenshot({ path: '.cache/screenshots/demo-validator-active.png', fullPage: true });
    assert.deepEqual(demo.errors, []);
  });
});
