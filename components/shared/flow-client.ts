/** The reads the signing flow makes, over an element's chain context. */
import type { ChainContext } from '../../src/index.js';
import type { FlowClient } from '../../src/signing/index.js';
import * as queries from '../../src/queries.js';

/**
 * The reads the signing flow makes, as the query functions over the element's context (its
 * cache shared), so the element does not carry `ProviderClient` and every query with it.
 */
export function flowClient(context: ChainContext): FlowClient {
  return {
    get config() {
      return context.config;
    },
    chainParams: (options) => context.chainParams(options),
    invalidate: (fragment) => context.invalidate(fragment),
    chainId: (options) => queries.chainId(context, options),
    validator: (address, options) => queries.validator(context, address, options),
    validators: (options) => queries.validators(context, options),
    stakingParams: (options) => queries.stakingParams(context, options),
    consumerChain: (id, options) => queries.consumerChain(context, id, options),
    consumerChains: (options) => queries.consumerChains(context, options),
    addressPairs: (id, options) => queries.addressPairs(context, id, options),
  };
}
