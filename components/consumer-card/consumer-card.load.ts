/**
 * The reads behind `<ics-consumer-card>`: the chain in full, its validator set (active chains
 * only), the bonded pool for the stake share, and the blocks left in the epoch. Run side by
 * side; plain async code over the client, no DOM.
 */
import type { ConsumerChainDetails, ConsumerValidator, ChainContext, ReadOptions } from '../../src/index.js';
import { isIcsError } from '../../src/index.js';
import { nakamotoCoefficient } from '../../src/power/index.js';
import { isActivePhase } from '../../src/index.js';
import { stakeShare } from '../shared/stake.js';
import * as queries from '../../src/queries.js';

export type ConsumerCardData =
  | { found: false; message: string }
  | {
      found: true;
      chain: ConsumerChainDetails;
      /** Validators in the set; undefined for a stopped or deleted chain. */
      validators: number | undefined;
      /** Provider tokens of the set / provider bonded tokens. */
      stakeShare: number | undefined;
      /** Fewest validators holding more than 1/3 of the consumer power. */
      nakamoto: number | undefined;
      blocksToEpoch: number;
    };

export async function loadConsumerCard(client: ChainContext, consumerId: string, options: ReadOptions): Promise<ConsumerCardData> {
  // The set is asked for at once with the rest; its answer only counts if the chain is active.
  const set = queries.consumerValidators(client, consumerId, options).then(
    (v): ConsumerValidator[] | Error => v,
    (error: unknown): Error => (error instanceof Error ? error : new Error(String(error))),
  );
  let chain: ConsumerChainDetails;
  let pool: { bondedTokens: bigint };
  let blocksToEpoch: number;
  try {
    [chain, pool, blocksToEpoch] = await Promise.all([
      queries.consumerChain(client, consumerId, options),
      queries.pool(client, options),
      queries.blocksUntilNextEpoch(client, options),
    ]);
  } catch (error) {
    if (isIcsError(error) && error.kind === 'not-found') return { found: false, message: error.message };
    throw error;
  }
  if (!isActivePhase(chain.phase)) {
    return { found: true, chain, validators: undefined, stakeShare: undefined, nakamoto: undefined, blocksToEpoch };
  }
  const validators = await set;
  if (validators instanceof Error) throw validators;
  return {
    found: true,
    chain,
    validators: validators.length,
    stakeShare: stakeShare(validators, pool.bondedTokens),
    nakamoto: nakamotoCoefficient(validators.map((v) => v.consumerPower)),
    blocksToEpoch,
  };
}
