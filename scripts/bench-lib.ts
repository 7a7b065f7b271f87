// What the benches share: Debian's Chromium with the project's flags (test/helpers/chromium.ts), an entry built as a page
// would load it (Vite production build: minified, Lit in production mode), a static server for
// it, and the main thread's task lengths read from a Chromium trace.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/helpers/chromium.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setPriority } from 'node:os';
import { build } from 'vite';

export const DEBUG = process.env.BENCH_DEBUG === '1';
/** With BENCH_DEBUG, tasks longer than this (ms, default 50) are broken down. */
const DEBUG_MS = Number(process.env.BENCH_DEBUG_MS ?? 50);
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', ...(DEBUG ? ['devtools.timeline', 'disabled-by-default-devtools.timeline'] : [])];

/**
 * Chromium, launched at this process's priority; then this process (the bench and its devnet)
 * steps down to the lowest, so on a machine of two cores the harness answering requests takes
 * turns after the page's main thread instead of stretching its tasks.
 */
export async function launch(): Promise<Browser> {
  const browser = await launchChromium();
  setPriority(19);
  return browser;
}

/** Builds `entry` into `outDir` as `fileName`, its on-demand chunks beside it. */
export async function buildEntry(entry: string, outDir: string, fileName: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => fileName },
      // As the CDN file: the entry may export what its on-demand chunks import, so no module the
      // page needs at once sits in a chunk of its own (one more round trip before anything runs).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension' },
    },
  });
}

/** Serves `page` at / and the built files of `outDir`, each file `fileLatencyMs` late (a module fetched from afar). */
export async function serve(outDir: string, page: string, fileLatencyMs = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/' || path === '/bench.html') {
      res.setHeader('content-type', 'text/html');
      res.end(page);
      return;
    }
    if (fileLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fileLatencyMs));
    readFile(join(outDir, path.replace(/^\/+/, '').replace(/\.\./g, ''))).then(
      (body) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(body);
      },
      () => {
        res.statusCode = 404;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string; functionName?: string } };
}

/**
 * Runs `work` under a Chromium trace and returns its result with the durations (ms) of the
 * page's main-thread tasks between the marks `bench-start` and `bench-end`, which `work` must
 * make in the page (`performance.mark`). With BENCH_DEBUG it prints what each long task did.
 */
export async function traced<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; tasks: number[] }> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // The trace is stopped even when the work fails, so the next run can start one.
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  if ('error' in outcome) throw outcome.error;
  return { value: outcome.value, tasks: tasksFromTrace(trace.traceEvents) };
}

function tasksFromTrace(events: TraceEvent[]): number[] {
  const start = events.find((e) => e.name === 'bench-start');
  const end = events.find((e) => e.name === 'bench-end');
  if (!start || !end) throw new Error('the trace has no bench marks');
  const onMain = (e: TraceEvent) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X';
  const tasks = events.filter((e) => onMain(e) && e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts);
  if (DEBUG) {
    for (const task of tasks.filter((t) => (t.dur ?? 0) > DEBUG_MS * 1000)) {
      const spent = new Map<string, number>();
      for (const e of events) {
        if (!onMain(e) || e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur! || /RunTask|^V8\.|^v8\./.test(e.name)) continue;
        const key =
          e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName ?? ''}` : e.name + (e.args?.data?.type ? ` ${e.args.data.type}` : '');
        spent.set(key, (spent.get(key) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const top = [...spent]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`);
      console.log(`  task at ${((task.ts - start.ts) / 1000).toFixed(0)} ms: ${(task.dur! / 1000).toFixed(1)} ms (${top.join(', ')})`);
    }
  }
  return tasks.map((t) => (t.dur ?? 0) / 1000);
}

/** The median of some figures. */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** The numbers of launched chains a bench runs at: `BENCH_CHAINS` (comma-separated), else `fallback`. */
export function benchChains(fallback: number[]): number[] {
  return process.env.BENCH_CHAINS ? process.env.BENCH_CHAINS.split(',').map(Number) : fallback;
}

/** How many times each case runs: `BENCH_RUNS`, else `fallback`. */
export function benchRuns(fallback: number): number {
  return Number(process.env.BENCH_RUNS ?? fallback);
}
