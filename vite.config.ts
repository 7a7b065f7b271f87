// Vite serves and builds the demo pages in demo/ from the package's own sources.
// `vite build --mode cdn` (npm run build:cdn) instead builds the one-file bundle of every
// element for a plain <script type="module">: dist/ics-elements.js, Lit included.
import { defineConfig, minify } from 'vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';

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
        elements: resolve(import.meta.dirname, 'demo/elements.html'),
        validator: resolve(import.meta.dirname, 'demo/validator.html'),
        react: resolve(import.meta.dirname, 'demo/react.html'),
        vue: resolve(import.meta.dirname, 'demo/vue.html'),
      },
    },
  },
});

/**
 * Library builds of ES modules keep whitespace (so that bundlers downstream see pure
 * annotations); a file served to browsers as is should not, so the CDN build minifies fully.
 */
function minifyChunks(): Plugin {
  return {
    name: 'ics-minify-chunks',
    // After Vite's own (whitespace-keeping) library minification, which would re-print the code.
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = (await minify(chunk.fileName, chunk.code, {})).code;
      }
    },
  };
}

const cdn = defineConfig({
  plugins: [minifyChunks()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: resolve(import.meta.dirname, 'components/cdn.ts'), formats: ['es'], fileName: () => 'ics-elements.js' },
  },
});

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdn : demo));
