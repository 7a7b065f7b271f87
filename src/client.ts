/**
 * `ProviderClient`: typed, cached, deduplicated reads of a provider chain's REST API with plain
 * `fetch`, every query a method. One per chain configuration; elements on a page share one.
 *
 * A thin front for apps: each method calls the query function of the same name
 * (`src/chain/queries.ts`, `src/ics/queries.ts`, `src/staking/queries.ts`) on this client, which
 * is a `ChainContext`. Code that cares about bundle size calls those functions on a bare
 * `ChainContext` instead, and keeps only the queries it uses; `new ProviderClient(context)`
 * gives a client sharing that context's cache and chain settings.
 */
import { ChainContext } from './chain/context.js';
import type { ReadOptions } from './chain/reader.js';
import * as base from './chain/queries.js';
import type { LatestBlock, NodeInfo } from './chain/queries.js';
import * as ics from './ics/queries.js';
import type { IcsStatus } from './ics/detect.js';
import type { AddressPair, ConsumerChain, ConsumerChainDetails, ConsumerPhase, ConsumerValidator, ProviderParams, ThrottleState } from './ics/models.js';
import * as staking from './staking/queries.js';
import type { BondStatusFilter, ValidatorIdentity } from './staking/queries.js';
import type { StakingParams, StakingPool, StakingValidator } from './staking/models.js';

export type { ReadOptions } from './chain/reader.js';
export type { ClientOptions, ClientStats } from './chain/context.js';
export type { BondStatusFilter, ValidatorIdentity } from './staking/queries.js';

export class ProviderClient extends ChainContext {
  // ---- chain ---------------------------------------------------------------------------------

  /** The chain id: from the config, else the node's `node_info`. */
  chainId(options: ReadOptions = {}): Promise<string> {
    return base.chainId(this, options);
  }

  nodeInfo(options: ReadOptions = {}): Promise<NodeInfo> {
    return base.nodeInfo(this, options);
  }

  /** Height and time of the latest block. */
  latestBlock(options: ReadOptions = {}): Promise<LatestBlock> {
    return base.latestBlock(this, options);
  }

  // ---- ICS -----------------------------------------------------------------------------------

  /** Whether the node has the ICS provider module (v6+), an older one, or none. */
  detectIcs(options: ReadOptions = {}): Promise<IcsStatus> {
    return ics.detectIcs(this, options);
  }

  /** Consumer chains in a phase (default launched), every page. */
  consumerChains(options: ReadOptions & { phase?: ConsumerPhase | 'all' } = {}): Promise<ConsumerChain[]> {
    return ics.consumerChains(this, options);
  }

  /** One consumer chain in full (an unknown id is `not-found`). */
  consumerChain(consumerId: string, options: ReadOptions = {}): Promise<ConsumerChainDetails> {
    return ics.consumerChain(this, consumerId, options);
  }

  /** The consumer's validator set: stored at the last epoch end (launched) or computed now (pre-launch). */
  consumerValidators(consumerId: string, options: ReadOptions = {}): Promise<ConsumerValidator[]> {
    return ics.consumerValidators(this, consumerId, options);
  }

  /** Consensus addresses of the validators opted in to a chain (changes at once, not at the epoch). */
  optedInValidators(consumerId: string, options: ReadOptions = {}): Promise<string[]> {
    return ics.optedInValidators(this, consumerId, options);
  }

  /** Consumer ids a validator validates now or would if the epoch ended now (launched chains). */
  consumerChainsOfValidator(validator: string, options: ReadOptions = {}): Promise<string[]> {
    return ics.consumerChainsOfValidator(this, validator, options);
  }

  /** A validator's commission on a consumer (falls back to its provider rate on chain). */
  consumerCommissionRate(consumerId: string, validator: string, options: ReadOptions = {}): Promise<string> {
    return ics.consumerCommissionRate(this, consumerId, validator, options);
  }

  /** The consumer consensus address a validator assigned on a chain, or undefined when none. */
  consumerAddress(consumerId: string, validator: string, options: ReadOptions = {}): Promise<string | undefined> {
    return ics.consumerAddress(this, consumerId, validator, options);
  }

  /** Provider ↔ consumer consensus addresses and keys of a chain's validators. */
  addressPairs(consumerId: string, options: ReadOptions = {}): Promise<AddressPair[]> {
    return ics.addressPairs(this, consumerId, options);
  }

  providerParams(options: ReadOptions = {}): Promise<ProviderParams> {
    return ics.providerParams(this, options);
  }

  blocksUntilNextEpoch(options: ReadOptions = {}): Promise<number> {
    return ics.blocksUntilNextEpoch(this, options);
  }

  consumerIdFromClientId(clientId: string, options: ReadOptions = {}): Promise<string> {
    return ics.consumerIdFromClientId(this, clientId, options);
  }

  throttleState(options: ReadOptions = {}): Promise<ThrottleState> {
    return ics.throttleState(this, options);
  }

  registeredConsumerRewardDenoms(options: ReadOptions = {}): Promise<string[]> {
    return ics.registeredConsumerRewardDenoms(this, options);
  }

  // ---- staking -------------------------------------------------------------------------------

  /** Provider validators (default: bonded), every page. */
  validators(options: ReadOptions & { status?: BondStatusFilter } = {}): Promise<StakingValidator[]> {
    return staking.validators(this, options);
  }

  /** One validator by operator address (`cosmosvaloper1…`). */
  validator(operatorAddress: string, options: ReadOptions = {}): Promise<StakingValidator> {
    return staking.validator(this, operatorAddress, options);
  }

  pool(options: ReadOptions = {}): Promise<StakingPool> {
    return staking.pool(this, options);
  }

  stakingParams(options: ReadOptions = {}): Promise<StakingParams> {
    return staking.stakingParams(this, options);
  }

  /**
   * All three addresses and the moniker of a validator given by any of them (operator, account
   * or consensus address). A consensus address is looked up among all validators.
   */
  resolveValidator(address: string, options: ReadOptions = {}): Promise<ValidatorIdentity> {
    return staking.resolveValidator(this, address, options);
  }

  /** The consensus address ICS queries take, from an operator or consensus address. */
  consensusAddressOf(validator: string, options: ReadOptions = {}): Promise<string> {
    return staking.consensusAddressOf(this, validator, options);
  }
}
