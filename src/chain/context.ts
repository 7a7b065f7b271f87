/**
 * `ChainContext`: the one chain the query functions read, and what they share while reading it:
 * the reader (cache, deduplication, failover), the configuration, and the chain's prefixes and
 * denoms once read. The query functions (`src/chain/queries.ts`, `src/ics/queries.ts`,
 * `src/staking/queries.ts`) take it as their first argument; `ProviderClient` is one with every
 * query as a method. Elements hold a bare context, so their bundles keep only the queries they call.
 */
import type { ProviderConfig, ProviderConfigInput } from './config.js';
import { resolveConfig } from './config.js';
import type { ChainParams } from './chain-params.js';
import type * as ParamsReading from './read-chain-params.js';
import { IcsError, errorMessage } from './errors.js';
import type { ReadOptions } from './reader.js';
import { Reader } from './reader.js';
import type { FetchLike } from './transport.js';
import { consensusAddressOfKey } from './consensus.js';
import type { Bech32Prefixes } from './bech32.js';
import { prefixesFor } from './bech32.js';

export interface ClientOptions {
  /** A `fetch` to use instead of the global one (tests, proxies). */
  fetch?: FetchLike;
}

export interface ClientStats {
  /** HTTP requests sent. */
  requests: number;
  /** Reads answered from the cache. */
  cacheHits: number;
  /** Reads that joined an identical read already in flight. */
  joined: number;
}

/**
 * The chain-params reader, imported on the first `chainParams()` that reads (one import for the
 * page): a page whose elements never need prefixes or denoms does not load it before it shows
 * anything. A failed import (the chunk did not arrive) rejects as a network error in words, and is
 * tried again by the next read.
 */
let paramsReader: Promise<typeof ParamsReading> | undefined;

function loadParamsReader(): Promise<typeof ParamsReading> {
  paramsReader ??= import('./read-chain-params.js').catch((error: unknown) => {
    paramsReader = undefined;
    throw new IcsError('network', `Could not load the chain-settings code: ${errorMessage(error)}`, { cause: error });
  });
  return paramsReader;
}

/** What every context over the same chain shares (a `ProviderClient` made from a context shares it too). */
interface ChainState {
  config: ProviderConfig;
  params: Promise<ChainParams> | undefined;
  known: ChainParams | undefined;
  /** The prefixes read on their own, while the rest of the params may still be read. */
  prefixes: Promise<Bech32Prefixes> | undefined;
  /** Consensus addresses by key, so each validator's key is hashed once per chain. */
  consensusAddresses: Map<string, Promise<string>>;
}

export class ChainContext {
  readonly reader: Reader;
  private readonly state: ChainState;

  /** From a configuration, or from another context to share its cache and chain settings. */
  constructor(source: ProviderConfigInput | ProviderConfig | ChainContext, options: ClientOptions = {}) {
    if (source instanceof ChainContext) {
      this.reader = source.reader;
      this.state = source.state;
      return;
    }
    const config = 'prefixes' in source ? source : resolveConfig(source);
    this.reader = new Reader(config, options.fetch);
    this.state = { config, params: undefined, known: undefined, prefixes: undefined, consensusAddresses: new Map() };
    const given = config.given;
    if (given.bech32Prefix !== undefined && given.stakingDenom !== undefined && given.displayDenom !== undefined && given.displayExponent !== undefined) {
      this.state.known = {
        prefixes: config.prefixes,
        stakingDenom: config.stakingDenom,
        displayDenom: config.displayDenom,
        displayExponent: config.displayExponent,
        gasPrice: config.gasPrice,
        sources: { prefix: 'given', stakingDenom: 'given', display: 'given' },
      };
      this.state.params = Promise.resolve(this.state.known);
    }
  }

  /**
   * The configuration. Its prefixes, denoms, exponent and gas price are final once
   * `chainParams()` has answered (`chainKnown`); before, those the page did not give hold the
   * Cosmos Hub defaults.
   */
  get config(): ProviderConfig {
    return this.state.config;
  }

  /** True once the chain's prefixes and denoms are known (given by the page, or read). */
  get chainKnown(): boolean {
    return this.state.known !== undefined;
  }

  /** The chain's prefixes and denoms once known, else undefined. */
  get knownChainParams(): ChainParams | undefined {
    return this.state.known;
  }

  /**
   * The chain's bech32 prefixes, staking denom, display denom and exponent and gas price: the
   * page's settings where given, the rest read from the chain once per client (shared by every
   * caller; a failed read is tried again by the next caller, and `fresh` starts another while
   * none has answered). `config` follows.
   */
  chainParams(options: ReadOptions = {}): Promise<ChainParams> {
    const state = this.state;
    // A fresh read (Retry) does not wait on a read that has not answered yet: the node may have
    // been down when it started.
    if (!state.params || (options.fresh && !state.known)) {
      const read = loadParamsReader().then(({ readChainParams }) => readChainParams(this.reader, state.config.given));
      state.params = read;
      read.then(
        (params) => {
          state.known = params;
          state.config = {
            ...state.config,
            prefixes: params.prefixes,
            stakingDenom: params.stakingDenom,
            displayDenom: params.displayDenom,
            displayExponent: params.displayExponent,
            gasPrice: params.gasPrice,
          };
        },
        () => {
          if (state.params === read) state.params = undefined;
        },
      );
    }
    // Settle `known` and `config` first, so a caller sees them as soon as this resolves.
    const settled = state.params.then(async (params) => {
      await Promise.resolve();
      return params;
    });
    return abortable(settled, options.signal);
  }

  /** True when `config.prefixes` are the chain's: given by the page, or read. */
  get prefixesKnown(): boolean {
    return this.state.known !== undefined || this.state.config.given.bech32Prefix !== undefined;
  }

  /**
   * The chain's bech32 prefixes: the page's, or the chain's once known, or else read on their own
   * (the same reads `chainParams()` makes for them, joined), without waiting for the display unit,
   * which takes a round trip more. What the staking queries need to read and check addresses.
   */
  prefixes(options: ReadOptions = {}): Promise<Bech32Prefixes> {
    const state = this.state;
    if (this.prefixesKnown) return Promise.resolve(state.config.prefixes);
    if (!state.prefixes || options.fresh) {
      const read = loadParamsReader()
        .then(({ readPrefix }) => readPrefix(this.reader, { height: undefined }))
        .then(prefixesFor);
      state.prefixes = read;
      read.catch(() => {
        if (state.prefixes === read) state.prefixes = undefined;
      });
    }
    return abortable(state.prefixes, options.signal);
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
  bounded(options: ReadOptions): ReadOptions {
    return options.deadline === undefined ? { ...options, deadline: this.reader.deadline() } : options;
  }

  /** The consensus address of a validator's consensus key (base64), hashed once per key and prefix. */
  consensusAddressOfKey(key: string, prefixes: Bech32Prefixes = this.config.prefixes): Promise<string> {
    const memo = this.state.consensusAddresses;
    const memoKey = `${prefixes.consensus} ${key}`;
    let address = memo.get(memoKey);
    if (!address) {
      address = consensusAddressOfKey(key, prefixes);
      memo.set(memoKey, address);
    }
    return address;
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
