// Vite serves and builds the demo pages in demo/ from the package's own sources.
// `vite build --mode cdn` (npm run build:cdn) instead builds the one-file bundle of every
// element for a plain <script type="module">: dist/ics-elements.js, Lit included.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const demo = defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'demo/index.html'), elements: resolve(import.meta.dirname, 'demo/elements.html') },
    },
  },
});

const cdn = defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: resolve(import.meta.dirname, 'components/cdn.ts'), formats: ['es'], fileName: () => 'ics-elements.js' },
  },
});

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdn : demo));
