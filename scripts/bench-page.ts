// `npm run bench` (second part): a whole page against design §7's page budgets. A devnet with 200
// validators (180 active) and 50 launched consumer chains; a page (all the elements' bundle, as
// built for a page) with a consumer list, three cards, a power chart and a validator's chains under one
// `<ics-provider-chain>`. From the elements' module (loaded after the page's first paint, as from a
// CDN) until every element has drawn, it prints:
//   - the REST requests the page made, and how many asked for the same thing again (URL and pinned
//     height; budget: none), counted by Chromium's network events, not by the code under test;
//   - the longest main-thread task (budget: none over 50 ms), from a Chromium trace.
// Figures are printed, never asserted: a timed test would fail on a busy machine.
import type { Page } from 'playwright-core';
import { startDevnet } from '../devnet/index.js';
import type { Scenario, ScenarioConsumer } from '../devnet/index.js';
import { benchRuns, buildEntry, launch, median, serve, traced } from './bench-lib.js';

const VALIDATORS = 200;
const ACTIVE = 180;
const CHAINS = 50;
const RUNS = benchRuns(5);
/** The validator whose chains the page shows: opted in to every third opt-in chain, inside every Top-N cut. */
const SHOWN_VALIDATOR = 3;

/** Deterministic: chain i opts in a stretch of validators that moves along the ranking. */
function consumer(i: number): ScenarioConsumer {
  const base = { consumerId: String(i), chainId: `bench-${i}-1`, phase: 'launched' as const, name: `Bench chain ${i}`, spawnTime: '-86400s' };
  if (i % 5 === 0) return { ...base, topN: [95, 90, 80, 67, 50][(i / 5) % 5]! };
  const size = 20 + ((i * 37) % 100);
  const from = (i * 13) % (VALIDATORS - size);
  const optedIn = Array.from({ length: size }, (_, k) => from + k);
  if (i % 3 === 0 && !optedIn.includes(SHOWN_VALIDATOR)) optedIn.push(SHOWN_VALIDATOR);
  return { ...base, optedIn, ...(i % 4 === 0 ? { validatorsPowerCap: 10 } : {}) };
}

const scenario: Scenario = {
  chainId: 'provider-page-bench-1',
  params: { maxValidators: VALIDATORS, maxProviderConsensusValidators: ACTIVE },
  validators: { count: VALIDATORS, totalTokens: '300000000000000' },
  consumers: Array.from({ length: CHAINS }, (_, i) => consumer(i)),
};

const OUT = '.cache/bench-page';
const TAGS = ['ics-consumer-list', 'ics-consumer-card', 'ics-power-chart', 'ics-validator-chains'];

function page(rest: string, validator: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench page</title></head>
<body style="margin:0;font-family:system-ui,sans-serif">
<h1>Consumer chains</h1><p>What a consumer chain's or an explorer's page holds, read from one provider.</p>
<ics-provider-chain rest="${rest}" chain-id="${scenario.chainId}">
  <ics-consumer-list></ics-consumer-list>
  <div style="display:grid;grid-template-columns:repeat(3,1fr);gap:8px">
    <ics-consumer-card consumer-id="0"></ics-consumer-card>
    <ics-consumer-card consumer-id="1"></ics-consumer-card>
    <ics-consumer-card consumer-id="2"></ics-consumer-card>
  </div>
  <ics-power-chart consumer-id="0"></ics-power-chart>
  <ics-validator-chains validator="${validator}"></ics-validator-chains>
</ics-provider-chain>
<script>
  // The elements' module arrives after the page's first paint, as it does from a CDN: the page's own
  // first style and layout (font set-up) are the page's, not the elements'. Counting starts here.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark('bench-start');
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/all.js';
    document.body.append(script);
  }));
</script>
</body></html>`;
}

interface RunResult {
  requests: number;
  /** Requests for a URL (and pinned height) already asked for earlier in the run. */
  repeated: string[];
  longestTask: number;
  longTasks: number;
  loadMs: number;
}

/** Loads the page and waits until every element has drawn (or failed, which ends the bench). */
async function run(page: Page, url: string, restOrigin: string): Promise<RunResult> {
  const seen = new Map<string, number>();
  page.on('request', (request) => {
    if (!request.url().startsWith(restOrigin) || request.method() !== 'GET') return;
    const key = `${request.url()} @${request.headers()['x-cosmos-block-height'] ?? 'latest'}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const { value: loadMs, tasks } = await traced(page, async () => {
    await page.goto(url);
    return page.evaluate(async (tags) => {
      await customElements.whenDefined('ics-provider-chain');
      const elements = tags.flatMap((tag) => [...document.querySelectorAll(tag)]);
      for (;;) {
        const failed = elements.find((e) => e.matches(':state(error), :state(invalid), :state(ics-absent)'));
        if (failed) throw new Error(`${failed.localName}: ${failed.shadowRoot?.textContent?.trim().slice(0, 200)}`);
        if (elements.every((e) => e.matches(':state(complete), :state(empty)'))) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await Promise.all(elements.map((e) => (e as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      // Two frames: style, layout and paint of the last drawing land in the tasks counted.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      performance.mark('bench-end');
      return performance.now() - performance.getEntriesByName('bench-start')[0]!.startTime;
    }, TAGS);
  });
  const repeated = [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
  return {
    requests: [...seen.values()].reduce((a, b) => a + b, 0),
    repeated,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.filter((d) => d > 50).length,
    loadMs,
  };
}

await buildEntry('components/all.ts', OUT, 'all.js');
const devnet = await startDevnet({ blockTimeMs: 0, port: 0, scenario });
const validator = devnet.state().validators.find((v) => v.index === SHOWN_VALIDATOR)!.operatorAddress;
const server = await serve(OUT, page(devnet.restUrl, validator));
const browser = await launch();
try {
  console.log(
    `A page: consumer list, 3 cards, power chart, a validator's chains; ${VALIDATORS} validators (${ACTIVE} active) x ${CHAINS} consumer chains, ` +
      `Chromium ${browser.version()}, ${RUNS} runs each (a fresh page per run)`,
  );
  for (const throttle of (process.env.BENCH_THROTTLE ?? '1,4').split(',').map(Number)) {
    const results: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      tab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      results.push(await run(tab, server.url, new URL(devnet.restUrl).origin));
      await tab.close();
    }
    const repeats = results.flatMap((r) => r.repeated);
    console.log(
      `${throttle === 1 ? '   ' : `${throttle}x `}requests ${median(results.map((r) => r.requests))} (median), repeated ${repeats.length === 0 ? 'none' : repeats.length}  ` +
        `longest task ${Math.max(...results.map((r) => r.longestTask))
          .toFixed(0)
          .padStart(3)} ms (median run ${median(results.map((r) => r.longestTask)).toFixed(0)} ms, ` +
        `${results.reduce((n, r) => n + r.longTasks, 0)} over 50 ms in ${RUNS} runs)  module to drawn ${median(results.map((r) => r.loadMs)).toFixed(0)} ms (median)`,
    );
    for (const repeat of [...new Set(repeats)].slice(0, 10)) console.log(`      repeated: ${repeat}`);
  }
} finally {
  await browser.close();
  await server.close();
  await devnet.stop();
}
