// `npm run size`: the gzip size of what a page loads for each public entry (Vite production
// build, minified, gzip -9), against the budgets of design §7. Prints figures; exits non-zero
// when an entry is over its budget.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';

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
  // The light signing entry (wallets, checks, flow): cosmjs stays in the chunk the flow imports
  // on a click. Measured 3.8 KB; only the entry file is counted here, not the chunk it shares
  // with the read path and the cosmjs chunk (@scure/base, IcsError, words: about 9 KB).
  { name: 'signing (light)', source: 'src/signing/index.ts', budget: 5 * 1024 },
  // One read-only element each, as a page loads it: the element, Lit, the read path (design §7).
  { name: 'el: provider-chain', source: 'components/provider-chain/define.ts', budget: 20 * 1024 },
  { name: 'el: consumer-list', source: 'components/consumer-list/define.ts', budget: 20 * 1024 },
  { name: 'el: consumer-card', source: 'components/consumer-card/define.ts', budget: 20 * 1024 },
  { name: 'el: validator-chains', source: 'components/validator-chains/define.ts', budget: 20 * 1024 },
  // All the elements in one file for a <script type="module"> (npm run build:cdn): reported, no §7 budget.
  { name: 'el: all (CDN file)', source: 'components/cdn.ts', budget: 40 * 1024 },
];

const outDir = '.cache/size';
rmSync(outDir, { recursive: true, force: true });
let over = false;
for (const entry of ENTRIES) {
  const fileName = entry.source.replace(/\W+/g, '_');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: `${outDir}/${fileName}`,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry: entry.source, formats: ['es'], fileName },
    },
  });
  const code = readFileSync(`${outDir}/${fileName}/${fileName}.js`);
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= entry.budget;
  over ||= !ok;
  console.log(
    `${ok ? '✔' : '✘'} ${entry.name.padEnd(22)} ${(code.length / 1024).toFixed(1).padStart(6)} KB min  ` +
      `${(gzip / 1024).toFixed(2).padStart(6)} KB gzip  (budget ${(entry.budget / 1024).toFixed(0)} KB)`,
  );
}
process.exit(over ? 1 : 0);
