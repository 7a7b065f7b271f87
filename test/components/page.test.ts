/// <reference types="mocha" />
// Elements together on one page: one shared client, each distinct request made once, and the
// count a page with a list, a card and a validator's chains makes (printed for the report).
import { assert } from 'chai';
import { ProviderClient } from '../../src/index.js';
import '../../components/provider-chain/define.js';
import '../../components/consumer-list/define.js';
import '../../components/consumer-card/define.js';
import '../../components/validator-chains/define.js';
import { sharedClient } from '../../components/shared/clients.js';
import { REST, cleanUp, countFetches, mount, until } from './helpers.js';

/** The request URLs, without the host, grouped: how many times each was asked for. */
function duplicates(urls: string[]): string[] {
  const seen = new Map<string, number>();
  for (const u of urls) seen.set(u, (seen.get(u) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([u, n]) => `${n}× ${u}`);
}

describe('elements on one page', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('two elements with the same config share one client and make each request once', async () => {
    const c = new ProviderClient({ rest: REST });
    const [chain] = await c.consumerChains({ phase: 'launched' });
    const recorder = countFetches();
    try {
      const a = mount(`<ics-consumer-card rest="${REST}" consumer-id="${chain!.consumerId}"></ics-consumer-card>`);
      const b = mount(`<ics-consumer-card rest="${REST}/" consumer-id="${chain!.consumerId}" variant="compact"></ics-consumer-card>`);
      await until(a, 'complete');
      await until(b, 'complete');
    } finally {
      recorder.restore();
    }
    assert.deepEqual(duplicates(recorder.urls), []);
    assert.equal(sharedClient({ rest: REST }).stats().requests, recorder.urls.length);
    assert.isAbove(sharedClient({ rest: REST }).stats().joined + sharedClient({ rest: REST }).stats().cacheHits, 0);
  });

  it('a list, a card and a validator\'s chains under one provider: each request once (count printed)', async () => {
    const c = new ProviderClient({ rest: REST });
    const [chain] = await c.consumerChains({ phase: 'launched' });
    const [validator] = await c.consumerValidators(chain!.consumerId);
    const recorder = countFetches();
    try {
      const provider = mount(`<ics-provider-chain rest="${REST}">
        <ics-consumer-list></ics-consumer-list>
        <ics-consumer-card consumer-id="${chain!.consumerId}"></ics-consumer-card>
        <ics-validator-chains validator="${validator!.operatorAddress}"></ics-validator-chains>
      </ics-provider-chain>`);
      for (const el of provider.querySelectorAll('ics-consumer-list, ics-consumer-card, ics-validator-chains')) await until(el, 'complete');
    } finally {
      recorder.restore();
    }
    assert.deepEqual(duplicates(recorder.urls), []);
    const paths = recorder.urls.map((u) => new URL(u).pathname.replace(/\/interchain_security\/ccv\/provider/, 'ics'));
    const byRoute = new Map<string, number>();
    for (const p of paths) {
      const route = p.replace(/\/\d+(\/|$)/g, '/{id}$1').replace(/cosmosval(oper|cons)1\w+/g, '{addr}');
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    }
    console.log(`requests for list + card + validator-chains: ${recorder.urls.length} (${[...byRoute].map(([r, n]) => `${r}: ${n}`).join(', ')})`);
  });
});
