// `npm run size` (also a check of `npm test`): the size of what a page loads before first render
// for each public entry (Vite production build, minified, template literals too), gzip -9 and brotli 11, against the
// budgets of design §7 (issue 14). Prints Lit alone first, as the floor no element goes under;
// then each entry, and each further read-only element on a page of several. Exits non-zero when
// any figure is over its ceiling.
import { build, minify } from 'vite';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { minifyLiteralsPlugin } from './minify-literals.mjs';

interface Budget {
  name: string;
  /** What the page imports: one entry, or the define.ts of each element on a page of several. */
  sources: string[];
  /** On a page of several elements: the row this one adds one element to; its figures are the difference. */
  after?: string;
  /** KB gzip: where design §7 (issue 14) wants it; none for the core, which the issue does not budget. */
  target?: number;
  /**
   * KB gzip, what fails the build. Where the target is met, the target. Where it is not yet:
   * the figure measured last, plus at least 0.1 KB, rounded up to the next 0.5 KB, so growth
   * fails now. A ratchet: lower it as cuts land.
   */
  ceiling: number;
}

/** A page of these elements: the define.ts of each, the module that registers its tag. */
const page = (...elements: string[]) => elements.map((element) => `components/${element}/define.ts`);

const BUDGETS: Budget[] = [
  // The read path alone: a page that reads the chain without any element.
  { name: 'core (read path)', sources: ['src/index.ts'], ceiling: 14 },
  { name: 'power maths', sources: ['src/power/index.ts'], ceiling: 2 },
  // The light signing entry (wallets, checks, flow) with what it shares with the read path;
  // cosmjs stays in the chunk the flow imports on a click (reported as "on demand").
  { name: 'signing (light)', sources: ['src/signing/index.ts'], ceiling: 10 },
  // Lit and the list's reads without the element (scripts/size-list-reads.ts): the most the
  // list's own code could save; over 16 KB, so the read-only targets need a lighter read path.
  { name: "Lit + the list's reads", sources: ['scripts/size-list-reads.ts'], ceiling: 18 },
  // Lit, the element base and the chain list's read, no element (scripts/size-base-floor.ts): the
  // least a reading element's page weighs with this read path and base.
  { name: 'Lit + element base + chain list', sources: ['scripts/size-base-floor.ts'], ceiling: 20.5 },
  // One read-only element each, as a page loads it: the element, Lit, the read path.
  { name: 'el: provider-chain', sources: page('provider-chain'), target: 16, ceiling: 16 },
  { name: 'el: consumer-list', sources: page('consumer-list'), target: 16, ceiling: 28 },
  { name: 'el: consumer-card', sources: page('consumer-card'), target: 16, ceiling: 24 },
  { name: 'el: validator-chains', sources: page('validator-chains'), target: 16, ceiling: 26 },
  // The chart draws with d3 and its drawing templates, which it imports on demand (not counted here, reported beside).
  { name: 'el: power-chart', sources: page('power-chart'), target: 18, ceiling: 30.5 },
  // The acting elements before the first click: the element, Lit, the read path, wallet detection
  // and the local checks. On demand: the flow (fetched as a confirmation panel opens), the chain
  // suggestion (when a wallet does not know the chain), and cosmjs, which the flow imports on Confirm.
  { name: 'el: opt-in-button', sources: page('opt-in-button'), target: 22, ceiling: 34 },
  { name: 'el: validator-settings', sources: page('validator-settings'), target: 22, ceiling: 33.5 },
  // All the elements in one file for a <script type="module"> (npm run build:cdn).
  { name: 'el: all (CDN file)', sources: ['components/cdn.ts'], target: 40, ceiling: 53.5 },
  // Each further read-only element on a page: what it adds to the page before it (what the two
  // share, Lit and the read path above all, counts once).
  { name: '+ consumer-card (page: list)', after: 'el: consumer-list', sources: page('consumer-list', 'consumer-card'), target: 3, ceiling: 3 },
  { name: '+ validator-chains (page: list)', after: 'el: consumer-list', sources: page('consumer-list', 'validator-chains'), target: 3, ceiling: 3 },
  { name: '+ consumer-list (page: chain)', after: 'el: provider-chain', sources: page('provider-chain', 'consumer-list'), target: 3, ceiling: 12.5 },
  {
    name: '+ consumer-card (page: chain, list)',
    after: '+ consumer-list (page: chain)',
    sources: page('provider-chain', 'consumer-list', 'consumer-card'),
    target: 3,
    ceiling: 3,
  },
  {
    name: '+ validator-chains (page: chain, list, card)',
    after: '+ consumer-card (page: chain, list)',
    sources: page('provider-chain', 'consumer-list', 'consumer-card', 'validator-chains'),
    target: 3,
    ceiling: 3,
  },
];

/** Lit alone, printed first: the floor under every element (no budget: it is not our code). */
const FLOOR = { name: 'Lit alone (floor)', sources: ['scripts/size-lit-floor.ts'] };

const outDir = '.cache/size';
rmSync(outDir, { recursive: true, force: true });

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
}

interface Figures {
  /** Bytes of the files loaded before the entry runs: minified, gzip -9, brotli 11. */
  min: number;
  gzip: number;
  brotli: number;
  files: number;
  /** Bytes gzip of the chunks imported on demand (d3, cosmjs). */
  lazyGzip: number;
}

