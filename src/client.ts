/**
 * `ProviderClient`: typed, cached, deduplicated reads of a provider chain's REST API with plain
 * `fetch`. One per chain configuration; elements on a page share it.
 */
import type { ProviderConfig, ProviderConfigInput } from './chain/config.js';
import { resolveConfig } from './chain/config.js';
import type { ChainParams } from './chain/chain-params.js';
import { readChainParams } from './chain/chain-params.js';
import { fields } from './chain/decode.js';
import { IcsError } from './chain/errors.js';
import type { ReadOptions } from './chain/reader.js';
import { Reader } from './chain/reader.js';
import { SLICE } from './chain/tasks.js';
import type { FetchLike } from './chain/transport.js';
import {
  decodeAddressPair,
  decodeChain,
  decodeConsumerChainDetails,
  decodeConsumerValidator,
  decodeProviderParams,
  decodeThrottleState,
  phaseSegment,
} from './ics/decode.js';
import type { IcsStatus } from './ics/detect.js';
import { ICS_BASE, detectIcs, isMissingRoute } from './ics/detect.js';
import { parseConsumerId } from './ics/rules.js';
import type {
  AddressPair,
  ConsumerChain,
  ConsumerChainDetails,
  ConsumerPhase,
  ConsumerValidator,
  ProviderParams,
  ThrottleState,
} from './ics/models.js';
import type { AddressKind } from './staking/address.js';
import { accountToValidator, addressKind, consensusAddressOfKey, validatorToAccount } from './staking/address.js';
import { decodePool, decodeStakingParams, decodeStakingValidator } from './staking/decode.js';
import type { DecodedValidator } from './staking/decode.js';
import type { StakingParams, StakingPool, StakingValidator } from './staking/models.js';

export type { ReadOptions } from './chain/reader.js';

export interface ClientOptions {
  /** A `fetch` to use instead of the global one (tests, proxies). */
  fetch?: FetchLike;
}

export interface ValidatorIdentity {
  operatorAddress: string;
  accountAddress: string;
  consensusAddress: string;
  moniker: string;
}

export interface ClientStats {
  /** HTTP requests sent. */
  requests: number;
  /** Reads answered from the cache. */
  cacheHits: number;
  /** Reads that joined an identical read already in flight. */
  joined: number;
}

export type BondStatusFilter = 'bonded' | 'unbonding' | 'unbonded' | 'all';

const STATUS_FILTER: Record<Exclude<BondStatusFilter, 'all'>, string> = {
  bonded: 'BOND_STATUS_BONDED',
  unbonding: 'BOND_STATUS_UNBONDING',
  unbonded: 'BOND_STATUS_UNBONDED',
};


export class ProviderClient {
  private current: ProviderConfig;
  private readonly reader: Reader;
  private params: Promise<ChainParams> | undefined;
  private known: ChainParams | undefined;

  constructor(config: ProviderConfigInput | ProviderConfig, options: ClientOptions = {}) {
    this.current = 'prefixes' in config ? config : resolveConfig(config);
    this.reader = new Reader(this.current, options.fetch);
    const given = this.current.given;
    if (given.bech32Prefix !== undefined && given.stakingDenom !== undefined && given.displayDenom !== undefined && given.displayExponent !== undefined) {
      this.known = {
        prefixes: this.current.prefixes,
        stakingDenom: this.current.stakingDenom,
        displayDenom: this.current.displayDenom,
        displayExponent: this.current.displayExponent,
        gasPrice: this.current.gasPrice,
        sources: { prefix: 'given', stakingDenom: 'given', display: 'given' },
      };
      this.params = Promise.resolve(this.known);
    }
  }

  /**
   * The configuration. Its prefixes, denoms, exponent and gas price are final once
   * `chainParams()` has answered (`chainKnown`); before, those the page did not give hold the
   * Cosmos Hub defaults.
   */
  get config(): ProviderConfig {
    return this.current;
  }

  /** True once the chain's prefixes and denoms are known (given by the page, or read). */
  get chainKnown(): boolean {
    return this.known !== undefined;
  }

  /** The chain's prefixes and denoms once known, else undefined. */
  get knownChainParams(): ChainParams | undefined {
    return this.known;
  }

