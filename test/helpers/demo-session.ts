/** The end-to-end setup the demo tests share: the demo stack for a describe block, and the page its tests drive. */
import { after, before, beforeEach } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Devnet } from '../../devnet/index.js';
import { startDemoStack, stopDemoStack } from './demo-server.js';
import type { DemoStack } from './demo-server.js';

/** What the tests read; the fields are set once the describe's `before` hook has run. */
export class DemoSession {
  devnet!: Devnet;
  /** The demo server's address. */
  url!: string;
  browser!: Browser;
  page!: Page;
  /** What the page threw (and, with `consoleErrors`, logged as an error) since it opened. */
  readonly errors: string[] = [];
}

export interface DemoSessionOptions {
  viewport: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** One page for the whole describe block, opened once; by default each test has its own. */
  onePage?: boolean;
  /** Count the page's console errors too (with the script's address). */
  consoleErrors?: boolean;
}

/**
 * Starts the demo stack (devnet, demo server, Chromium) before the tests of the describe block
 * this is called in, and stops it after them. Unless `onePage`, each test runs on its own: the
 * devnet back at its start and a fresh page (no state from an earlier test).
 */
export function useDemo(options: DemoSessionOptions): DemoSession {
  const demo = new DemoSession();
  let stack: DemoStack | undefined;
  async function openPage(): Promise<void> {
    await demo.page?.close();
    demo.errors.length = 0;
    demo.page = await demo.browser.newPage({ viewport: options.viewport, colorScheme: options.colorScheme });
    demo.page.on('pageerror', (error) => demo.errors.push(error.message));
    if (options.consoleErrors) {
      demo.page.on('console', (message) => {
        if (message.type() === 'error') demo.errors.push(`${message.text()} (${message.location().url})`);
      });
    }
  }

  before(async () => {
    stack = await startDemoStack();
    demo.devnet = stack.devnet;
    demo.url = stack.demo.url;
    demo.browser = stack.browser;
    if (options.onePage) await openPage();
  });
  if (!options.onePage) {
    beforeEach(async () => {
      demo.devnet.reset();
      await openPage();
    });
  }
  after(() => stopDemoStack(stack ?? {}));
  return demo;
}
