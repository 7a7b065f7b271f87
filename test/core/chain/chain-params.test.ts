// Prefixes, denoms and units read from the chain when the page does not give them: the client
// against the MANTRA-like devnet over HTTP, with and without bank denom metadata.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MANTRA_LIKE, startDevnet } from '../../../devnet/index.js';
import { ProviderClient, chainSettingsFromInfo } from '../../../src/index.js';

const mantra = await startDevnet({ blockTimeMs: 0, scenario: 'mantra-like' });
const bare = await startDevnet({ blockTimeMs: 0, scenario: 'mantra-like', denomMetadata: false });
const hub = await startDevnet({ blockTimeMs: 0 });

describe('chain params read from the chain', () => {
  after(() => Promise.all([mantra, bare, hub].map((d) => d.stop())));

  it('reads prefix mantra, denom uom and display OM / 6 with nothing but rest', async () => {
    const client = new ProviderClient({ rest: mantra.restUrl });
    assert.equal(client.chainKnown, false);
    assert.equal(client.config.prefixes.account, 'cosmos', 'the Hub defaults until read');
    const params = await client.chainParams();
    assert.deepEqual(params.prefixes, { account: 'mantra', validator: 'mantravaloper', consensus: 'mantravalcons' });
    assert.equal(params.stakingDenom, 'uom');
    assert.equal(params.displayDenom, 'OM');
    assert.equal(params.displayExponent, 6);
    assert.equal(params.gasPrice, '0.005uom');
    assert.equal(params.note, undefined);
    assert.deepEqual(params.sources, { prefix: 'chain', stakingDenom: 'chain', display: 'chain' });
    assert.equal(client.chainKnown, true);
    assert.equal(client.config.prefixes.validator, 'mantravaloper');
    assert.equal(client.config.stakingDenom, 'uom');
  });

  it('reads once per client, however many callers ask at once', async () => {
    const client = new ProviderClient({ rest: mantra.restUrl });
    await Promise.all([client.chainParams(), client.chainParams(), client.chainParams()]);
    const first = client.stats().requests;
    // validators?limit=1, auth bech32, staking params, denoms_metadata
    assert.equal(first, 4);
    await client.chainParams();
    assert.equal(client.stats().requests, first);
  });

  it('resolves mantravaloper1… and mantravalcons1… addresses once read', async () => {
    const client = new ProviderClient({ rest: mantra.restUrl });
    const validators = await client.validators();
    const v = validators[0]!;
    assert.match(v.operatorAddress, /^mantravaloper1/);
    assert.match(v.consensusAddress, /^mantravalcons1/);
    const byValcons = await client.resolveValidator(v.consensusAddress);
    assert.equal(byValcons.operatorAddress, v.operatorAddress);
    assert.match(byValcons.accountAddress, /^mantra1/);
    await assert.rejects(
      client.resolveValidator('cosmosvaloper1f6t7l8dzprdjy7u5u4h2c6sh23fjd5tvtmk3rq'),
      /prefix "cosmosvaloper"; this chain uses "mantravaloper"/,
    );
  });

  it('reads an operator address beside the chain prefix, checks it against it, and reads no denom for it', async () => {
    const operator = (await new ProviderClient({ rest: mantra.restUrl }).validators())[0]!.operatorAddress;
    const events: string[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      const path = new URL(url).pathname;
      events.push(`start ${path}`);
      const response = await globalThis.fetch(url, init);
      events.push(`end ${path}`);
      return response;
    };
    const client = new ProviderClient({ rest: mantra.restUrl }, { fetch });
    const identity = await client.resolveValidator(operator);
    assert.equal(identity.operatorAddress, operator);
    assert.match(identity.consensusAddress, /^mantravalcons1/);
    assert.match(identity.accountAddress, /^mantra1/);
    // The validator is asked before any answer about the prefix is in: one round trip, not two.
    const asked = events.indexOf(`start /cosmos/staking/v1beta1/validators/${operator}`);
    const firstAnswer = events.findIndex((e) => e.startsWith('end '));
    assert.ok(asked >= 0 && asked < firstAnswer, events.join(', '));
    // The prefix is all it needs: no staking params, no denom metadata (a round trip more).
    assert.ok(!events.some((e) => e.includes('denoms_metadata') || e.endsWith('/staking/v1beta1/params')), events.join(', '));
    assert.equal(client.chainKnown, false);
    // A foreign prefix still fails in words once the chain's is known (its early read is dropped).
    await assert.rejects(
      new ProviderClient({ rest: mantra.restUrl }).resolveValidator('cosmosvaloper1f6t7l8dzprdjy7u5u4h2c6sh23fjd5tvtmk3rq'),
      /prefix "cosmosvaloper"; this chain uses "mantravaloper"/,
    );
  });

  it('lets the page settings win over the chain, field by field', async () => {
    const client = new ProviderClient({ rest: mantra.restUrl, displayDenom: 'MANTRA', displayExponent: 3, gasPrice: '0.01uom' });
    const params = await client.chainParams();
    assert.equal(params.prefixes.account, 'mantra');
    assert.equal(params.displayDenom, 'MANTRA');
    assert.equal(params.displayExponent, 3);
    assert.equal(params.gasPrice, '0.01uom');
    assert.equal(params.sources.display, 'given');
    const all = new ProviderClient({ rest: mantra.restUrl, bech32Prefix: 'mantra', stakingDenom: 'uom', displayDenom: 'OM', displayExponent: 6 });
    assert.equal(all.chainKnown, true, 'nothing to read');
    await all.chainParams();
    assert.equal(all.stats().requests, 0);
  });

  it('falls back to the base denom with exponent 0 where the chain has no denom metadata, and says so', async () => {
    const client = new ProviderClient({ rest: bare.restUrl });
    const params = await client.chainParams();
    assert.equal(params.displayDenom, 'uom');
    assert.equal(params.displayExponent, 0);
    assert.equal(params.sources.display, 'fallback');
    assert.match(params.note ?? '', /Amounts are in uom, the chain's base unit: it publishes no display unit/);
  });

  it('reads the Hub-like default as cosmos / uatom / ATOM 6', async () => {
    const params = await new ProviderClient({ rest: hub.restUrl }).chainParams();
    assert.equal(params.prefixes.account, 'cosmos');
    assert.equal(params.stakingDenom, 'uatom');
    assert.equal(params.displayDenom, 'ATOM');
    assert.equal(params.displayExponent, 6);
  });

  it('takes the settings from one chain-info JSON, ours or a Keplr ChainInfo', () => {
    assert.deepEqual(chainSettingsFromInfo({ bech32Prefix: 'mantra', denom: 'uom', displayDenom: 'OM', displayExponent: 6 }), {
      bech32Prefix: 'mantra',
      stakingDenom: 'uom',
      displayDenom: 'OM',
      displayExponent: 6,
    });
    assert.deepEqual(
      chainSettingsFromInfo({
        bech32Config: { bech32PrefixAccAddr: 'mantra' },
        stakeCurrency: { coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6 },
      }),
      { bech32Prefix: 'mantra', stakingDenom: 'uom', displayDenom: 'OM', displayExponent: 6 },
    );
    assert.throws(() => chainSettingsFromInfo({ displayExponent: 'six' }), /whole number from 0 to 30/);
    assert.equal(MANTRA_LIKE.bech32Prefix, 'mantra');
  });
});
