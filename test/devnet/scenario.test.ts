// Scenario loading: the built-in default looks like the Hub, bad fields are named, and
// generated scenarios are deterministic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCENARIO_PATH, generateScenario, loadScenario } from '../../devnet/index.js';
import type { Scenario } from '../../devnet/index.js';

const small = (): Scenario => ({
  chainId: 'small-1',
  validators: [{ tokens: '3000000' }, { tokens: '2000000' }],
  consumers: [{ consumerId: '0', chainId: 'c-1', phase: 'launched', name: 'C', optedIn: [0] }],
});

/** loadScenario on `small()` changed by `edit`, expecting an error that names `field`. */
function rejects(edit: (s: Record<string, unknown>) => void, field: string): void {
  const s = small() as unknown as Record<string, unknown>;
  edit(s);
  assert.throws(
    () => loadScenario(s as unknown as Scenario),
    (error: Error) => {
      assert.match(error.message, new RegExp(`"${field.replace(/[[\].]/g, '\\$&')}"`), error.message);
      return true;
    },
  );
}

describe('scenarios', () => {
  it('the default looks like the Hub in 2025: 180 active of 200 bonded, a steep curve, jailed and unbonded ones', () => {
    const s = loadScenario(DEFAULT_SCENARIO_PATH);
    assert.equal(s.chainId, 'provider-devnet-1');
    assert.equal(s.maxProviderConsensusValidators, 180);
    assert.equal(s.maxValidators, 200);
    assert.equal(s.minCommissionRate, '0.05');
    const jailed = s.validators.filter((v) => v.jailed);
    assert.ok(jailed.length >= 1);
    const ranked = s.validators.filter((v) => !v.jailed && v.tokens >= 1_000_000n).sort((a, b) => (a.tokens > b.tokens ? -1 : 1));
    assert.ok(ranked.length > 200, 'more candidates than max_validators, so some stay unbonded');
    const bonded = ranked.slice(0, 200);
    const total = bonded.reduce((sum, v) => sum + v.tokens, 0n);
    const share = (n: number) => Number((bonded.slice(0, n).reduce((sum, v) => sum + v.tokens, 0n) * 1000n) / total) / 10;
    assert.ok(share(1) >= 5 && share(1) <= 7, `top validator ${share(1)}%`);
    assert.ok(share(10) >= 37 && share(10) <= 43, `top 10 ${share(10)}%`);
    assert.ok(
      bonded.every((v) => v.tokens % 1_000_000n === 0n),
      'whole ATOMs, so power = tokens / 10^6 exactly',
    );
    assert.equal(new Set(s.validators.map((v) => v.consensusAddress)).size, s.validators.length);
  });

  it('the default has chains in every phase, the look-alikes, the hostile one and spam', () => {
    const s = loadScenario(DEFAULT_SCENARIO_PATH);
    const byPhase = (p: string) => s.consumers.filter((c) => c.phase === p);
    for (const phase of ['registered', 'initialized', 'launched', 'stopped', 'deleted']) assert.ok(byPhase(phase).length > 0, phase);
    const neutron = s.consumers.find((c) => c.consumerId === '0')!;
    assert.equal(neutron.chainId, 'neutron-1');
    assert.equal(neutron.topN, 95);
    const stride = s.consumers.find((c) => c.consumerId === '1')!;
    assert.ok(stride.topN === 0 && stride.validatorSetCap > 0 && stride.validatorsPowerCap > 0 && stride.allowlist.length > 0);
    assert.ok(s.consumers.some((c) => c.minStake > 0n && c.denylist.length > 0));
    assert.ok(s.consumers.some((c) => c.allowInactiveVals && c.prioritylist.length > 0));
    const initialized = byPhase('initialized')[0]!;
    assert.ok((initialized.spawnOffsetSeconds ?? 0) > 0, 'spawn time in the future');
    const lookAlikes = s.consumers.filter((c) => c.consumerId !== '0' && /^Ne[uυ]tron$|Str[іi]de/.test(c.name));
    assert.ok(lookAlikes.some((c) => c.name === 'Neutron' && c.chainId !== 'neutron-1'));
    assert.ok(
      lookAlikes.some((c) => /\u0456/.test(c.name)),
      'a Cyrillic letter',
    );
    const hostile = s.consumers.find((c) => c.name.includes('<img'))!;
    assert.equal(Buffer.byteLength(hostile.name), 50, 'the module’s maximum, which it counts in bytes');
    assert.match(hostile.name, /\u202E/);
    assert.match(hostile.name, /\u200B/);
    assert.match(hostile.description, /javascript:/);
    const descriptionBytes = Buffer.byteLength(hostile.description);
    assert.ok(descriptionBytes > 9_900 && descriptionBytes <= 10_000, `description ${descriptionBytes} bytes`);
    const spam = byPhase('registered').filter((c) => c.optedIn.length === 0);
    assert.ok(spam.length >= 5);
  });

  it('names the bad field', () => {
    rejects((s) => delete s.chainId, 'chainId');
    rejects((s) => (s.chainId = 'has spaces'), 'chainId');
    rejects((s) => (s.params = { blocksPerEpoch: 0 }), 'params.blocksPerEpoch');
    rejects((s) => (s.params = { blocksPerEpch: 5 }), 'params.blocksPerEpch');
    rejects((s) => (s.params = { minCommissionRate: '1.5' }), 'params.minCommissionRate');
    rejects((s) => ((s.validators as Array<Record<string, unknown>>)[1]!.tokens = 2000000), 'validators[1].tokens');
    rejects((s) => ((s.validators as Array<Record<string, unknown>>)[0]!.operatorAddress = 'cosmos1abc'), 'validators[0].operatorAddress');
    rejects((s) => ((s.validators as Array<Record<string, unknown>>)[1]!.consensusKey = 'short'), 'validators[1].consensusKey');
    rejects((s) => (s.validators = { count: 0, totalTokens: '100' }), 'validators.count');
    rejects((s) => (s.validators = { count: 3, totalTokens: '100', overrides: [{ index: 3 }] }), 'validators.overrides[0].index');
    const consumer = (s: Record<string, unknown>) => (s.consumers as Array<Record<string, unknown>>)[0]!;
    rejects((s) => (consumer(s).consumerId = 'neutron-1'), 'consumers[0].consumerId');
    rejects((s) => (consumer(s).phase = 'running'), 'consumers[0].phase');
    rejects((s) => (consumer(s).topN = 40), 'consumers[0].topN');
    rejects((s) => (consumer(s).optedIn = [7]), 'consumers[0].optedIn[0]');
    rejects((s) => (consumer(s).spawnTime = 'tomorrow'), 'consumers[0].spawnTime');
    rejects((s) => (consumer(s).name = 'x'.repeat(51)), 'consumers[0].name');
    rejects((s) => (consumer(s).metadata = 'm'.repeat(256)), 'consumers[0].metadata');
    rejects((s) => (consumer(s).topn = 95), 'consumers[0].topn');
    rejects((s) => Object.assign(consumer(s), { phase: 'initialized' }), 'consumers[0].spawnTime');
    rejects((s) => (consumer(s).consumerKeys = { 0: 'not-a-key' }), 'consumers[0].consumerKeys.0');
    rejects((s) => (s.consumers = [consumer(s), consumer(s)]), 'consumers');
  });

  it('reads a JSON file, and says which file it could not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnet-scenario-'));
    try {
      const file = join(dir, 's.json');
      writeFileSync(file, JSON.stringify(small()));
      const s = loadScenario(file);
      assert.equal(s.chainId, 'small-1');
      assert.equal(s.validators.length, 2);
      assert.equal(s.consumers[0]!.optedIn[0], s.validators[0]!.consensusAddress, 'validators by index resolve to valcons');
      writeFileSync(file, '{"chainId": ');
      assert.throws(() => loadScenario(file), new RegExp(`Cannot read scenario ${file.replace(/[.\\/]/g, '\\$&')}`));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('derives addresses from the seed: the same seed gives the same chain, another seed another', () => {
    const a = loadScenario({ ...small(), seed: 'one' });
    const b = loadScenario({ ...small(), seed: 'one' });
    const c = loadScenario({ ...small(), seed: 'two' });
    assert.deepEqual(
      a.validators.map((v) => v.operatorAddress),
      b.validators.map((v) => v.operatorAddress),
    );
    assert.notEqual(a.validators[0]!.operatorAddress, c.validators[0]!.operatorAddress);
    assert.match(a.validators[0]!.operatorAddress, /^cosmosvaloper1[02-9ac-hj-np-z]{38}$/);
    assert.match(a.validators[0]!.consensusAddress, /^cosmosvalcons1[02-9ac-hj-np-z]{38}$/);
  });

  it('generateScenario: many chains over every phase, valid and deterministic', () => {
    const raw = generateScenario({ chains: 260, validators: 12 });
    assert.deepEqual(generateScenario({ chains: 260, validators: 12 }), raw);
    const s = loadScenario(raw);
    assert.equal(s.consumers.length, 260);
    assert.equal(s.validators.length, 12);
    const phases = new Set(s.consumers.map((c) => c.phase));
    assert.deepEqual([...phases].sort(), ['deleted', 'initialized', 'launched', 'registered', 'stopped']);
  });
});
