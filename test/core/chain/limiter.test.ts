// The client's limit on requests in flight, through a client on the devnet over HTTP: a read that
// waits for a free slot and is given up meanwhile is told so at once (the request cache lets its
// caller go), and its load, cancelled, sends nothing when its turn comes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IcsError, ProviderClient } from '../../../src/index.js';
import { startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';

describe('the limit on requests in flight (Node, devnet over HTTP)', () => {
  let devnet: Devnet;
  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0, port: 0, latencyMs: 300 });
  });
  after(() => devnet.stop());

  it('a read given up while it waits for a slot rejects as aborted at once, before the read ahead of it answers, and sends no request', async () => {
    const client = new ProviderClient({ rest: devnet.restUrl, maxConcurrent: 1 });
    const settled: string[] = [];
    const ahead = client.providerParams().then(() => settled.push('ahead answered'));
    const waiting = new AbortController();
    const behind = client.blocksUntilNextEpoch({ signal: waiting.signal }).then(
      () => settled.push('behind answered'),
      (error: unknown) => settled.push(error instanceof IcsError ? `behind ${error.kind}` : `behind threw ${String(error)}`),
    );
    // Both are in the client now: the first holds the only slot, the second waits for it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    waiting.abort();
    await Promise.all([ahead, behind]);
    assert.deepEqual(settled, ['behind aborted', 'ahead answered']);
    assert.equal(client.stats().requests, 1, 'only the read ahead was sent');
  });

  it('the line keeps its order: the next waiting read takes the slot the aborted one left', async () => {
    const client = new ProviderClient({ rest: devnet.restUrl, maxConcurrent: 1 });
    const order: string[] = [];
    const given = new AbortController();
    const reads = [
      client.providerParams().then(() => order.push('params')),
      client.blocksUntilNextEpoch({ signal: given.signal }).catch((error: unknown) => order.push(`epoch ${(error as IcsError).kind}`)),
      client.throttleState().then(() => order.push('throttle')),
    ];
    await new Promise((resolve) => setTimeout(resolve, 50));
    given.abort();
    await Promise.all(reads);
    assert.deepEqual(order, ['epoch aborted', 'params', 'throttle']);
    assert.equal(client.stats().requests, 2);
  });
});