  /**
   * The chain's bech32 prefixes, staking denom, display denom and exponent and gas price: the
   * page's settings where given, the rest read from the chain once per client (shared by every
   * caller; a failed read is tried again by the next caller, and `fresh` starts another while
   * none has answered). `config` follows.
   */
  chainParams(options: ReadOptions = {}): Promise<ChainParams> {
    // A fresh read (Retry) does not wait on a read that has not answered yet: the node may have
    // been down when it started.
    if (!this.params || (options.fresh && !this.known)) {
      const read = readChainParams(this.reader, this.current.given);
      this.params = read;
      read.then(
        (params) => {
          this.known = params;
          this.current = {
            ...this.current,
            prefixes: params.prefixes,
            stakingDenom: params.stakingDenom,
            displayDenom: params.displayDenom,
            displayExponent: params.displayExponent,
            gasPrice: params.gasPrice,
          };
        },
        () => {
          if (this.params === read) this.params = undefined;
        },
      );
    }
    // Settle `known` and `config` first, so a caller sees them as soon as this resolves.
    const settled = this.params.then(async (params) => {
      await Promise.resolve();
      return params;
    });
    return abortable(settled, options.signal);
  }

  /** Request counts since this client was made. */
  stats(): ClientStats {
    const { hits, joined } = this.reader.cache.stats;
    return { requests: this.reader.transport.requests, cacheHits: hits, joined };
  }

  /** Forget cached reads (all, or those whose key contains `fragment`), e.g. after a transaction. */
  invalidate(fragment?: string): void {
    this.reader.cache.invalidate(fragment === undefined ? undefined : (key) => key.includes(fragment));
  }

  /** `options` with a deadline (`timeoutMs` from now unless it has one), for a call made of several reads. */
  private bounded(options: ReadOptions): ReadOptions {
    return options.deadline === undefined ? { ...options, deadline: this.reader.deadline() } : options;
  }

  // ---- chain ---------------------------------------------------------------------------------

  /** The chain id: from the config, else the node's `node_info`. */
  async chainId(options: ReadOptions = {}): Promise<string> {
    if (this.config.chainId) return this.config.chainId;
    return (await this.nodeInfo(options)).network;
  }

  async nodeInfo(options: ReadOptions = {}): Promise<{ network: string; appVersion: string; cosmosSdkVersion: string }> {
    const { value } = await this.reader.get(
      '/cosmos/base/tendermint/v1beta1/node_info',
      (body, path) => {
        const f = fields(body, path);
        const node = fields(f.obj.default_node_info, path.field('default_node_info'));
        const app = f.message('application_version', (v, p) => fields(v, p), true);
        return {
          network: node.string('network'),
          appVersion: app?.string('version', '') ?? '',
          cosmosSdkVersion: app?.string('cosmos_sdk_version', '') ?? '',
        };
      },
      { ...options, height: undefined },
    );
    return value;
  }

  /** Height and time of the latest block. */
  async latestBlock(options: ReadOptions = {}): Promise<{ height: number; time: Date | undefined; chainId: string }> {
    const { value } = await this.reader.get(
      '/cosmos/base/tendermint/v1beta1/blocks/latest',
      (body, path) => {
        const block = fields(fields(body, path).obj.block, path.field('block'));
        const header = fields(block.obj.header, path.field('block').field('header'));
        return { height: header.safeInteger('height'), time: header.timestamp('time'), chainId: header.string('chain_id') };
      },
      { ...options, height: undefined },
    );
    return value;
  }

  // ---- ICS -----------------------------------------------------------------------------------

  /** Whether the node has the ICS provider module (v6+), an older one, or none. */
  async detectIcs(options: ReadOptions = {}): Promise<IcsStatus> {
    const bounded = this.bounded(options);
    const chainId = await this.chainId(bounded).catch((error: unknown) => {
      // A node that does not answer at all is the answer; one without node_info may still have ICS.
      if (error instanceof IcsError && (error.kind === 'timeout' || error.kind === 'aborted')) throw error;
      return this.config.chainId ?? 'this chain';
    });
    return detectIcs(this.reader, chainId, { ...bounded, height: options.height ?? this.config.height });
  }

