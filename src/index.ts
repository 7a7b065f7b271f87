/**
 * ics-elements core: typed, cached reads of an ICS provider chain over REST with plain `fetch`.
 * No DOM, no Lit, no cosmjs: usable from Node, workers and any framework.
 */
export { ProviderClient } from './client.js';
export type { BondStatusFilter, ClientOptions, ClientStats, ReadOptions, ValidatorIdentity } from './client.js';
// The chain the query functions read (they are `ics-elements/queries`, src/queries.ts).
export { ChainContext } from './chain/context.js';
export { resolveConfig, endpointUrl } from './chain/config.js';
export type { ProviderConfig, ProviderConfigInput } from './chain/config.js';
export { chainSettingsFromInfo } from './chain/chain-params.js';
export { readChainParams } from './chain/read-chain-params.js';
export type { ChainParams, ChainSettings, ChainValueSource } from './chain/chain-params.js';
export { IcsError, errorMessage, isIcsError } from './chain/errors.js';
export type { IcsErrorKind } from './chain/errors.js';
export type { FetchLike } from './chain/transport.js';
export { WaitWatch } from './chain/waits.js';
export type { Waiting } from './chain/waits.js';
// Giving the thread back between slices of long work: the elements yield with it too.
export { nextTask } from './chain/tasks.js';
export type { IcsAvailability, IcsStatus } from './ics/detect.js';
export { CONSUMER_PHASES } from './ics/models.js';
export {
  ACTIVE_PHASES,
  DEFAULT_POWER_REDUCTION,
  canOptOut,
  consensusPower,
  isActivePhase,
  isInTopN,
  optOutRefusal,
  parseConsumerId,
  tokensToConsensusPower,
  validatorStanding,
} from './ics/rules.js';
export type { OptOutChain, OptOutRefusal, StandingFacts, ValidatorStanding } from './ics/rules.js';
export type * from './ics/models.js';
export type { BondStatus, StakingParams, StakingPool, StakingValidator, ValidatorDescription } from './staking/models.js';
export { decodeAddress, prefixesFor } from './chain/bech32.js';
export { accountToValidator, addressKind, validatorToAccount } from './staking/address.js';
// The consensus address of a key, with the platform's SHA-256 (WebCrypto): a hash library in this
// entry would weigh more than the rest of the address code (the devnet's synchronous one is in
// src/staking/address.ts).
export { consensusAddressOfKey } from './chain/consensus.js';
export type { Bech32Prefixes } from './chain/bech32.js';
export type { AddressKind } from './staking/address.js';
