/**
 * A provider with 500 bonded, active validators and one Top-N 100 chain that all of them
 * validate, for the chart's scale test (started by web-test-runner.config.mjs). Powers are
 * 1000, 999, … 501 (validator i has 1000 − i), so every figure the chart shows can be worked by hand:
 * - total power 1000 + 999 + … + 501 = (1000 + 501) · 500 / 2 = 375250;
 * - a third is 125083.3: the 134 largest hold 134·1000 − 134·133/2 = 125089 > it, the 133 largest
 *   124222 ≤ it, so Nakamoto 134;
 * - two thirds is 250166.7: the 293 largest hold 293·1000 − 293·292/2 = 250222 > it, the 292 largest
 *   249514, so ⅔ by 293;
 * - Top-N 100 takes all 500, the smallest holding 501; the largest holds 1000 / 375250 = 0.27%.
 */
import type { Scenario } from '../../devnet/index.js';

export const FIVE_HUNDRED_CHAIN_ID = 'provider-devnet-500';

export function fiveHundredScenario(): Scenario {
  return {
    chainId: FIVE_HUNDRED_CHAIN_ID,
    params: { blocksPerEpoch: 10, maxProviderConsensusValidators: 500, maxValidators: 500 },
    validators: Array.from({ length: 500 }, (_, i) => ({ moniker: `Validator ${i + 1}`, tokens: `${1000 - i}000000` })),
    consumers: [{ consumerId: '0', chainId: 'fixture-500', phase: 'launched', name: 'Five Hundred', topN: 100, spawnTime: '-86400s', optedIn: [] }],
  };
}
