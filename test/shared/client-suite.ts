/**
 * The client core against the devnet over real HTTP. One suite, run by Node's test runner
 * (test/core/client/client-devnet.test.ts) and in Chromium (test/browser/client.test.ts), so the
 * read path is proven in both places with the same assertions.
 */
import { assert } from 'chai';
import { CONSUMER_PHASES, IcsError, ProviderClient } from '../../src/index.js';
import type { ConsumerChain, FetchLike, IcsErrorKind } from '../../src/index.js';
import type { DevnetControl } from './devnet-control.js';

type Hook = (fn: () => unknown) => void;
export interface SuiteApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void> | void) => void;
  before: Hook;
  beforeEach: Hook;
  after: Hook;
}

export interface SuiteEnv {
  main: DevnetControl;
  /** A devnet whose scenario has 260+ consumer chains. */
  many: DevnetControl;
  /** A URL where nothing listens. */
  deadUrl: string;
}

async function rejectsWith(promise: Promise<unknown>, kind: IcsErrorKind, message?: RegExp): Promise<IcsError> {
  try {
    await promise;
  } catch (error) {
    assert.instanceOf(error, IcsError);
    const e = error as IcsError;
    assert.equal(e.kind, kind, `kind of "${e.message}"`);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected an IcsError of kind ${kind}`);
}

/** A fetch that records the URLs it was asked for, then really fetches them. */
function recordingFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return { urls, fetch: (input, init) => (urls.push(input), fetch(input, init)) };
}

export function clientSuite(api: SuiteApi, env: SuiteEnv): void {
  const { describe, it, beforeEach, after } = api;
  const { main } = env;
  const client = (extra: Partial<ConstructorParameters<typeof ProviderClient>[0]> = {}) => new ProviderClient({ rest: main.rest, cacheTtlMs: 0, ...extra });

  beforeEach(() => main.reset());
  after(() => main.reset());

  describe('ICS detection', () => {
    it('finds ICS v7 on the devnet', async () => {
      const info = await main.info();
      const status = await client().detectIcs();
      assert.equal(status.availability, 'available');
      assert.equal(status.chainId, info.chainId);
    });

    it('says in words that ICS is absent (as on Gaia v28+), and ICS reads fail with ics-absent', async () => {
      await main.ics('absent');
      const c = client();
      const status = await c.detectIcs();
      assert.equal(status.availability, 'absent');
      assert.match(status.message, /ICS is not available on provider-devnet-1/);
      await rejectsWith(c.consumerChains(), 'ics-absent', /no provider module/);
      // Staking still answers on such a node.
      assert.isAbove((await c.validators()).length, 0);
    });

    it('shares the params request between detection and providerParams, each decoding its own way', async () => {
      const c = new ProviderClient({ rest: main.rest, cacheTtlMs: 60_000 });
      await c.detectIcs();
      const requests = c.stats().requests;
      const params = await c.providerParams();
      assert.equal(c.stats().requests, requests, 'answered from the cache');
      assert.equal(params.blocksPerEpoch, (await main.info()).blocksPerEpoch);
      assert.equal(params.maxProviderConsensusValidators, 180);
    });

    it('recognises a pre-v6 provider as legacy', async () => {
      await main.ics('legacy');
      const status = await client().detectIcs();
      assert.equal(status.availability, 'legacy');
      assert.match(status.message, /before v6/);
    });
  });

  describe('consumer chains', () => {
    it('lists every phase, and "all" is the sum of the phases', async () => {
      const c = client();
      const all = await c.consumerChains({ phase: 'all' });
      let sum = 0;
      for (const phase of CONSUMER_PHASES) {
        const chains = await c.consumerChains({ phase });
        assert.isAbove(chains.length, 0, `the default scenario has a ${phase} chain`);
        assert.isTrue(chains.every((chain) => chain.phase === phase));
        sum += chains.length;
      }
      assert.equal(all.length, sum);
      assert.equal(new Set(all.map((chain) => chain.consumerId)).size, all.length, 'consumer ids are unique');
    });

    it('normalizes each field of the REST JSON', async () => {
      const raw = (await (await fetch(`${main.rest}/interchain_security/ccv/provider/consumer_chains/0?pagination.limit=1000`)).json()) as {
        chains: Array<Record<string, unknown>>;
      };
      const chains = await client().consumerChains({ phase: 'all' });
      assert.equal(chains.length, raw.chains.length);
      for (const [i, chain] of chains.entries()) {
        const wire = raw.chains[i]!;
        assert.equal(chain.consumerId, wire.consumer_id);
        assert.equal(chain.chainId, wire.chain_id);
        assert.equal(chain.topN, wire.top_N);
        assert.equal(chain.kind, (wire.top_N as number) > 0 ? 'top-n' : 'opt-in');
        assert.equal(chain.phase, (wire.phase as string).replace('CONSUMER_PHASE_', '').toLowerCase());
        assert.equal(chain.minStake, BigInt(wire.min_stake as string));
        if (chain.kind === 'opt-in') assert.isUndefined(chain.minPowerInTopN);
        else assert.equal(chain.minPowerInTopN, BigInt(wire.min_power_in_top_N as string));
        assert.deepEqual(chain.allowlist, wire.allowlist);
      }
    });

    it('pages through 260+ chains, one request per page', async () => {
      const c = new ProviderClient({ rest: env.many.rest, pageLimit: 100 });
      const chains = await c.consumerChains({ phase: 'all' });
      assert.isAtLeast(chains.length, 260);
      assert.equal(new Set(chains.map((chain) => chain.consumerId)).size, chains.length);
      assert.equal(c.stats().requests, Math.ceil(chains.length / 100));
    });

    it('reads one chain in full: owner, init params, power shaping', async () => {
      const c = client();
      const [launched] = await c.consumerChains({ phase: 'launched' });
      const details = await c.consumerChain(launched!.consumerId);
      assert.equal(details.consumerId, launched!.consumerId);
      assert.equal(details.chainId, launched!.chainId);
      assert.equal(details.phase, 'launched');
      assert.equal(details.powerShaping.topN, launched!.topN);
      assert.match(details.ownerAddress, /^cosmos1/);
      const [initialized] = await c.consumerChains({ phase: 'initialized' });
      const pending = await c.consumerChain(initialized!.consumerId);
      assert.instanceOf(pending.initParams?.spawnTime, Date);
    });

    it('answers not-found for an unknown id and invalid-input for a non-number', async () => {
      const c = client();
      await rejectsWith(c.consumerChain('987654'), 'not-found', /no active consumer chain with id 987654/);
      await rejectsWith(c.consumerChain('neutron'), 'invalid-input', /whole number/);
      await rejectsWith(c.consumerValidators('-1'), 'invalid-input');
    });
  });

  describe('validator sets and opt-in state', () => {
    let topN: ConsumerChain;
    let optIn: ConsumerChain;
    beforeEach(async () => {
      const launched = await client().consumerChains({ phase: 'launched' });
      topN = launched.find((chain) => chain.kind === 'top-n')!;
      optIn = launched.find((chain) => chain.kind === 'opt-in' && chain.allowlist.length === 0 && chain.minStake === 0n && chain.validatorSetCap === 0)!;
      assert.isDefined(topN, 'a launched Top-N chain');
      assert.isDefined(optIn, 'a launched opt-in chain without allowlist, min stake or set cap');
    });

    it('a Top-N chain is secured by the validators at or above min_power_in_top_N', async () => {
      const c = client();
      const set = await c.consumerValidators(topN.consumerId);
      const bonded = await c.validators();
      const params = await c.providerParams();
      const active = bonded
        .map((v) => v.tokens / 1_000_000n)
        .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
        .slice(0, params.maxProviderConsensusValidators);
      const mustValidate = active.filter((p) => p >= topN.minPowerInTopN!).length;
      assert.isAtLeast(set.length, mustValidate);
      assert.isTrue(set.every((v) => v.validatesCurrentEpoch && v.consumerPower > 0n));
      assert.isTrue(set.every((v) => v.providerPower === v.providerTokens / 1_000_000n));
      assert.isTrue(set.every((v) => /^cosmosvalcons1/.test(v.providerAddress) && /^cosmosvaloper1/.test(v.operatorAddress)));
    });

    it('an opt-in is visible at once; the set changes at the next epoch end', async () => {
      const c = client();
      const params = await c.providerParams();
      // An active validator (in the provider's top by stake) that has not opted in yet.
      const active = (await c.validators()).sort((a, b) => (a.tokens > b.tokens ? -1 : 1)).slice(0, params.maxProviderConsensusValidators);
      const opted = new Set(await c.optedInValidators(optIn.consumerId));
      const newcomer = active.find((v) => !opted.has(v.consensusAddress) && !optIn.denylist.includes(v.consensusAddress))!;
      await main.optIn(optIn.consumerId, newcomer.operatorAddress);
      assert.include(await c.optedInValidators(optIn.consumerId), newcomer.consensusAddress);
      const before = await c.consumerValidators(optIn.consumerId);
      assert.notInclude(
        before.map((v) => v.providerAddress),
        newcomer.consensusAddress,
      );
      await main.advanceToEpochEnd();
      const afterEpoch = await c.consumerValidators(optIn.consumerId);
      assert.include(
        afterEpoch.map((v) => v.providerAddress),
        newcomer.consensusAddress,
      );
      assert.equal(afterEpoch.length, before.length + 1);
      assert.include(await c.consumerChainsOfValidator(newcomer.operatorAddress), optIn.consumerId);
    });

    it('has-to-validate, commission and consumer key answer by operator or consensus address alike', async () => {
      const c = client();
      const [member] = await c.consumerValidators(topN.consumerId);
      const byValoper = await c.consumerChainsOfValidator(member!.operatorAddress);
      const byValcons = await c.consumerChainsOfValidator(member!.providerAddress);
      assert.deepEqual(byValoper, byValcons);
      assert.include(byValoper, topN.consumerId);
      const rate = await c.consumerCommissionRate(topN.consumerId, member!.operatorAddress);
      assert.equal(rate, member!.consumerCommissionRate);
      const pairs = await c.addressPairs(topN.consumerId);
      for (const pair of pairs.slice(0, 3)) {
        assert.equal(await c.consumerAddress(topN.consumerId, pair.providerAddress), pair.consumerAddress);
      }
    });

    it('resolves operator, account and consensus addresses to one validator', async () => {
      const c = client();
      const [validator] = await c.validators();
      const byOperator = await c.resolveValidator(validator!.operatorAddress);
      const byConsensus = await c.resolveValidator(validator!.consensusAddress);
      const byAccount = await c.resolveValidator(byOperator.accountAddress);
      assert.deepEqual(byConsensus, byOperator);
      assert.deepEqual(byAccount, byOperator);
      assert.match(byOperator.accountAddress, /^cosmos1/);
      await rejectsWith(c.resolveValidator('cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqx'), 'invalid-input', /checksum/);
      await rejectsWith(c.resolveValidator('osmovaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqn8jjc6'), 'invalid-input');
    });
  });

  describe('the remaining queries', () => {
    it('node info, throttle state, reward denoms, consumer id of a client, one validator', async () => {
      const c = client();
      const info = await c.nodeInfo();
      assert.equal(info.network, (await main.info()).chainId);
      assert.match(info.appVersion, /^v\d+/);
      const throttle = await c.throttleState();
      assert.isTrue(throttle.slashMeter >= 0n);
      assert.instanceOf(throttle.nextReplenishCandidate, Date);
      assert.deepEqual(await c.registeredConsumerRewardDenoms(), []);
      const [launched] = await c.consumerChains({ phase: 'launched' });
      assert.equal(await c.consumerIdFromClientId(launched!.clientId), launched!.consumerId);
      await rejectsWith(c.consumerIdFromClientId('07-tendermint-99999'), 'not-found');
      const [first] = await c.validators();
      const one = await c.validator(first!.operatorAddress);
      assert.deepEqual(one, first);
      await rejectsWith(c.validator(first!.consensusAddress), 'invalid-input', /cosmosvaloper1/);
    });
  });

  describe('epochs, params and staking', () => {
    it('counts blocks down to the epoch end', async () => {
      const c = client();
      const params = await c.providerParams();
      const info = await main.info();
      assert.equal(params.blocksPerEpoch, info.blocksPerEpoch);
      const left = await c.blocksUntilNextEpoch();
      assert.equal(left, info.height % params.blocksPerEpoch === 0 ? 0 : params.blocksPerEpoch - (info.height % params.blocksPerEpoch));
      await main.advance(1);
      const next = await c.blocksUntilNextEpoch();
      assert.equal(next, left === 0 ? params.blocksPerEpoch - 1 : left - 1);
    });

    it('reads bonded validators, pool and staking params consistently', async () => {
      const c = client();
      const [bonded, all, pool, params] = await Promise.all([c.validators(), c.validators({ status: 'all' }), c.pool(), c.stakingParams()]);
      assert.isAtMost(bonded.length, params.maxValidators);
      assert.isAbove(all.length, bonded.length, 'the scenario has unbonded or jailed validators');
      assert.equal(
        bonded.reduce((s, v) => s + v.tokens, 0n),
        pool.bondedTokens,
      );
      assert.match(params.minCommissionRate, /^0\.\d{18}$/);
    });
  });

  describe('pinned height', () => {
    it('answers at a past height, and refuses pruned and future heights in words', async () => {
      const c = client();
      const [chain] = (await c.consumerChains({ phase: 'launched' })).filter((x) => x.kind === 'opt-in');
      const { height } = await c.latestBlock();
      const before = await c.optedInValidators(chain!.consumerId);
      const [newcomer] = (await c.validators()).filter((v) => !before.includes(v.consensusAddress));
      await main.optIn(chain!.consumerId, newcomer!.operatorAddress);
      await main.advance(2);
      const pinned = new ProviderClient({ rest: main.rest, height });
      assert.deepEqual(await pinned.optedInValidators(chain!.consumerId), before);
      assert.include(await c.optedInValidators(chain!.consumerId), newcomer!.consensusAddress);
      await rejectsWith(c.optedInValidators(chain!.consumerId, { height: height + 1000 }), 'height-unavailable', /height/);
      await main.advance(150);
      await rejectsWith(pinned.optedInValidators(chain!.consumerId, { fresh: true }), 'height-unavailable', new RegExp(`height ${height}`));
    });
  });

  describe('transport', () => {
    it('fails over when the first endpoint is dead, then prefers the one that answered', async () => {
      const recorder = recordingFetch();
      const c = new ProviderClient({ rest: [env.deadUrl, main.rest], cacheTtlMs: 0 }, { fetch: recorder.fetch });
      assert.isAbove((await c.consumerChains()).length, 0);
      assert.isTrue(recorder.urls[0]!.startsWith(env.deadUrl));
      assert.isTrue(recorder.urls[1]!.startsWith(main.rest));
      recorder.urls.length = 0;
      await c.blocksUntilNextEpoch();
      assert.deepEqual(
        recorder.urls.map((u) => u.startsWith(main.rest)),
        [true],
      );
    });

    it('says which endpoints failed when none answers', async () => {
      await rejectsWith(new ProviderClient({ rest: [env.deadUrl] }).consumerChains(), 'network', /Could not reach/);
    });

    it('maps each injected failure to its kind', async () => {
      const c = client({ timeoutMs: 1000 });
      await main.faults({ mode: 'error', status: 500 });
      const error = await rejectsWith(c.blocksUntilNextEpoch(), 'http', /HTTP 500/);
      assert.equal(error.status, 500);
      await main.faults({ mode: 'timeout' });
      await rejectsWith(c.blocksUntilNextEpoch(), 'timeout', /did not answer within 1 s \(next epoch\)/);
      await main.faults({ mode: 'malformed-json' });
      await rejectsWith(c.consumerChains(), 'decode', /not JSON/);
      await main.faults({ mode: 'wrong-shape' });
      await rejectsWith(c.consumerChains(), 'decode', /should be/);
      await main.faults({ mode: 'reset' });
      await rejectsWith(c.consumerChains(), 'network');
      await main.faults(null);
      assert.isAbove((await c.consumerChains()).length, 0);
    });

    it('fails over on a 5xx from one endpoint', async () => {
      // Two devnets, both on 127.0.0.1 (never "localhost", which may resolve to ::1 where nothing
      // listens): the fault hits the first request only, and the second endpoint answers it.
      const other = env.many.rest;
      await main.faults({ mode: 'error', status: 503, times: 1 });
      const c = new ProviderClient({ rest: [main.rest, other], cacheTtlMs: 0 });
      assert.isAbove(await c.blocksUntilNextEpoch(), -1);
      assert.equal(c.stats().requests, 2);
    });

    it('makes one request for ten identical reads in flight, and serves a fresh cache', async () => {
      const c = new ProviderClient({ rest: main.rest, cacheTtlMs: 60_000 });
      const results = await Promise.all(Array.from({ length: 10 }, () => c.consumerChains({ phase: 'all' })));
      const pages = Math.ceil(results[0]!.length / 100);
      assert.equal(c.stats().requests, pages);
      assert.equal(c.stats().joined, 9);
      await c.consumerChains({ phase: 'all' });
      assert.equal(c.stats().requests, pages);
      assert.equal(c.stats().cacheHits, 1);
      c.invalidate();
      await c.consumerChains({ phase: 'all' });
      assert.equal(c.stats().requests, pages * 2);
    });

    it('aborts a read through its signal, without failing the other reads sharing it', async () => {
      await main.faults({ latencyMs: 300 });
      const c = client();
      const controller = new AbortController();
      const aborted = c.providerParams({ signal: controller.signal });
      const kept = c.providerParams();
      controller.abort();
      await rejectsWith(aborted, 'aborted');
      assert.isAbove((await kept).blocksPerEpoch, 0);
      const already = new AbortController();
      already.abort();
      await rejectsWith(c.providerParams({ signal: already.signal }), 'aborted');
    });

    it('refuses endpoints that are not http(s) URLs', () => {
      assert.throws(() => new ProviderClient({ rest: 'javascript:alert(1)' }), /http: or https:/);
      assert.throws(() => new ProviderClient({ rest: 'not a url' }), /must be an http\(s\) URL/);
      assert.throws(() => new ProviderClient({ rest: [] }), /At least one REST endpoint/);
      assert.throws(() => new ProviderClient({ rest: main.rest, height: -5 }), /"height" must be a whole number/);
    });
  });
}