  /** Consumer chains in a phase (default launched), every page. */
  async consumerChains(options: ReadOptions & { phase?: ConsumerPhase | 'all' } = {}): Promise<ConsumerChain[]> {
    const phase = options.phase ?? 'launched';
    const { value } = await this.reader.getAll(
      `${ICS_BASE}/consumer_chains/${phaseSegment(phase)}`,
      'chains',
      decodeChain,
      options,
      {},
      this.icsError(),
    );
    return value;
  }

  async consumerChain(consumerId: string, options: ReadOptions = {}): Promise<ConsumerChainDetails> {
    const id = checkConsumerId(consumerId);
    const { value } = await this.reader.get(
      `${ICS_BASE}/consumer_chain/${id}`,
      decodeConsumerChainDetails,
      options,
      undefined,
      this.icsError(id),
    );
    return value;
  }

  /** The consumer's validator set: stored at the last epoch end (launched) or computed now (pre-launch). */
  async consumerValidators(consumerId: string, options: ReadOptions = {}): Promise<ConsumerValidator[]> {
    const id = checkConsumerId(consumerId);
    const { value } = await this.reader.get(
      `${ICS_BASE}/consumer_validators/${id}`,
      (body, path) => fields(body, path).list('validators', decodeConsumerValidator),
      options,
      undefined,
      this.icsError(id),
    );
    return value;
  }

  /** Consensus addresses of the validators opted in to a chain (changes at once, not at the epoch). */
  async optedInValidators(consumerId: string, options: ReadOptions = {}): Promise<string[]> {
    const id = checkConsumerId(consumerId);
    const { value } = await this.reader.get(
      `${ICS_BASE}/opted_in_validators/${id}`,
      (body, path) => fields(body, path).strings('validators_provider_addresses'),
      options,
      undefined,
      this.icsError(id),
    );
    return value;
  }

  /** Consumer ids a validator validates now or would if the epoch ended now (launched chains). */
  async consumerChainsOfValidator(validator: string, options: ReadOptions = {}): Promise<string[]> {
    const valcons = await this.consensusAddressOf(validator, options);
    const { value } = await this.reader.get(
      `${ICS_BASE}/consumer_chains_per_validator/${valcons}`,
      (body, path) => fields(body, path).strings('consumer_ids'),
      options,
      undefined,
      this.icsError(),
    );
    return value;
  }

  /** A validator's commission on a consumer (falls back to its provider rate on chain). */
  async consumerCommissionRate(consumerId: string, validator: string, options: ReadOptions = {}): Promise<string> {
    const id = checkConsumerId(consumerId);
    // Two reads in sequence, one time bound.
    const read = this.bounded(options);
    const valcons = await this.consensusAddressOf(validator, read);
    const { value } = await this.reader.get(
      `${ICS_BASE}/consumer_commission_rate/${id}/${valcons}`,
      (body, path) => fields(body, path).decimal('rate'),
      read,
      undefined,
      this.icsError(id),
    );
    return value;
  }

  /** The consumer consensus address a validator assigned on a chain, or undefined when none. */
  async consumerAddress(consumerId: string, validator: string, options: ReadOptions = {}): Promise<string | undefined> {
    const id = checkConsumerId(consumerId);
    // Two reads in sequence, one time bound.
    const read = this.bounded(options);
    const valcons = await this.consensusAddressOf(validator, read);
    const { value } = await this.reader.get(
      `${ICS_BASE}/validator_consumer_addr/${id}/${valcons}`,
      (body, path) => fields(body, path).string('consumer_address'),
      read,
      undefined,
      this.icsError(id),
    );
    return value === '' ? undefined : value;
  }

  /** Provider ↔ consumer consensus addresses and keys of a chain's validators. */
  async addressPairs(consumerId: string, options: ReadOptions = {}): Promise<AddressPair[]> {
    const id = checkConsumerId(consumerId);
    const { value } = await this.reader.get(
      `${ICS_BASE}/address_pairs/${id}`,
      (body, path) => fields(body, path).list('pair_val_con_addr', decodeAddressPair),
      options,
      undefined,
      this.icsError(id),
    );
    return value;
  }

