// The provider the list benches read (bench-first-row.ts, bench-batch.ts): 60 validators and a
// number of launched chains, Top-N and opt-in mixed, each chain's set a different size.
import type { Scenario, ScenarioConsumer } from '../devnet/index.js';

export const VALIDATORS = 60;

/** Chain i: Top-N every fifth, else an opt-in chain with a stretch of validators that moves along the ranking. */
function consumer(i: number): ScenarioConsumer {
  const base = { consumerId: String(i), chainId: `rows-${i}-1`, phase: 'launched' as const, name: `Row chain ${i}`, spawnTime: '-86400s' };
  if (i % 5 === 0) return { ...base, topN: [95, 80, 50][(i / 5) % 3]! };
  const size = 5 + ((i * 7) % 40);
  const from = (i * 11) % (VALIDATORS - size);
  return { ...base, optedIn: Array.from({ length: size }, (_, k) => from + k) };
}

export function scenarioOf(chains: number): Scenario {
  return {
    chainId: `provider-rows-${chains}-1`,
    params: { maxValidators: VALIDATORS, maxProviderConsensusValidators: VALIDATORS },
    validators: { count: VALIDATORS, totalTokens: '30000000000000' },
    consumers: Array.from({ length: chains }, (_, i) => consumer(i)),
  };
}
