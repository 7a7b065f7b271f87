/// <reference types="mocha" />
// Every reading element with a failing first endpoint (a closed port, a node answering 500), a
// node that answers 503 or 429 once, and a node that never answers: the elements end in content
// without a Retry press, or in a worded error within the read's bound, saying meanwhile what they
// wait on. Real HTTP against the devnet; "localhost" is the devnet made to fail, "127.0.0.1" the
// same devnet answering.
import { assert } from 'chai';
import { ProviderClient } from '../../src/index.js';
import '../../components/consumer-list/define.js';
import '../../components/consumer-card/define.js';
import '../../components/power-chart/define.js';
import '../../components/validator-chains/define.js';
import '../../components/opt-in-button/define.js';
import '../../components/validator-settings/define.js';
import { configure, resetSharedClients } from '../../components/shared/clients.js';
import { REST, cleanUp, devnet, mount, shadowText, stateOf, until } from './helpers.js';

/** Nothing listens on port 2 (and Chromium does not block it): a refused connection. */
const DEAD = 'http://127.0.0.1:2';
/** The devnet under another host name, which the `host` fault makes answer 500. */
const SICK = REST.replace('127.0.0.1', 'localhost');

/** Records each fetch as [endpoint, read] where read is the path, query and height asked. */
function recordFetches(endpoints: string[]): { reads: Array<[string, string]>; restore: () => void } {
  const reads: Array<[string, string]> = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const endpoint = endpoints.find((e) => url.startsWith(`${e}/`));
    if (endpoint) {
      const height = new Headers(init?.headers).get('x-cosmos-block-height') ?? 'latest';
      reads.push([endpoint, `${url.slice(endpoint.length)}@${height}`]);
    }
    return original(input, init);
  };
  return { reads, restore: () => (window.fetch = original) };
}

/**
 * Each read's endpoints, cut after every answer from the live one (a read asked again later starts
 * a new run): every run tries distinct endpoints, consecutive in the configured order.
 */
function assertRunsInOrder(reads: Array<[string, string]>, endpoints: string[], live: string, label: string): number {
  const byRead = new Map<string, string[]>();
  for (const [endpoint, read] of reads) byRead.set(read, [...(byRead.get(read) ?? []), endpoint]);
  let runs = 0;
  for (const [read, tried] of byRead) {
    let run: string[] = [];
    for (const endpoint of tried) {
      run.push(endpoint);
      if (endpoint !== live) continue;
      runs++;
      assert.equal(new Set(run).size, run.length, `${label}: ${read} went to one endpoint twice: ${run.join(' ')}`);
      const first = endpoints.indexOf(run[0]!);
      run.forEach((e, i) => assert.equal(e, endpoints[(first + i) % endpoints.length], `${label}: ${read} out of order: ${run.join(' ')}`));
      run = [];
    }
    assert.deepEqual(run, [], `${label}: ${read} ended without an answer from the live endpoint`);
  }
  return runs;
}

const NOT_LOADED = new Set(['loading', 'error', 'invalid', 'ics-absent', undefined]);

/** Waits until an element shows loaded content (a data state, or an acting element's standing). */
async function untilLoaded(el: HTMLElement, timeoutMs = 15_000): Promise<void> {
  const start = performance.now();
  const current = () => (el as unknown as { status?: string }).status ?? stateOf(el);
  while (performance.now() - start < timeoutMs) {
    if (!NOT_LOADED.has(current())) return;
    if (current() === 'error' || current() === 'invalid') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`<${el.localName}> did not load; it is in ${current()}: "${shadowText(el).slice(0, 300)}"`);
}