  async providerParams(options: ReadOptions = {}): Promise<ProviderParams> {
    const { value } = await this.reader.get(
      `${ICS_BASE}/params`,
      (body, path) => decodeProviderParams(fields(body, path).obj.params, path.field('params')),
      options,
      undefined,
      this.icsError(),
    );
    return value;
  }

  async blocksUntilNextEpoch(options: ReadOptions = {}): Promise<number> {
    const { value } = await this.reader.get(
      `${ICS_BASE}/blocks_until_next_epoch`,
      (body, path) => fields(body, path).safeInteger('blocks_until_next_epoch'),
      options,
      undefined,
      this.icsError(),
    );
    return value;
  }

  async consumerIdFromClientId(clientId: string, options: ReadOptions = {}): Promise<string> {
    if (!/^[\w.-]{1,64}$/.test(clientId)) throw new IcsError('invalid-input', `"${clientId}" is not an IBC client id.`);
    const { value } = await this.reader.get(
      `${ICS_BASE}/consumer_id/${clientId}`,
      (body, path) => fields(body, path).string('consumer_id'),
      options,
      undefined,
      this.icsError(),
    );
    return value;
  }

  async throttleState(options: ReadOptions = {}): Promise<ThrottleState> {
    const { value } = await this.reader.get(`${ICS_BASE}/throttle_state`, decodeThrottleState, options, undefined, this.icsError());
    return value;
  }

  async registeredConsumerRewardDenoms(options: ReadOptions = {}): Promise<string[]> {
    const { value } = await this.reader.get(
      `${ICS_BASE}/registered_consumer_reward_denoms`,
      (body, path) => fields(body, path).strings('denoms'),
      options,
      undefined,
      this.icsError(),
    );
    return value;
  }

  // ---- staking -------------------------------------------------------------------------------

  /** Provider validators (default: bonded), every page. */
  async validators(options: ReadOptions & { status?: BondStatusFilter } = {}): Promise<StakingValidator[]> {
    const status = options.status ?? 'bonded';
    await this.chainParams(options);
    const query: Record<string, string> = status === 'all' ? {} : { status: STATUS_FILTER[status] };
    const { value } = await this.reader.getAll('/cosmos/staking/v1beta1/validators', 'validators', decodeStakingValidator, options, query);
    // Keys hashed a slice at a time: each slice's digests answer in a later task, so the bech32
    // encoding of 500 addresses does not land in one task (a key seen before costs nothing).
    const out: StakingValidator[] = [];
    for (let i = 0; i < value.length; i += SLICE) {
      out.push(...(await Promise.all(value.slice(i, i + SLICE).map((v) => this.withConsensusAddress(v)))));
      options.signal?.throwIfAborted();
    }
    return out;
  }

  /** One validator by operator address (`cosmosvaloper1…`). */
  async validator(operatorAddress: string, options: ReadOptions = {}): Promise<StakingValidator> {
    await this.chainParams(options);
    this.expectKind(operatorAddress, 'validator');
    const { value } = await this.reader.get(
      `/cosmos/staking/v1beta1/validators/${operatorAddress}`,
      (body, path) => decodeStakingValidator(fields(body, path).obj.validator, path.field('validator')),
      options,
      undefined,
      (error) =>
        error.kind === 'not-found' || (error.status === 400 && /not found/i.test(error.message))
          ? new IcsError('not-found', `No validator ${operatorAddress} on ${this.config.chainId ?? 'this chain'}.`, {
              url: error.url,
              status: error.status,
              cause: error,
            })
          : error,
    );
    return this.withConsensusAddress(value);
  }

  async pool(options: ReadOptions = {}): Promise<StakingPool> {
    return (await this.reader.get('/cosmos/staking/v1beta1/pool', decodePool, options)).value;
  }

  async stakingParams(options: ReadOptions = {}): Promise<StakingParams> {
    return (await this.reader.get('/cosmos/staking/v1beta1/params', decodeStakingParams, options)).value;
  }

