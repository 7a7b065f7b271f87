/**
 * The one consumer chain an acting element acts on, read alone (`/consumer_chain/{id}`) rather
 * than picked out of every consumer chain, and the Top-N threshold that only the chain list
 * carries.
 */
import { IcsError, isIcsError } from '../../src/index.js';
import type { ChainContext, ConsumerChainDetails, ReadOptions } from '../../src/index.js';
import * as queries from '../../src/queries.js';

/** The chain; an id the provider does not know is `not-found`, in the same words whatever the node said. */
export async function oneConsumerChain(client: ChainContext, consumerId: string, options: ReadOptions): Promise<ConsumerChainDetails> {
  try {
    return await queries.consumerChain(client, consumerId, options);
  } catch (error) {
    if (isIcsError(error) && error.kind === 'not-found') {
      throw new IcsError('not-found', `There is no consumer chain with id ${consumerId} on this provider.`, { field: 'consumerId', cause: error });
    }
    throw error;
  }
}

/**
 * A Top-N chain's `min_power_in_top_N`: the chain's own query does not answer it, the list of
 * the chain's phase does (only read for a Top-N chain). Undefined for an opt-in chain.
 */
export async function topNThreshold(client: ChainContext, chain: ConsumerChainDetails, options: ReadOptions): Promise<bigint | undefined> {
  if (chain.kind !== 'top-n') return undefined;
  const chains = await queries.consumerChains(client, { ...options, phase: chain.phase });
  return chains.find((c) => c.consumerId === chain.consumerId)?.minPowerInTopN;
}
