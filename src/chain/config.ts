/** Provider chain configuration: what a page or app tells the core about the chain it reads. */
import { IcsError } from './errors.js';
import type { Bech32Prefixes } from '../chain/bech32.js';
import { prefixesFor } from '../chain/bech32.js';
import type { ChainSettings } from './chain-params.js';

export interface ProviderConfigInput {
  /** REST (gRPC-gateway) endpoints, tried in order; later ones are failovers. */
  rest: string | readonly string[];
  /** CometBFT RPC endpoints, used for signing and broadcasting. */
  rpc?: string | readonly string[];
  /** Expected chain id; read from the node when not given. */
  chainId?: string;
  /** Bech32 account prefix, e.g. "mantra"; read from the chain's operator addresses when not given. */
  bech32Prefix?: string | undefined;
  /** Staking (base) denom, e.g. "uom"; read from the chain's staking params when not given. */
  stakingDenom?: string | undefined;
  /**
   * Display denom and its exponent, e.g. "OM" and 6; read from the chain's bank denom metadata
   * when not given (the base denom with exponent 0 where the chain has none).
   */
  displayDenom?: string | undefined;
  displayExponent?: number | undefined;
  /** Gas price for transactions, e.g. "0.005uatom"; default 0.005 of the staking denom. */
  gasPrice?: string | undefined;
  /** Read every number at this block height (an archive node can answer for the past). */
  height?: number;
  /**
   * How long one read may take in all, in ms: every endpoint, retry and pause included (default
   * 10 000). An element's load, and a client call made of several reads, share one such bound.
   */
  timeoutMs?: number;
  /** Retry rounds after transient failures (503, 429, a reset socket) on every endpoint (default 2). */
  retries?: number;
  /** How long a read stays fresh in the cache, in ms (default 6 000, about one block). */
  cacheTtlMs?: number;
  /** Most requests in flight at once per client (default 6). */
  maxConcurrent?: number;
  /** Page size for paginated lists (default 100, the SDK's default). */
  pageLimit?: number;
}

export interface ProviderConfig {
  readonly rest: readonly string[];
  readonly rpc: readonly string[];
  readonly chainId: string | undefined;
  readonly prefixes: Bech32Prefixes;
  readonly stakingDenom: string;
  readonly displayDenom: string;
  readonly displayExponent: number;
  readonly gasPrice: string;
  readonly height: number | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly cacheTtlMs: number;
  readonly maxConcurrent: number;
  readonly pageLimit: number;
  /**
   * The chain settings the input gave. Those it did not give are read from the chain by
   * `ProviderClient.chainParams()`; until then the fields above hold the Cosmos Hub defaults.
   */
  readonly given: Readonly<ChainSettings>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CACHE_TTL_MS = 6_000;

/** Checks and completes a config; throws `IcsError('invalid-input')` naming the bad field. */
export function resolveConfig(input: ProviderConfigInput): ProviderConfig {
  const rest = endpoints(input.rest, 'rest');
  if (rest.length === 0) throw new IcsError('invalid-input', 'At least one REST endpoint ("rest") is required.', { field: 'rest' });
  const prefix = input.bech32Prefix ?? 'cosmos';
  if (!/^[a-z]{1,20}$/.test(prefix)) {
    throw new IcsError('invalid-input', `"bech32Prefix" must be lowercase letters, such as "cosmos"; got "${prefix}".`, { field: 'bech32Prefix' });
  }
  const given = givenSettings(input);
  return {
    rest,
    rpc: input.rpc === undefined ? [] : endpoints(input.rpc, 'rpc'),
    chainId: input.chainId?.trim() || undefined,
    prefixes: prefixesFor(prefix),
    stakingDenom: given.stakingDenom ?? 'uatom',
    displayDenom: given.displayDenom ?? 'ATOM',
    displayExponent: wholeNumber(input.displayExponent, 'displayExponent', 6, 0, 30),
    gasPrice: given.gasPrice ?? `0.005${given.stakingDenom ?? 'uatom'}`,
    height: input.height === undefined ? undefined : wholeNumber(input.height, 'height', 0, 1),
    timeoutMs: wholeNumber(input.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, 1),
    retries: wholeNumber(input.retries, 'retries', 2, 0, 5),
    cacheTtlMs: wholeNumber(input.cacheTtlMs, 'cacheTtlMs', DEFAULT_CACHE_TTL_MS, 0),
    maxConcurrent: wholeNumber(input.maxConcurrent, 'maxConcurrent', 6, 1, 64),
    pageLimit: wholeNumber(input.pageLimit, 'pageLimit', 100, 1, 1000),
    given,
  };
}

function givenSettings(input: ProviderConfigInput): ChainSettings {
  const given: ChainSettings = {};
  if (input.bech32Prefix !== undefined) given.bech32Prefix = input.bech32Prefix;
  if (input.stakingDenom !== undefined) given.stakingDenom = denomSetting(input.stakingDenom, 'stakingDenom');
  if (input.displayDenom !== undefined) given.displayDenom = denomSetting(input.displayDenom, 'displayDenom');
  if (input.displayExponent !== undefined) given.displayExponent = input.displayExponent;
  if (input.gasPrice !== undefined) {
    if (!/^\d+(\.\d+)?[a-zA-Z][a-zA-Z0-9/:._-]{1,127}$/.test(input.gasPrice)) {
      throw new IcsError('invalid-input', `"gasPrice" must be an amount and a denom such as "0.01uom"; got "${input.gasPrice}".`, { field: 'gasPrice' });
    }
    given.gasPrice = input.gasPrice;
  }
  return given;
}

function denomSetting(value: string, name: string): string {
  const text = value.trim();
  if (!/^[a-zA-Z][a-zA-Z0-9/:._-]{0,127}$/.test(text)) {
    throw new IcsError('invalid-input', `"${name}" must be a denom such as "uom"; got "${value}".`, { field: name });
  }
  return text;
}

function endpoints(value: string | readonly string[], name: string): string[] {
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : [...value];
  return list.filter((v) => v.trim() !== '').map((v) => endpointUrl(v.trim(), name));
}

/** An http(s) URL without a trailing slash; anything else is refused with words. */
export function endpointUrl(value: string, name = 'endpoint'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IcsError('invalid-input', `"${name}" must be an http(s) URL such as "https://rest.example.com"; got "${value}".`, { field: name });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IcsError('invalid-input', `"${name}" must use http: or https:; got "${url.protocol}".`, { field: name });
  }
  if (url.username || url.password) {
    throw new IcsError('invalid-input', `"${name}" must not contain credentials.`, { field: name });
  }
  return url.href.replace(/\/+$/, '');
}

function wholeNumber(value: number | undefined, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new IcsError('invalid-input', `"${name}" must be a whole number from ${min} to ${max}; got ${String(value)}.`, { field: name });
  }
  return value;
}
