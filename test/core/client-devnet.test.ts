// The client core against the devnet over real HTTP, in Node (the same suite runs in Chromium).
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateScenario, startDevnet } from '../../src/devnet/index.js';
import type { Devnet } from '../../src/devnet/index.js';
import { clientSuite } from '../shared/client-suite.js';
import { devnetControl } from '../shared/devnet-control.js';

/** A loopback port that was free a moment ago and has nothing listening now. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const main = await startDevnet({ blockTimeMs: 0 });
const many = await startDevnet({ blockTimeMs: 0, scenario: generateScenario({ chains: 260 }) });
const devnets: Devnet[] = [main, many];
const dead = await deadUrl();

describe('client core against the devnet (Node)', () => {
  clientSuite(
    { describe, it, before, beforeEach, after },
    { main: devnetControl(main.restUrl), many: devnetControl(many.restUrl), deadUrl: dead },
  );
  // Registered after the suite's own hooks, which still talk to the devnets.
  after(() => Promise.all(devnets.map((d) => d.stop())));
});
