// Vite serves and builds the demo pages in demo/ from the package's own sources.
// `vite build --mode cdn` (npm run build:cdn) instead builds the one-file bundle of every
// element for a plain <script type="module">: dist/cdn/ics-elements.js, Lit included, and the
// chunks it loads on demand beside it, its elements' `html` and `css` template literals minified.
import { defineConfig, minify } from 'vite';
import type { Plugin } from 'vite';
import { posix, resolve } from 'node:path';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';

const demo = defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        core: resolve(import.meta.dirname, 'demo/core.html'),
        elements: resolve(import.meta.dirname, 'demo/elements.html'),
        validator: resolve(import.meta.dirname, 'demo/validator.html'),
        react: resolve(import.meta.dirname, 'demo/react.html'),
        vue: resolve(import.meta.dirname, 'demo/vue.html'),
      },
    },
  },
});

/**
 * The one-file embed. Rolldown puts the modules that the entry shares with a chunk it imports on
 * demand (the wallet layer and errors with cosmjs-tx, the chart's items with its d3 drawing) into
 * common chunks that the entry imports statically: a page would then need several files before
 * it shows anything. Rollup instead keeps such modules in the entry (they are loaded by the time
 * any on-demand chunk is), and those chunks import them back from `./ics-elements.js`. So this
 * plugin hands Rolldown's (unminified) output to Rollup, which re-chunks it that way, and then
 * minifies each file fully (a file served to browsers as is keeps no whitespace). The result, in
 * dist/cdn/: `ics-elements.js` with no static import, and the chunks it fetches on demand,
 * relative to its own URL (`import("./cosmjs-tx-….js")`).
 */
function oneFileEntry(): Plugin {
  return {
    name: 'ics-one-file-entry',
    async generateBundle(_options, bundle) {
      const files = new Map<string, string>();
      let entry: string | undefined;
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        files.set(`/${chunk.fileName}`, chunk.code);
        if (chunk.isEntry) entry = `/${chunk.fileName}`;
        delete bundle[name];
      }
      const { rollup } = await import('rollup');
      const rechunked = await rollup({
        input: entry!,
        // The entry may export more than the page API: the on-demand chunks import from it.
        preserveEntrySignatures: 'allow-extension',
        plugins: [
          {
            name: 'ics-rolldown-output',
            resolveId: (source, importer) => (importer ? posix.resolve(posix.dirname(importer), source) : source),
            load: (id) => files.get(id) ?? null,
          },
        ],
        onwarn: (warning) => this.error(`rollup: ${warning.message}`),
      });
      const { output } = await rechunked.generate({ format: 'es', entryFileNames: 'ics-elements.js', chunkFileNames: '[name]-[hash].js' });
      await rechunked.close();
      for (const chunk of output) {
        if (chunk.type !== 'chunk') continue;
        this.emitFile({ type: 'asset', fileName: chunk.fileName, source: (await minify(chunk.fileName, chunk.code, {})).code });
      }
    },
  };
}

const cdn = defineConfig({
  // The elements' template literals minified as in the package (scripts/minify-literals.mjs).
  plugins: [minifyLiteralsPlugin(), oneFileEntry()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: { entry: resolve(import.meta.dirname, 'components/cdn.ts'), formats: ['es'], fileName: () => 'ics-elements.js' },
    rolldownOptions: { output: { chunkFileNames: '[name].js' } },
  },
});

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdn : demo));
