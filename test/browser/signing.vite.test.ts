/// <reference types="mocha" />
// Served by Vite (a *.vite.test.ts file, see web-test-runner.config.mjs): TestWallet → TxFlow → the devnet's RPC, in Chromium.
import { devnetControl } from '../shared/devnet-control.js';
import { signingSuite } from '../shared/signing-suite.js';

const urls = (window as unknown as { __ICS_DEVNET__: { rest: string; rpc: string } }).__ICS_DEVNET__;

describe('signing against the devnet (Chromium)', () => {
  signingSuite({ describe, it, before, beforeEach }, { control: devnetControl(urls.rest), rpc: urls.rpc, chainId: 'provider-devnet-1' });
});
