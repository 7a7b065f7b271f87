// `npm run size`: the gzip size of what a page loads for each public entry (Vite production
// build, minified, template literals too, gzip -9), against the budgets of design §7. Prints figures; exits non-zero
// when an entry is over its budget.
import { build, minify } from 'vite';
import { gzipSync } from 'node:zlib';
import { rmSync } from 'node:fs';
import { minifyLiteralsPlugin } from './minify-literals.mjs';

interface Entry {
  name: string;
  source: string;
  /** Budget in bytes, gzip. */
  budget: number;
}

const ENTRIES: Entry[] = [
  // The read path alone: a page that reads the chain without any element.
  { name: 'core (read path)', source: 'src/index.ts', budget: 15 * 1024 },
  { name: 'power maths', source: 'src/power/index.ts', budget: 4 * 1024 },
  // The light signing entry (wallets, checks, flow) with what it shares with the read path;
  // cosmjs stays in the chunk the flow imports on a click (reported as "loaded on demand").
  { name: 'signing (light)', source: 'src/signing/index.ts', budget: 15 * 1024 },
  // One read-only element each, as a page loads it: the element, Lit, the read path (design §7).
  { name: 'el: provider-chain', source: 'components/provider-chain/define.ts', budget: 20 * 1024 },
  { name: 'el: consumer-list', source: 'components/consumer-list/define.ts', budget: 20 * 1024 },
  { name: 'el: consumer-card', source: 'components/consumer-card/define.ts', budget: 20 * 1024 },
  { name: 'el: validator-chains', source: 'components/validator-chains/define.ts', budget: 20 * 1024 },
  { name: 'el: power-chart', source: 'components/power-chart/define.ts', budget: 20 * 1024 },
  // The acting elements: the element, Lit, the read path and the light signing half (wallets,
  // checks, flow); cosmjs is the chunk the flow imports on Confirm ("loaded on demand").
  { name: 'el: opt-in-button', source: 'components/opt-in-button/define.ts', budget: 25 * 1024 },
  { name: 'el: validator-settings', source: 'components/validator-settings/define.ts', budget: 25 * 1024 },
  // All the elements in one file for a <script type="module"> (npm run build:cdn): reported, no §7 budget.
  { name: 'el: all (CDN file)', source: 'components/cdn.ts', budget: 40 * 1024 },
];

const outDir = '.cache/size';
rmSync(outDir, { recursive: true, force: true });

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
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

const gzipSize = (chunks: Chunk[]) => chunks.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2).padStart(6)} KB`;

let over = false;
for (const entry of ENTRIES) {
  const fileName = entry.source.replace(/\W+/g, '_');
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
      lib: { entry: entry.source, formats: ['es'], fileName },
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
  const gzip = gzipSize(loaded);
  const min = loaded.reduce((sum, c) => sum + c.code.length, 0);
  const ok = gzip <= entry.budget;
  over ||= !ok;
  console.log(
    `${ok ? '✔' : '✘'} ${entry.name.padEnd(22)} ${(min / 1024).toFixed(1).padStart(6)} KB min ${kb(gzip)} gzip` +
      ` in ${loaded.length} file(s) (budget ${(entry.budget / 1024).toFixed(0)} KB)` +
      (lazy.length ? `; loaded on demand: ${kb(gzipSize(lazy))} gzip` : ''),
  );
}
process.exit(over ? 1 : 0);
