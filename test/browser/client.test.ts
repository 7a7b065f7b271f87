/// <reference types="mocha" />
// The client core against the devnet over real HTTP, in headless Chromium (mocha globals).
import { clientSuite } from '../shared/client-suite.js';
import { devnetControl } from '../shared/devnet-control.js';

declare global {
  interface Window {
    __ICS_DEVNET__: { rest: string; rpc: string; manyChainsRest: string; fiveHundredRest: string };
  }
}

const urls = window.__ICS_DEVNET__;

describe('client core against the devnet (Chromium)', () => {
  clientSuite(
    { describe, it, before, beforeEach, after },
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    { main: devnetControl(urls.rest), many: devnetControl(urls.manyChainsRest), deadUrl: 'http://127.0.0.1:9' },
  );
});
