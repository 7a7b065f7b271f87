/** The demo as `npm start` serves it (Vite over demo/), on a free port, against a given devnet. */
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';

export async function startDemoServer(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    server: { port: 0, strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the demo server has no local URL');
  return { url, server };
}
