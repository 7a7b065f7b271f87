// The request cache, through a client on the devnet over HTTP: a read that joins another read of
// the same route, when that other read's only caller has just given up on it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IcsError, ProviderClient } from '../../../src/index.js';
import { startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';

describe('the request cache (Node, devnet over HTTP)', () => {
  let devnet: Devnet;
  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0, port: 0, latencyMs: 200 });
  });
  after(() => devnet.stop());

  it('starts a new load for a caller that comes just after the only earlier caller gave up (no join to a cancelled load)', async () => {
    const client = new ProviderClient({ rest: devnet.restUrl });
    const first = new AbortController();
    const abandoned = client.providerParams({ signal: first.signal });
    // Its only caller gives up: the load is cancelled, but its rejection has not settled yet.
    first.abort();
    const next = client.providerParams();
    await assert.rejects(abandoned, (error: unknown) => error instanceof IcsError && error.kind === 'aborted');
    const params = await next;
    assert.equal(typeof params.maxProviderConsensusValidators, 'number');
    assert.equal(client.stats().requests, 2, 'the second caller made its own request');
  });

  it('still joins a load in flight that another caller waits for', async () => {
    const client = new ProviderClient({ rest: devnet.restUrl });
    const leaving = new AbortController();
    const staying = client.providerParams();
    const left = client.providerParams({ signal: leaving.signal });
    leaving.abort();
    await assert.rejects(left, (error: unknown) => error instanceof IcsError && error.kind === 'aborted');
    await staying;
    const third = await client.providerParams();
    assert.ok(third);
    assert.equal(client.stats().requests, 1, 'one request served all three');
    assert.equal(client.stats().joined, 1);
  });
});
