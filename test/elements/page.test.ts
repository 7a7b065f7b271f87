/// <reference types="mocha" />
// Elements together on one page: one shared client, each distinct request made once, and the
// requests a page with a list, a card and a validator's chains makes, counted route by route.
import { assert } from 'chai';
import { ProviderClient } from '../../src/index.js';
import '../../components/provider-chain/define.js';
import '../../components/consumer-list/define.js';
import '../../components/consumer-card/define.js';
import '../../components/validator-chains/define.js';
import { sharedClient } from '../../components/shared/clients.js';
import { testOperator } from '../../devnet/test-keys.js';
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

  it("a list, a card and a validator's chains under one provider: each request once, 65 in all", async () => {
    const chain = { consumerId: '0' };
    const validator = { operatorAddress: testOperator('top').operator };
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
    // Worked from the default scenario: 42 chains, of which 40 are active (7 is stopped, 8 deleted)
    // and 7 launched (0, 1, 2, 3, 4, 9, 11). The top operator (rank 7) validates chains 0 and 4 and
    // is opted in to the initialized chain 6. So: the opted-in list of every active chain (40; the
    // list's spam filter shares them); the set of each launched chain and of chain 6 (8; the card's
    // chain 0 among them); its consumer address on its 3 chains; three chain lists (all phases for
    // the validator, launched for the list, the client's ICS detection); one each of the rest, the
    // four reads of the chain's own settings among them (prefixes: one operator address and auth's
    // bech32 prefix; the bond denom from staking params; its display unit from bank denom metadata).
    assert.deepEqual(Object.fromEntries(byRoute), {
      '/cosmos/base/tendermint/v1beta1/node_info': 1,
      'ics/consumer_chains/{id}': 3,
      '/cosmos/staking/v1beta1/pool': 1,
      'ics/consumer_validators/{id}': 8,
      'ics/consumer_chain/{id}': 1,
      'ics/blocks_until_next_epoch': 1,
      '/cosmos/staking/v1beta1/validators/{addr}': 1,
      'ics/params': 1,
      'ics/consumer_chains_per_validator/{addr}': 1,
      'ics/opted_in_validators/{id}': 40,
      'ics/validator_consumer_addr/{id}/{addr}': 3,
      '/cosmos/staking/v1beta1/validators': 1,
      '/cosmos/auth/v1beta1/bech32': 1,
      '/cosmos/staking/v1beta1/params': 1,
      '/cosmos/bank/v1beta1/denoms_metadata/uatom': 1,
    });
    assert.equal(recorder.urls.length, 65);
  });
});
