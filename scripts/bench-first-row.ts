// `npm run bench` (third part): how long a consumer-chain list makes its reader wait, as the
// number of launched chains grows. A devnet that adds 100 ms to every REST answer (a public
// endpoint seen from afar); a page holding one `<ics-consumer-list>` whose module is fetched on
// navigation. For 10, 50 and 200 launched chains it prints, from navigation (the module load
// counted):
//   - the first row on screen, in ms and in round trips of 100 ms;
//   - every row's figures complete (the list's `complete` state);
//   - the REST requests made by then, counted by Chromium's network events.
// Figures are printed, never asserted (a timed test fails on a busy machine); they are the
// "before" of the progressive list (issue 14: first row within 4 round trips at any size).
import type { Page } from 'playwright-core';
import { startDevnet } from '../devnet/index.js';
import type { Scenario, ScenarioConsumer } from '../devnet/index.js';
import { buildEntry, launch, median, serve } from './bench-lib.js';

const LATENCY_MS = 100;
const VALIDATORS = 60;
const SIZES = (process.env.BENCH_CHAINS ?? '10,50,200').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = '.cache/bench-first-row';

/** Chain i: Top-N every fifth, else an opt-in chain with a stretch of validators that moves along the ranking. */
function consumer(i: number): ScenarioConsumer {
  const base = { consumerId: String(i), chainId: `rows-${i}-1`, phase: 'launched' as const, name: `Row chain ${i}`, spawnTime: '-86400s' };
  if (i % 5 === 0) return { ...base, topN: [95, 80, 50][(i / 5) % 3]! };
  const size = 5 + ((i * 7) % 40);
  const from = (i * 11) % (VALIDATORS - size);
  return { ...base, optedIn: Array.from({ length: size }, (_, k) => from + k) };
}

function scenarioOf(chains: number): Scenario {
  return {
    chainId: `provider-rows-${chains}-1`,
    params: { maxValidators: VALIDATORS, maxProviderConsensusValidators: VALIDATORS },
    validators: { count: VALIDATORS, totalTokens: '30000000000000' },
    consumers: Array.from({ length: chains }, (_, i) => consumer(i)),
  };
}

function page(rest: string, chainId: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first row bench</title>
<script type="module" src="/list.js"></script></head>
<body style="margin:0;font-family:system-ui,sans-serif">
<ics-consumer-list rest="${rest}" chain-id="${chainId}"></ics-consumer-list>
</body></html>`;
}

interface RunResult {
  firstRowMs: number;
  completeMs: number;
  requests: number;
}

async function run(tab: Page, url: string, restOrigin: string): Promise<RunResult> {
  let requests = 0;
  tab.on('request', (request) => {
    if (request.url().startsWith(restOrigin) && request.method() === 'GET') requests++;
  });
  await tab.goto(url, { waitUntil: 'commit' });
  // performance.now() counts from the navigation's start: the module's fetch is inside the figure.
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
  const times = (await tab.evaluate(`(async () => {
    let list = null;
    while (!(list = document.querySelector('ics-consumer-list'))) await new Promise((r) => setTimeout(r, 2));
    let firstRowMs = NaN;
    for (;;) {
      if (Number.isNaN(firstRowMs) && list.shadowRoot?.querySelector('[part~="row"]')) firstRowMs = performance.now();
      if (list.matches(':state(error), :state(invalid), :state(ics-absent)')) throw new Error(list.shadowRoot?.textContent?.trim().slice(0, 200));
      if (list.matches(':state(complete)')) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    return { firstRowMs, completeMs: performance.now() };
  })()`)) as { firstRowMs: number; completeMs: number };
  return { ...times, requests };
}

await buildEntry('components/consumer-list/define.ts', OUT, 'list.js');
const browser = await launch();
try {
  console.log(`A consumer list, ${VALIDATORS} validators, ${LATENCY_MS} ms added to every REST answer, Chromium ${browser.version()}, median of ${RUNS} runs`);
  console.log('chains  first row          every figure        REST requests');
  for (const chains of SIZES) {
    const scenario = scenarioOf(chains);
    const devnet = await startDevnet({ blockTimeMs: 0, port: 0, scenario, latencyMs: LATENCY_MS });
    const server = await serve(OUT, page(devnet.restUrl, scenario.chainId));
    try {
      const results: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        tab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        results.push(await run(tab, server.url, new URL(devnet.restUrl).origin));
        await tab.close();
      }
      const first = median(results.map((r) => r.firstRowMs));
      const complete = median(results.map((r) => r.completeMs));
      const trips = (ms: number) => `${(ms / LATENCY_MS).toFixed(1).padStart(5)} trips`;
      console.log(
        `${String(chains).padStart(6)}  ${first.toFixed(0).padStart(5)} ms ${trips(first)}  ${complete.toFixed(0).padStart(5)} ms ${trips(complete)}  ${String(median(results.map((r) => r.requests))).padStart(5)}`,
      );
    } finally {
      await server.close();
      await devnet.stop();
    }
  }
} finally {
  await browser.close();
}
