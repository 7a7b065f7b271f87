/**
 * Scenarios made in code: many consumer chains across every phase over a small validator set,
 * for pagination and load tests (a permissionless provider collects hundreds of registrations).
 */
import type { ConsumerPhase } from '../src/ics/models.js';
import type { Scenario, ScenarioConsumer } from './scenario.js';

export interface GenerateOptions {
  /** Number of consumer chains (default 260). */
  chains?: number;
  /** Number of validators (default 40). */
  validators?: number;
  chainId?: string;
}

const CYCLE: ConsumerPhase[] = ['registered', 'registered', 'launched', 'initialized', 'stopped', 'deleted', 'registered', 'launched'];

export function generateScenario(options: GenerateOptions = {}): Scenario {
  const chains = options.chains ?? 260;
  const validators = options.validators ?? 40;
  const consumers: ScenarioConsumer[] = Array.from({ length: chains }, (_, i) => {
    const phase = CYCLE[i % CYCLE.length]!;
    return {
      consumerId: String(i),
      chainId: `generated-${i}`,
      phase,
      name: `Generated chain ${i}`,
      optedIn: phase === 'launched' || phase === 'initialized' ? [i % validators, (i + 7) % validators] : [],
      spawnTime: phase === 'initialized' ? '+86400s' : undefined,
    };
  });
  return {
    chainId: options.chainId ?? 'provider-devnet-many',
    denomMetadata: { display: 'atom', exponent: 6, symbol: 'ATOM' },
    validators: { count: validators, totalTokens: String(BigInt(validators) * 1_000_000_000_000n) },
    consumers,
  };
}
