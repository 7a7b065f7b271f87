// `npm run bench` (third part): how long the progressive elements make their reader wait, as the
// number of launched chains grows. A devnet that adds 100 ms to every REST answer (a public
// endpoint seen from afar) and a module server that adds the same to the module (the module load
// counted); a page holding one `<ics-consumer-list>`, then one holding one
// `<ics-validator-chains>` (the top validator). For 10, 50 and 200 launched chains it prints,
// from navigation:
//   - the first row on screen, and its network round trips: the longest chain of requests each
//     sent after the one before it answered (module, then REST), among those answered by then;
//     the time divided by 100 ms says the same plus this machine's own work;
//   - the first screen complete (every row in the element's view has its figures, and no row
//     still being checked shows in it), with its trips and the REST requests sent by then;
//   - the element complete (every row's figures) and all the REST requests.
// Figures are printed, never asserted (a timed test fails on a busy machine). The figures of the
// list before it was progressive (issue 14) are recorded once in the README.
import type { Page } from 'playwright-core';
import { startDevnet } from '../devnet/index.js';
import { benchChains, benchRuns, buildEntry, launch, median, serve } from './bench-lib.js';
import { VALIDATORS, scenarioOf } from './bench-scenario.js';
import { ProviderClient } from '../src/index.js';

// BENCH_LATENCY_MS=0 gives this machine's own time (page start, scripts, rendering) to set beside it.
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const SIZES = benchChains([10, 50, 200]);
const RUNS = benchRuns(3);
const OUT = '.cache/bench-first-row';

interface Bench {
  title: string;
  entry: string;
  tag: string;
  /** The element's attributes beyond `rest` and `chain-id`, given the devnet. */
  attributes: (rest: string) => Promise<string>;
}

const BENCHES: Bench[] = [
  { title: 'A consumer list', entry: 'components/consumer-list/define.ts', tag: 'ics-consumer-list', attributes: async () => '' },
  {
    title: "A validator's chains (the top validator: every Top-N chain and its opt-ins)",
    entry: 'components/validator-chains/define.ts',
    tag: 'ics-validator-chains',
    attributes: async (rest) => {
      const validators = await new ProviderClient({ rest }).validators();
      const top = validators.reduce((a, b) => (b.tokens > a.tokens ? b : a));
      return `validator="${top.operatorAddress}"`;
    },
  },
];