  /**
   * All three addresses and the moniker of a validator given by any of them (operator, account
   * or consensus address). A consensus address is looked up among all validators.
   */
  async resolveValidator(address: string, options: ReadOptions = {}): Promise<ValidatorIdentity> {
    await this.chainParams(options);
    const prefixes = this.config.prefixes;
    const kind = addressKind(address, prefixes);
    let validator: StakingValidator | undefined;
    if (kind === 'consensus') {
      validator = (await this.validators({ ...options, status: 'all' })).find((v) => v.consensusAddress === address);
      if (!validator) throw new IcsError('not-found', `No validator has the consensus address ${address}.`);
    } else {
      validator = await this.validator(kind === 'account' ? accountToValidator(address, prefixes) : address, options);
    }
    return {
      operatorAddress: validator.operatorAddress,
      accountAddress: validatorToAccount(validator.operatorAddress, prefixes),
      consensusAddress: validator.consensusAddress,
      moniker: validator.description.moniker,
    };
  }

  /** The consensus address ICS queries take, from an operator or consensus address. */
  async consensusAddressOf(validator: string, options: ReadOptions = {}): Promise<string> {
    await this.chainParams(options);
    const kind = addressKind(validator, this.config.prefixes);
    if (kind === 'consensus') return validator;
    return (await this.resolveValidator(validator, options)).consensusAddress;
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Consensus addresses by key, so each validator's key is hashed once per client. */
  private readonly consensusAddresses = new Map<string, Promise<string>>();

  private async withConsensusAddress(validator: DecodedValidator): Promise<StakingValidator> {
    const key = validator.consensusPubkey.key;
    let address = this.consensusAddresses.get(key);
    if (!address) {
      address = consensusAddressOfKey(key, this.config.prefixes);
      this.consensusAddresses.set(key, address);
    }
    return { ...validator, consensusAddress: await address };
  }

  private expectKind(address: string, expected: AddressKind): void {
    const kind = addressKind(address, this.config.prefixes);
    if (kind !== expected) {
      const want = expected === 'validator' ? this.config.prefixes.validator : this.config.prefixes[expected];
      throw new IcsError('invalid-input', `Expected a "${want}1…" address, got "${address}".`);
    }
  }

  /** Maps errors of ICS routes: a missing route means no ICS; an unknown id means not found. */
  private icsError(consumerId?: string): (error: IcsError) => IcsError {
    const chain = this.config.chainId ?? 'this chain';
    return (error) => {
      if (isMissingRoute(error)) {
        return new IcsError('ics-absent', `ICS is not available on ${chain}: the node has no provider module.`, {
          url: error.url,
          status: error.status,
          grpcCode: error.grpcCode,
          cause: error,
        });
      }
      // A v7 node answers InvalidArgument (400), not NotFound, for these unknowns.
      if (error.grpcCode === 3 && /no known consumer chain for this client id/i.test(error.message)) {
        return new IcsError('not-found', `No consumer chain has this client id on ${chain}.`, {
          url: error.url,
          status: error.status,
          grpcCode: error.grpcCode,
          cause: error,
        });
      }
      if (error.grpcCode === 3 && /unknown validator/i.test(error.message)) {
        return new IcsError('not-found', `No validator with this consensus address on ${chain}.`, {
          url: error.url,
          status: error.status,
          grpcCode: error.grpcCode,
          cause: error,
        });
      }
      if (consumerId !== undefined && error.grpcCode === 3 && /unknown consumer|cannot (retrieve|get)|not found|no consumer|invalid consumer id/i.test(error.message)) {
        return new IcsError('not-found', `There is no active consumer chain with id ${consumerId} on ${chain}.`, {
          url: error.url,
          status: error.status,
          grpcCode: error.grpcCode,
          cause: error,
        });
      }
      return error;
    };
  }
}

/** A shared promise one caller may stop waiting for without stopping it for the others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new IcsError('aborted', 'The read was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new IcsError('aborted', 'The read was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function checkConsumerId(consumerId: string): string {
  const id = parseConsumerId(typeof consumerId === 'string' ? consumerId : String(consumerId));
  if (id === undefined) throw new IcsError('invalid-input', `A consumer id is a whole number such as "0" or "12"; got "${String(consumerId)}".`);
  return id;
}