/** The chunks a page loads before running the entry: the entry and its static imports, transitively. */
function staticClosure(chunks: Map<string, Chunk>, entry: Chunk): Chunk[] {
  const seen = new Map<string, Chunk>();
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(chunks.get(name)!);
  };
  visit(entry);
  return [...seen.values()];
}

// Compressed off the main thread (libuv's pool), so brotli 11, the slow one, overlaps the builds.
const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);
const gzipSize = async (code: string) => (await gzipped(code, { level: 9 })).length;
const brotliSize = async (code: string) => (await brotlied(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })).length;
const sum = async (chunks: Chunk[], size: (code: string) => number | Promise<number>) =>
  (await Promise.all(chunks.map((c) => size(c.code)))).reduce((a, b) => a + b, 0);

/**
 * The entry Vite builds: the source itself, or for a page of several elements a module that
 * re-exports each (as a one-element entry keeps its exports, so the difference is the element's).
 */
function entryFor(name: string, sources: string[]): string {
  if (sources.length === 1) return sources[0]!;
  const file = `${outDir}/pages/${name.replace(/\W+/g, '_')}.ts`;
  mkdirSync(`${outDir}/pages`, { recursive: true });
  writeFileSync(file, sources.map((source) => `export * from '../../../${source}';\n`).join(''));
  return file;
}

async function measure(name: string, sources: string[]): Promise<Figures> {
  const entry = entryFor(name, sources);
  const fileName = entry.replace(/\W+/g, '_');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    // What ships: the elements' template literals minified, as in the package and the CDN file.
    plugins: [minifyLiteralsPlugin()],
    build: {
      outDir: `${outDir}/${fileName}`,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      write: false,
      lib: { entry, formats: ['es'], fileName },
      // As the CDN file: the entry may export what its on-demand chunks import, so the modules a
      // page needs at once stay in one file (a shared chunk of its own is one more round trip).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunks = new Map<string, Chunk>();
  for (const out of outputs) {
    if (out.type !== 'chunk') continue;
    // Library builds keep whitespace; an app's build (or the CDN file) strips it, so measure that.
    const minified = await minify(out.fileName, out.code, {});
    chunks.set(out.fileName, { ...(out as unknown as Chunk), code: minified.code });
  }
  const main = [...chunks.values()].find((c) => c.isEntry)!;
  const loaded = staticClosure(chunks, main);
  const lazy = [...chunks.values()].filter((c) => !loaded.includes(c));
  const [min, gzipBytes, brotliBytes, lazyGzip] = await Promise.all([
    sum(loaded, (code) => code.length),
    sum(loaded, gzipSize),
    sum(loaded, brotliSize),
    sum(lazy, gzipSize),
  ]);
  return { min, gzip: gzipBytes, brotli: brotliBytes, files: loaded.length, lazyGzip };
}

const KB = 1024;
/** A figure in KB; with a sign for the difference an element makes to a page. */
const kb = (bytes: number, signed = false) => `${signed && bytes >= 0 ? '+' : ''}${(bytes / KB).toFixed(2)}`.padStart(6) + ' KB';

function describe(name: string, f: Figures, signed = false): string {
  return `${name.padEnd(44)} ${kb(f.min, signed)} min ${kb(f.gzip, signed)} gzip ${kb(f.brotli, signed)} brotli` + (signed ? '' : ` in ${f.files} file(s)`);
}

// The builds run side by side (Rolldown builds on threads of its own), then print in the table's order.
const [floor, ...totals] = await Promise.all([FLOOR, ...BUDGETS].map((entry) => measure(entry.name, entry.sources)));
const measured = new Map(BUDGETS.map((budget, i) => [budget.name, totals[i]!]));

console.log('Before first render (Vite build, minified): gzip -9 is what the budgets count, brotli 11 beside it.');
console.log(`  ${describe(FLOOR.name, floor!)}`);
let over = false;
for (const budget of BUDGETS) {
  const total = measured.get(budget.name)!;
  const before = budget.after === undefined ? undefined : measured.get(budget.after)!;
  // A further element on a page counts what it adds to the page before it.
  const f: Figures = before
    ? { min: total.min - before.min, gzip: total.gzip - before.gzip, brotli: total.brotli - before.brotli, files: total.files, lazyGzip: 0 }
    : total;
  const ok = f.gzip <= budget.ceiling * KB;
  over ||= !ok;
  const sign = before ? '+' : '';
  const target =
    budget.target === undefined
      ? ''
      : f.gzip <= budget.target * KB
        ? `; target ${sign}${budget.target} KB met`
        : `; ${kb(f.gzip - budget.target * KB).trim()} over target ${sign}${budget.target} KB`;
  console.log(
    `${ok ? '✔' : '✘'} ${describe(budget.name, f, before !== undefined)}` +
      ` (ceiling ${sign}${budget.ceiling.toFixed(1)} KB${target})` +
      (total.lazyGzip && !before ? `; on demand: ${kb(total.lazyGzip).trim()} gzip` : ''),
  );
}
if (over) console.log('✘ over a ceiling (gzip): the table at the top of scripts/size.ts');
process.exit(over ? 1 : 0);