function page(tag: string, attributes: string): string {
  // The resource timing buffer holds 250 entries by default; a 200-chain list makes more requests.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first row bench</title>
<script>performance.setResourceTimingBufferSize(10000)</script>
<script type="module" src="/element.js"></script></head>
<body style="margin:0;font-family:system-ui,sans-serif">
<${tag} ${attributes}></${tag}>
</body></html>`;
}

interface Moment {
  ms: number;
  /** Network round trips on the longest chain of requests answered by then. */
  trips: number;
  /** REST requests sent by then. */
  requests: number;
}

interface RunResult {
  firstRow: Moment;
  firstScreen: Moment;
  complete: Moment;
}

// In the page (a string, not a function: tsx would wrap a function's inner functions in a helper
// the page lacks). performance.now() counts from the navigation's start.
const MEASURE = (tag: string, restOrigin: string) => `(async () => {
  let list = null;
  while (!(list = document.querySelector('${tag}'))) await new Promise((r) => setTimeout(r, 2));
  const busy = (el) => el.querySelector('.facts[aria-busy="true"]');
  // Every row in the list's view has its figures, and no placeholder row (rows still checked) shows in it.
  const screenDone = () => {
    const box = list.shadowRoot?.querySelector('[part~="rows"]');
    if (!box) return false;
    const view = box.getBoundingClientRect();
    const seen = (el) => { const r = el.getBoundingClientRect(); return r.bottom > view.top && r.top < view.bottom; };
    if ([...box.querySelectorAll('.skeletons')].some(seen)) return false;
    const rows = [...box.querySelectorAll('[part~="row"]')].filter(seen);
    return rows.length > 0 && !rows.some(busy);
  };
  let firstRow = NaN, firstScreen = NaN;
  for (;;) {
    const now = performance.now();
    if (Number.isNaN(firstRow) && list.shadowRoot?.querySelector('[part~="row"]')) firstRow = now;
    if (Number.isNaN(firstScreen) && screenDone()) firstScreen = now;
    if (list.matches(':state(error), :state(invalid), :state(ics-absent)')) throw new Error(list.shadowRoot?.textContent?.trim().slice(0, 200));
    if (list.matches(':state(complete)') && !Number.isNaN(firstScreen)) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  const complete = performance.now();
  // Round trips: the document is trip 0; a request is one more than the deepest one answered before it was sent.
  const resources = performance.getEntriesByType('resource').sort((a, b) => a.startTime - b.startTime);
  const answered = [{ end: performance.getEntriesByType('navigation')[0].responseEnd, trip: 0 }];
  const trips = resources.map((r) => {
    const trip = 1 + Math.max(...answered.filter((a) => a.end <= r.startTime).map((a) => a.trip));
    answered.push({ end: r.responseEnd, trip });
    return { rest: r.name.startsWith(${JSON.stringify(restOrigin)}), start: r.startTime, end: r.responseEnd, trip };
  });
  const at = (ms) => ({
    ms,
    trips: Math.max(0, ...trips.filter((t) => t.end <= ms).map((t) => t.trip)),
    requests: trips.filter((t) => t.rest && t.start <= ms).length,
  });
  return { firstRow: at(firstRow), firstScreen: at(firstScreen), complete: at(complete) };
})()`;

async function run(tab: Page, url: string, tag: string, restOrigin: string): Promise<RunResult> {
  await tab.goto(url, { waitUntil: 'commit' });
  return (await tab.evaluate(MEASURE(tag, restOrigin))) as RunResult;
}

const browser = await launch();
try {
  for (const bench of BENCHES) {
    const out = `${OUT}/${bench.tag}`;
    await buildEntry(bench.entry, out, 'element.js');
    console.log(
      `${bench.title}, ${VALIDATORS} validators, ${LATENCY_MS} ms added to every REST answer and to the module, Chromium ${browser.version()}, median of ${RUNS} runs`,
    );
    console.log('chains  first row               first screen complete             complete');
    for (const chains of SIZES) {
      const scenario = scenarioOf(chains);
      const devnet = await startDevnet({ blockTimeMs: 0, port: 0, scenario, latencyMs: LATENCY_MS });
      const attributes = `rest="${devnet.restUrl}" chain-id="${scenario.chainId}" ${await bench.attributes(devnet.restUrl)}`;
      const server = await serve(out, page(bench.tag, attributes), LATENCY_MS);
      try {
        const results: RunResult[] = [];
        for (let i = 0; i < RUNS; i++) {
          const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          tab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
          results.push(await run(tab, server.url, bench.tag, new URL(devnet.restUrl).origin));
          await tab.close();
        }
        const show = (pick: (r: RunResult) => Moment, withRequests: boolean) => {
          const ms = median(results.map((r) => pick(r).ms));
          const trips = median(results.map((r) => pick(r).trips));
          const requests = median(results.map((r) => pick(r).requests));
          return (
            `${ms.toFixed(0).padStart(5)} ms ${trips} trips${LATENCY_MS > 0 ? ` (${(ms / LATENCY_MS).toFixed(1)})` : ''}` +
            (withRequests ? `, ${String(requests).padStart(3)} requests` : '')
          );
        };
        console.log(
          `${String(chains).padStart(6)}  ${show((r) => r.firstRow, false).padEnd(24)}${show((r) => r.firstScreen, true).padEnd(33)} ${show((r) => r.complete, true)}`,
        );
      } finally {
        await server.close();
        await devnet.stop();
      }
    }
  }
} finally {
  await browser.close();
}
