// Failover, transient answers and time bounds, in Node over real HTTP: a devnet that answers, a
// devnet that always answers 500, a closed port, and a socket that accepts and never answers.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { IcsError, ProviderClient, WaitWatch } from '../../../src/index.js';
import type { FetchLike, IcsErrorKind } from '../../../src/index.js';
import { parseRetryAfter } from '../../../src/chain/transport.js';
import { startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';
import { devnetControl } from '../../shared/devnet-control.js';

/** A loopback port that was free a moment ago and has nothing listening now. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A socket that accepts connections and never answers them. */
async function stallingServer(): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A fetch that records every URL asked for, in order, then really fetches it. */
function countingFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return { urls, fetch: (input, init) => (urls.push(input), fetch(input, init)) };
}

async function rejectsWith(promise: Promise<unknown>, kind: IcsErrorKind, message?: RegExp): Promise<IcsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IcsError, `an IcsError, got ${String(error)}`);
    assert.equal(error.kind, kind, `kind of "${error.message}"`);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected an IcsError of kind ${kind}`);
}

/**
 * Groups the recorded URLs by route and query (one group per HTTP read: the reads of one round
 * are all different) and checks each: the endpoints it went to are distinct, consecutive in the
 * configured order from wherever it started, and the last is the live one.
 */
function assertEachReadInOrder(urls: string[], endpoints: string[], live: string, label: string): number {
  const byRead = new Map<string, string[]>();
  for (const url of urls) {
    const endpoint = endpoints.find((e) => url.startsWith(`${e}/`));
    assert.ok(endpoint, `${url} is one of the endpoints`);
    const read = url.slice(endpoint.length);
    byRead.set(read, [...(byRead.get(read) ?? []), endpoint]);
  }
  for (const [read, tried] of byRead) {
    assert.equal(new Set(tried).size, tried.length, `${label}: ${read} went to one endpoint twice: ${tried.join(' ')}`);
    const first = endpoints.indexOf(tried[0]!);
    tried.forEach((endpoint, i) => assert.equal(endpoint, endpoints[(first + i) % endpoints.length], `${label}: ${read} out of order: ${tried.join(' ')}`));
    assert.equal(tried.at(-1), live, `${label}: ${read} ended on the live endpoint: ${tried.join(' ')}`);
  }
  return byRead.size;
}

const main: Devnet = await startDevnet({ blockTimeMs: 0 });
const sick: Devnet = await startDevnet({ blockTimeMs: 0 });
const dead = await deadUrl();
const control = devnetControl(main.restUrl);
const sickControl = devnetControl(sick.restUrl);
const live = main.restUrl;

describe('failover, transient answers and time bounds (Node, devnet over HTTP)', () => {
  before(() => sickControl.faults({ mode: 'error', status: 500 }));
  afterEach(() => control.reset());
  after(async () => {
    await Promise.all([main.stop(), sick.stop()]);
  });

  const LOOPS = 30;
  it(`fails over for every one of many concurrent reads, each trying each endpoint once and in order (${LOOPS} loops)`, async () => {
    const chains = await new ProviderClient({ rest: live }).consumerChains({ phase: 'all' });
    const ids = chains.map((c) => c.consumerId);
    const active = chains.filter((c) => c.phase === 'launched' || c.phase === 'initialized').map((c) => c.consumerId);
    assert.ok(active.length >= 3, 'the scenario has active consumer chains');
    const lists = [
      [dead, sick.restUrl, live],
      [sick.restUrl, dead, live],
      [dead, live],
      [sick.restUrl, live],
    ];
    let reads = 0;
    for (let loop = 0; loop < LOOPS; loop++) {
      const endpoints = lists[loop % lists.length]!;
      const recorder = countingFetch();
      // One client per loop, shared by all its reads: they all start from the first endpoint
      // and move the client's preference while the others are still failing over.
      const c = new ProviderClient({ rest: endpoints, cacheTtlMs: 0, pageLimit: 10 }, { fetch: recorder.fetch });
      const results = await Promise.allSettled([
        c.providerParams(),
        c.pool(),
        c.stakingParams(),
        c.blocksUntilNextEpoch(),
        c.latestBlock(),
        c.nodeInfo(),
        // Lists of several pages (10 a page), each page its own HTTP read; the long validator list every fourth loop.
        c.consumerChains({ phase: 'all' }),
        ...(loop % 4 === 0 ? [c.validators()] : []),
        ...ids.slice(0, 6).map((id) => c.consumerChain(id)),
        ...active.flatMap((id) => [c.consumerValidators(id), c.optedInValidators(id)]),
      ]);
      const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
      assert.deepEqual(failed, [], `loop ${loop} (${endpoints.length} endpoints): every read succeeds`);
      reads += assertEachReadInOrder(recorder.urls, endpoints, live, `loop ${loop}`);
      assert.ok(
        recorder.urls.some((u) => u.startsWith(endpoints[0]!)),
        'the failing first endpoint was tried',
      );
    }
    assert.ok(reads > LOOPS * 25, `many HTTP reads were checked (${reads})`);
  });

  it('fails over past a socket that accepts and never answers, inside the read bound', async () => {
    const stall = await stallingServer();
    try {
      for (let loop = 0; loop < 3; loop++) {
        const recorder = countingFetch();
        const c = new ProviderClient({ rest: [stall.url, live], cacheTtlMs: 0, timeoutMs: 2000 }, { fetch: recorder.fetch });
        const [params, pool] = await Promise.all([c.providerParams(), c.pool()]);
        assert.ok(params.blocksPerEpoch > 0);
        assert.ok(pool.bondedTokens > 0n);
        assertEachReadInOrder(recorder.urls, [stall.url, live], live, `stall loop ${loop}`);
      }
      assert.ok(stall.accepted() >= 3, 'the stalled endpoint was asked first');
    } finally {
      await stall.close();
    }
  });

  it('recovers from a 503 and from a reset socket without the caller seeing them', async () => {
    for (const fault of [{ mode: 'error', status: 503 }, { mode: 'reset' }, { mode: 'error', status: 502 }] as const) {
      await control.faults({ ...fault, times: 1 });
      const recorder = countingFetch();
      const c = new ProviderClient({ rest: live, cacheTtlMs: 0 }, { fetch: recorder.fetch });
      assert.ok((await c.providerParams()).blocksPerEpoch > 0, `${JSON.stringify(fault)} then ok`);
      assert.equal(recorder.urls.length, 2, `${JSON.stringify(fault)}: one failure, one retry`);
    }
    // Two 503s in a row are still within the two retries.
    await control.faults({ mode: 'error', status: 503, times: 2 });
    const c = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    assert.ok((await c.consumerChains()).length > 0);
    assert.equal(c.stats().requests, 3);
  });

  it('gives up after the bounded retries, in words, and retries nothing that is not transient', async () => {
    await control.faults({ mode: 'error', status: 503 });
    const c = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    const error = await rejectsWith(c.providerParams(), 'http', /HTTP 503.*\(3 tries\)/);
    assert.equal(error.status, 503);
    assert.equal(c.stats().requests, 3, 'the first try and two retries');
    const none = new ProviderClient({ rest: live, cacheTtlMs: 0, retries: 0 });
    await rejectsWith(none.providerParams(), 'http', /HTTP 503/);
    assert.equal(none.stats().requests, 1, 'retries: 0 retries nothing');
    await control.faults({ mode: 'error', status: 500 });
    const once = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    await rejectsWith(once.providerParams(), 'http', /HTTP 500/);
    assert.equal(once.stats().requests, 1, 'a 500 is not retried on the same endpoint');
  });

  it('honours Retry-After on a 429 (seconds and HTTP date), and does not wait past its cap', async () => {
    await control.faults({ mode: 'error', status: 429, retryAfter: '1', times: 1 });
    const c = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    let start = Date.now();
    assert.ok((await c.providerParams()).blocksPerEpoch > 0);
    assert.ok(Date.now() - start >= 950, `waited the second asked for (${Date.now() - start} ms)`);
    assert.equal(c.stats().requests, 2);

    await control.faults({ mode: 'error', status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString(), times: 1 });
    const d = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    start = Date.now();
    assert.ok((await d.pool()).bondedTokens > 0n);
    assert.ok(Date.now() - start >= 500, `waited until the date asked for (${Date.now() - start} ms)`);
    assert.equal(d.stats().requests, 2);

    // A node asking for a minute is not asked again in this read, and the words say why.
    await control.faults({ mode: 'error', status: 429, retryAfter: '60' });
    const e = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    start = Date.now();
    await rejectsWith(e.stakingParams(), 'http', /limiting requests \(HTTP 429\).*asks to wait 60 s/);
    assert.equal(e.stats().requests, 1);
    assert.ok(Date.now() - start < 5000, 'did not wait the minute');

    // With a second endpoint the read goes there at once.
    const other = live.replace('127.0.0.1', 'localhost');
    await control.faults({ mode: 'error', status: 429, retryAfter: '60', host: '127.0.0.1' });
    const f = new ProviderClient({ rest: [live, other], cacheTtlMs: 0 });
    assert.ok((await f.stakingParams()).maxValidators > 0);
    assert.equal(f.stats().requests, 2);
  });

  it('parses Retry-After as seconds or an HTTP date, and nothing else', () => {
    const now = Date.parse('Wed, 25 Nov 2026 17:00:00 GMT');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 17:00:02 GMT', now), 2000);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 16:59:00 GMT', now), 0, 'a date in the past: now');
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('-1', now), undefined);
    assert.equal(parseRetryAfter('1.5', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });

  it('stops retrying when the caller aborts during the backoff', async () => {
    await control.faults({ mode: 'error', status: 503 });
    const c = new ProviderClient({ rest: live, cacheTtlMs: 0 });
    const controller = new AbortController();
    const read = c.providerParams({ signal: controller.signal });
    while (c.stats().requests < 1) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await rejectsWith(read, 'aborted');
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(c.stats().requests, 1, 'no retry after the abort');
  });

  it('bounds ICS detection (node info, then ICS parameters) by one deadline, not one per read', async () => {
    const stall = await stallingServer();
    try {
      // No chain id configured: detection reads node_info, then the params; before, 2 × timeoutMs.
      const c = new ProviderClient({ rest: stall.url, timeoutMs: 1500 });
      const start = Date.now();
      const error = await rejectsWith(c.detectIcs(), 'timeout', /did not answer within 1\.5 s \(node info\)/);
      const took = Date.now() - start;
      assert.ok(took < 2900, `one bound, not two (${took} ms)`);
      assert.ok(error.message.includes(stall.url), 'names the endpoint');
    } finally {
      await stall.close();
    }
  });

  it('bounds the devnet stall fault too, and says what it waited on', async () => {
    await control.faults({ mode: 'timeout' });
    const c = new ProviderClient({ rest: live, chainId: 'provider-devnet-1', timeoutMs: 1000, cacheTtlMs: 0 });
    await rejectsWith(c.detectIcs(), 'timeout', /within 1 s \(ICS parameters\)/);
    await rejectsWith(c.consumerChains(), 'timeout', /within 1 s \(consumer chains\)/);
  });

  it('tells a WaitWatch what it is waiting on while it waits', async () => {
    const stall = await stallingServer();
    try {
      const c = new ProviderClient({ rest: stall.url, timeoutMs: 1500 });
      const watch = new WaitWatch();
      const read = c.providerParams({ watch });
      read.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      const waiting = watch.longest();
      assert.ok(waiting, 'something is waited on');
      assert.equal(waiting.origin, stall.url);
      assert.equal(waiting.what, 'ICS parameters');
      assert.ok(Date.now() - waiting.since >= 250);
      await rejectsWith(read, 'timeout');
      assert.equal(watch.longest(), undefined, 'nothing once it ended');
    } finally {
      await stall.close();
    }
  });

  it('keeps a caller joining a slower shared load to its own deadline', async () => {
    const stall = await stallingServer();
    try {
      const c = new ProviderClient({ rest: stall.url, timeoutMs: 30_000 });
      const controller = new AbortController();
      const patient = c.pool({ signal: controller.signal, deadline: Date.now() + 30_000 });
      patient.catch(() => undefined);
      const start = Date.now();
      await rejectsWith(c.pool({ deadline: Date.now() + 500 }), 'timeout', /\(staking pool\)/);
      assert.ok(Date.now() - start < 5000, 'by its own deadline');
      controller.abort();
      await rejectsWith(patient, 'aborted');
    } finally {
      await stall.close();
    }
  });
});
