/**
 * The Keplr `ChainInfo` of a provider chain, made from what the chain says (chain id from
 * `node_info`, bond denom, display unit, bech32 prefixes: `ProviderClient.chainParams()`), the
 * configured REST and RPC, coin type 118 and the config's gas price; the host's own chain info
 * wins field by field. Checked for what Keplr requires before a wallet is asked to add it, and
 * suggested to the wallet only after a click (`suggestChain`).
 *
 * No cosmjs and no `@keplr-wallet/types` at run time: the shape below is Keplr's (a test checks
 * that it is assignable to `@keplr-wallet/types`' `ChainInfo`).
 */
import type { ProviderClient } from '../client.js';

/** What building a chain description reads: a `ProviderClient` has it, and so does an element's flow client. */
export type ChainInfoClient = Pick<ProviderClient, 'config' | 'chainParams' | 'chainId'>;
import type { ChainParams } from '../chain/chain-params.js';
import type { Wallet } from './wallet.js';
import { isWalletRejection } from './wallet.js';
import { errorMessage } from '../chain/errors.js';
import { isUnknownChainError, readableChainName } from './unknown-chain.js';

export { isUnknownChainError, readableChainName };

export interface ChainInfoCurrency {
  readonly coinDenom: string;
  readonly coinMinimalDenom: string;
  readonly coinDecimals: number;
  readonly coinGeckoId?: string;
  readonly coinImageUrl?: string;
}

export interface ChainInfoFeeCurrency extends ChainInfoCurrency {
  readonly gasPriceStep?: { readonly low: number; readonly average: number; readonly high: number };
}

/** Keplr's `ChainInfo` (the fields wallets read), as `experimentalSuggestChain` takes it. */
export interface ChainInfo {
  readonly chainId: string;
  readonly chainName: string;
  readonly rpc: string;
  readonly rest: string;
  readonly bip44: { readonly coinType: number; readonly purpose?: number };
  readonly bech32Config: {
    readonly bech32PrefixAccAddr: string;
    readonly bech32PrefixAccPub: string;
    readonly bech32PrefixValAddr: string;
    readonly bech32PrefixValPub: string;
    readonly bech32PrefixConsAddr: string;
    readonly bech32PrefixConsPub: string;
  };
  readonly currencies: ChainInfoCurrency[];
  readonly feeCurrencies: ChainInfoFeeCurrency[];
  readonly stakeCurrency?: ChainInfoCurrency;
  readonly features?: string[];
  readonly beta?: boolean;
  readonly chainSymbolImageUrl?: string;
  readonly isTestnet?: boolean;
}

/** A chain info the host passes: any of its fields replace the built ones (nested objects too, field by field). */
export type ChainInfoInput = Partial<Omit<ChainInfo, 'bip44' | 'bech32Config'>> & {
  readonly bip44?: Partial<ChainInfo['bip44']>;
  readonly bech32Config?: Partial<ChainInfo['bech32Config']>;
};

/** The Cosmos coin type (SLIP-44 118), which the test keys and most Cosmos SDK chains use. */
export const COSMOS_COIN_TYPE = 118;

/** The gas price's amount and denom ("0.005uom" → 0.005, "uom"). */
function parseGasPrice(gasPrice: string): { amount: number; denom: string } | undefined {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(gasPrice.trim());
  return match ? { amount: Number(match[1]), denom: match[2]! } : undefined;
}

/** The chain info from the chain's own parameters and the config (see the module comment). */
export function chainInfoFrom(chainId: string, params: ChainParams, endpoints: { rest: string; rpc: string }, host: ChainInfoInput = {}): ChainInfo {
  const { prefixes } = params;
  const stake: ChainInfoCurrency = {
    coinDenom: params.displayDenom,
    coinMinimalDenom: params.stakingDenom,
    coinDecimals: params.displayExponent,
  };
  const gas = parseGasPrice(params.gasPrice);
  const feeBase: ChainInfoCurrency =
    gas === undefined || gas.denom === params.stakingDenom ? stake : { coinDenom: gas.denom, coinMinimalDenom: gas.denom, coinDecimals: 0 };
  const price = gas?.amount ?? 0;
  const fee: ChainInfoFeeCurrency = { ...feeBase, gasPriceStep: { low: price, average: price, high: price * 2 } };
  const built: ChainInfo = {
    chainId,
    chainName: readableChainName(chainId),
    rpc: endpoints.rpc,
    rest: endpoints.rest,
    bip44: { coinType: COSMOS_COIN_TYPE },
    bech32Config: {
      bech32PrefixAccAddr: prefixes.account,
      bech32PrefixAccPub: `${prefixes.account}pub`,
      bech32PrefixValAddr: prefixes.validator,
      bech32PrefixValPub: `${prefixes.validator}pub`,
      bech32PrefixConsAddr: prefixes.consensus,
      bech32PrefixConsPub: `${prefixes.consensus}pub`,
    },
    currencies: feeBase === stake ? [stake] : [stake, feeBase],
    feeCurrencies: [fee],
    stakeCurrency: stake,
  };
  return {
    ...built,
    ...host,
    bip44: { ...built.bip44, ...host.bip44 },
    bech32Config: { ...built.bech32Config, ...host.bech32Config },
  } as ChainInfo;
}

/**
 * The provider's chain info for a wallet: read from the chain through `client` (one shared read),
 * with `host`'s fields winning. Needs an RPC endpoint in the config (wallets broadcast through it).
 */
export async function buildChainInfo(client: ChainInfoClient, host: ChainInfoInput = {}): Promise<ChainInfo> {
  const [chainId, params] = await Promise.all([host.chainId ?? client.chainId(), client.chainParams()]);
  return chainInfoFrom(chainId, params, { rest: client.config.rest[0] ?? '', rpc: client.config.rpc[0] ?? '' }, host);
}

