/** The demo as `npm start` serves it (Vite over demo/), on a free port, against a given devnet. */
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { startDevnet } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { launchChromium } from './chromium.js';

export interface DemoServer {
  url: string;
  server: ViteDevServer;
}

export async function startDemoServer(): Promise<DemoServer> {
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

/** What an end-to-end run needs: a fresh devnet (blocks on demand), the demo served, and Chromium. */
export interface DemoStack {
  devnet: Devnet;
  demo: DemoServer;
  browser: Browser;
}

export async function startDemoStack(): Promise<DemoStack> {
  const devnet = await startDevnet({ blockTimeMs: 0 });
  const demo = await startDemoServer();
  const browser = await launchChromium();
  return { devnet, demo, browser };
}

/** Stops what `startDemoStack` started; any part may be missing when starting failed half-way. */
export async function stopDemoStack(stack: Partial<DemoStack>): Promise<void> {
  await stack.browser?.close();
  await stack.demo?.server.close();
  await stack.devnet?.stop();
}