describe('failover and transient errors in the elements', () => {
  let consumerId = '';
  let validator = '';

  before(async () => {
    const c = new ProviderClient({ rest: REST });
    const [chain] = await c.consumerChains({ phase: 'launched' });
    consumerId = chain!.consumerId;
    const set = await c.consumerValidators(consumerId);
    validator = set[0]!.operatorAddress;
  });
  beforeEach(cleanUp);
  after(async () => {
    configure(undefined);
    await cleanUp();
  });

  const mountAll = (rest: string): HTMLElement[] => [
    mount(`<ics-consumer-list rest="${rest}"></ics-consumer-list>`),
    mount(`<ics-consumer-card rest="${rest}" consumer-id="${consumerId}"></ics-consumer-card>`),
    mount(`<ics-power-chart rest="${rest}" consumer-id="${consumerId}"></ics-power-chart>`),
    mount(`<ics-validator-chains rest="${rest}" validator="${validator}"></ics-validator-chains>`),
    mount(`<ics-opt-in-button rest="${rest}" consumer-id="${consumerId}" validator="${validator}"></ics-opt-in-button>`),
    mount(`<ics-validator-settings rest="${rest}" consumer-id="${consumerId}" validator="${validator}"></ics-validator-settings>`),
  ];

  const LOOPS = 6;
  it(`list, card, chart, validator chains, opt-in and settings all load past a dead and a 500ing endpoint (${LOOPS} loops)`, async function () {
    this.timeout(120_000);
    const lists = [
      [DEAD, REST],
      [DEAD, SICK, REST],
      [SICK, REST],
      [SICK, DEAD, REST],
    ];
    let runs = 0;
    for (let loop = 0; loop < LOOPS; loop++) {
      await cleanUp();
      await devnet.faults({ mode: 'error', status: 500, host: 'localhost' });
      const endpoints = lists[loop % lists.length]!;
      const recorder = recordFetches(endpoints);
      try {
        const elements = mountAll(endpoints.join(','));
        for (const el of elements) await untilLoaded(el);
        assert.notInclude(shadowText(elements[0]!), 'endpoints failed');
        runs += assertRunsInOrder(recorder.reads, endpoints, REST, `loop ${loop} (${endpoints.join(' ')})`);
        assert.isTrue(
          recorder.reads.some(([e]) => e === endpoints[0]),
          'the failing first endpoint was tried',
        );
      } finally {
        recorder.restore();
      }
    }
    assert.isAbove(runs, LOOPS * 8, `reads checked: ${runs}`);
  });

  it('recovers from a 503 without a Retry press, and fires no ics-error', async function () {
    this.timeout(30_000);
    await devnet.faults({ mode: 'error', status: 503, times: 1 });
    const recorder = recordFetches([REST]);
    try {
      const el = mount(`<ics-consumer-list rest="${REST}"></ics-consumer-list>`);
      const errors: Event[] = [];
      el.addEventListener('ics-error', (e) => errors.push(e));
      await until(el, 'complete', 15_000);
      assert.deepEqual(errors, []);
      const reads = recorder.reads.map(([, read]) => read);
      assert.isAbove(reads.length, new Set(reads).size, 'one read was asked twice: the 503 and its retry');
    } finally {
      recorder.restore();
    }
    // The acting elements too.
    resetSharedClients();
    await devnet.faults({ mode: 'error', status: 503, times: 2 });
    const settings = mount(`<ics-validator-settings rest="${REST}" consumer-id="${consumerId}" validator="${validator}"></ics-validator-settings>`);
    await untilLoaded(settings);
  });

  it('waits as a 429 Retry-After asks, then loads', async function () {
    this.timeout(30_000);
    await devnet.faults({ mode: 'error', status: 429, retryAfter: '1', times: 1 });
    const start = performance.now();
    const el = mount(`<ics-consumer-card rest="${REST}" consumer-id="${consumerId}"></ics-consumer-card>`);
    await until(el, 'complete', 15_000);
    assert.isAtLeast(performance.now() - start, 900, 'the second asked for was waited');
  });

  it('a stalled endpoint: says what it waits on, then a worded error within the bound', async function () {
    this.timeout(30_000);
    configure({ rest: REST, timeoutMs: 3000 });
    await devnet.faults({ mode: 'timeout' });
    const start = performance.now();
    const el = mount(`<ics-consumer-list></ics-consumer-list>`);
    const live = () => el.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent ?? '';
    let waiting = '';
    while (performance.now() - start < 8000 && stateOf(el) !== 'error') {
      if (/Waiting for/.test(live())) {
        waiting = live();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(waiting, /^Waiting for http:\/\/127\.0\.0\.1:\d+ \((node info|ICS parameters|consumer chains|consumer validators|opted-in validators)\)…$/);
    assert.isTrue(el.matches(':state(loading)'), 'still loading while it says so');
    assert.equal(el.shadowRoot!.querySelector('[part="waiting"]')?.textContent, waiting, 'on screen too, in the same words');
    await until(el, 'error', 15_000);
    const took = performance.now() - start;
    assert.match(shadowText(el), /did not answer within 3 s/);
    assert.match(live(), /Could not load/);
    // One bound for the load, not one per read (detection alone used to take two).
    assert.isBelow(took, 5800, `error after ${Math.round(took)} ms`);
    configure(undefined);
  });

  it('a stalled first endpoint is left for the next one inside the bound', async function () {
    this.timeout(30_000);
    // The devnet stalls as "localhost" and answers as "127.0.0.1".
    await devnet.faults({ mode: 'timeout', host: 'localhost' });
    // Half the bound goes to the stalled endpoint; the rest must do for the reads after it on a busy machine.
    configure({ rest: [SICK, REST], timeoutMs: 8000 });
    const el = mount(`<ics-consumer-card consumer-id="${consumerId}"></ics-consumer-card>`);
    await until(el, 'complete', 15_000);
    configure(undefined);
  });
});