export type ChainInfoCheck = { ok: true } | { ok: false; field: string; message: string };

/**
 * What Keplr requires of a chain info, field by field (its own schema: chain id and name, RPC and
 * REST URLs, a BIP-44 coin type, the six bech32 prefixes, at least one currency and one fee
 * currency, each with a denom, a minimal denom and 0-18 decimals, gas price steps in order).
 * The first problem, in words naming the field.
 */
export function checkChainInfo(info: unknown): ChainInfoCheck {
  const bad = (field: string, what: string): ChainInfoCheck => ({
    ok: false,
    field,
    message: `The chain info is not one a wallet accepts: "${field}" ${what}.`,
  });
  if (typeof info !== 'object' || info === null) return bad('(chain info)', 'must be an object');
  const o = info as Record<string, unknown>;
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const url = (value: unknown) => {
    if (!text(value)) return false;
    try {
      const u = new URL(value as string);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  };
  if (!text(o.chainId)) return bad('chainId', 'is missing');
  if (!text(o.chainName)) return bad('chainName', 'is missing');
  if (!url(o.rpc)) return bad('rpc', 'must be the http(s) URL of the chain\'s CometBFT RPC (set "rpc")');
  if (!url(o.rest)) return bad('rest', "must be the http(s) URL of the chain's REST API");
  const bip44 = o.bip44 as Record<string, unknown> | undefined;
  if (typeof bip44 !== 'object' || bip44 === null) return bad('bip44', 'is missing');
  if (!Number.isInteger(bip44.coinType) || (bip44.coinType as number) < 0) return bad('bip44.coinType', 'must be a whole number such as 118');
  const bech32 = o.bech32Config as Record<string, unknown> | undefined;
  if (typeof bech32 !== 'object' || bech32 === null) return bad('bech32Config', 'is missing');
  for (const key of ['bech32PrefixAccAddr', 'bech32PrefixAccPub', 'bech32PrefixValAddr', 'bech32PrefixValPub', 'bech32PrefixConsAddr', 'bech32PrefixConsPub']) {
    if (!text(bech32[key])) return bad(`bech32Config.${key}`, 'is missing');
  }
  const currency = (value: unknown, field: string): ChainInfoCheck | undefined => {
    if (typeof value !== 'object' || value === null) return bad(field, 'must be a currency');
    const c = value as Record<string, unknown>;
    if (!text(c.coinDenom)) return bad(`${field}.coinDenom`, 'is missing');
    if (!text(c.coinMinimalDenom)) return bad(`${field}.coinMinimalDenom`, 'is missing');
    if (!Number.isInteger(c.coinDecimals) || (c.coinDecimals as number) < 0 || (c.coinDecimals as number) > 18) {
      return bad(`${field}.coinDecimals`, 'must be a whole number from 0 to 18');
    }
    return undefined;
  };
  if (!Array.isArray(o.currencies) || o.currencies.length === 0) return bad('currencies', 'must list at least one currency');
  for (const [i, c] of o.currencies.entries()) {
    const problem = currency(c, `currencies[${i}]`);
    if (problem) return problem;
  }
  if (!Array.isArray(o.feeCurrencies) || o.feeCurrencies.length === 0) return bad('feeCurrencies', 'must list at least one fee currency');
  for (const [i, c] of o.feeCurrencies.entries()) {
    const problem = currency(c, `feeCurrencies[${i}]`);
    if (problem) return problem;
    const step = (c as Record<string, unknown>).gasPriceStep as Record<string, unknown> | undefined;
    if (step !== undefined) {
      const { low, average, high } = step;
      if (![low, average, high].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) {
        return bad(`feeCurrencies[${i}].gasPriceStep`, 'must give low, average and high gas prices as numbers');
      }
      if (!((low as number) <= (average as number) && (average as number) <= (high as number))) {
        return bad(`feeCurrencies[${i}].gasPriceStep`, 'must go up from low to average to high');
      }
    }
  }
  if (o.stakeCurrency !== undefined) {
    const problem = currency(o.stakeCurrency, 'stakeCurrency');
    if (problem) return problem;
  }
  return { ok: true };
}

export type SuggestResult =
  | { status: 'added'; chainInfo: ChainInfo }
  /** The person declined in the wallet: nothing was added, nothing signed. A choice, not an error. */
  | { status: 'cancelled' }
  | { status: 'refused'; message: string };

/**
 * Asks the wallet to add the provider chain (its own approval window opens): call it from a
 * click, never on its own. Builds the chain info (`host` wins field by field), checks it for what
 * wallets require, and refuses in words before asking when something is missing.
 */
export async function suggestChain(client: ChainInfoClient, wallet: Wallet, host: ChainInfoInput = {}): Promise<SuggestResult> {
  if (!wallet.suggestChain) {
    return { status: 'refused', message: `${wallet.label} cannot add a chain from a page: add the provider chain in ${wallet.label} itself, then connect.` };
  }
  let chainInfo: ChainInfo;
  try {
    chainInfo = await buildChainInfo(client, host);
  } catch (error) {
    return {
      status: 'refused',
      message: `Could not read the chain to describe it to ${wallet.label}: ${errorMessage(error)}`,
    };
  }
  const check = checkChainInfo(chainInfo);
  if (!check.ok) return { status: 'refused', message: check.message };
  try {
    await wallet.suggestChain(chainInfo);
  } catch (error) {
    if (isWalletRejection(error)) return { status: 'cancelled' };
    return { status: 'refused', message: `${wallet.label} did not add ${chainInfo.chainName}: ${errorMessage(error)}` };
  }
  return { status: 'added', chainInfo };
}
