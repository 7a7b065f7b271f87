/**
 * `ics-elements/queries`: every read of `ProviderClient` as a plain function over a
 * `ChainContext` (`new ChainContext({ rest })`, or an element's `sharedClient(…)`), so a bundle
 * keeps only the queries it calls. A `ProviderClient` is a `ChainContext` too.
 */
export { ChainContext } from './chain/context.js';
export type { ClientOptions, ClientStats } from './chain/context.js';
export type { ReadOptions } from './chain/reader.js';
export { chainId, latestBlock, nodeInfo } from './chain/queries.js';
export type { LatestBlock, NodeInfo } from './chain/queries.js';
export {
  addressPairs,
  blocksUntilNextEpoch,
  consumerAddress,
  consumerChain,
  consumerChains,
  consumerChainsOfValidator,
  consumerCommissionRate,
  consumerIdFromClientId,
  consumerValidators,
  detectIcs,
  optedInValidators,
  providerParams,
  registeredConsumerRewardDenoms,
  throttleState,
} from './ics/queries.js';
export { consensusAddressOf, pool, resolveValidator, stakingParams, validator, validators } from './staking/queries.js';
export type { BondStatusFilter, ValidatorIdentity } from './staking/queries.js';
