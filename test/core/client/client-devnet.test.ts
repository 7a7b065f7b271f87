// The client core against the devnet over real HTTP, in Node (the same suite runs in Chromium).
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateScenario, startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';
import { clientSuite } from '../../shared/client-suite.js';
import { devnetControl } from '../../shared/devnet-control.js';

/**
 * An endpoint that cannot be read: a loopback server on a port of its own (port 0, read back, kept
 * for the whole run, so no other process can take it meanwhile) that drops every connection.
 */
async function deadEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const main = await startDevnet({ blockTimeMs: 0 });
const many = await startDevnet({ blockTimeMs: 0, scenario: generateScenario({ chains: 260 }) });
const devnets: Devnet[] = [main, many];
const dead = await deadEndpoint();

describe('client core against the devnet (Node)', () => {
  clientSuite({ describe, it, before, beforeEach, after }, { main: devnetControl(main.restUrl), many: devnetControl(many.restUrl), deadUrl: dead.url });
  // Registered after the suite's own hooks, which still talk to the devnets.
  after(() => Promise.all([...devnets.map((d) => d.stop()), dead.close()]));
});
