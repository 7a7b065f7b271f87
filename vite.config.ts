// Vite serves and builds the demo pages in demo/ from the package's own sources.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
