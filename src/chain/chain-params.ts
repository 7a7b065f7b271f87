/**
 * What a provider chain calls its addresses and its coin: the settings a page may give, what
 * the chain context knows once it has read the rest (`ChainParams`), and the settings from one
 * JSON object (`chain-info`). The reading itself is src/chain/read-chain-params.ts, which the
 * context imports on demand: a page whose elements never need prefixes or denoms loads none of it.
 */
import { IcsError } from './errors.js';
import type { Bech32Prefixes } from '../chain/bech32.js';

/** The chain settings a page may give; each one not given is read from the chain. */
export interface ChainSettings {
  bech32Prefix?: string | undefined;
  stakingDenom?: string | undefined;
  displayDenom?: string | undefined;
  displayExponent?: number | undefined;
  gasPrice?: string | undefined;
}

/** Where a value came from: the page's setting, the chain, or the fallback. */
export type ChainValueSource = 'given' | 'chain' | 'fallback';

export interface ChainParams {
  prefixes: Bech32Prefixes;
  stakingDenom: string;
  displayDenom: string;
  displayExponent: number;
  gasPrice: string;
  /** Where each value came from. */
  sources: { prefix: ChainValueSource; stakingDenom: ChainValueSource; display: ChainValueSource };
  /**
   * Set when amounts are shown in base units because the chain publishes no display unit for
   * its staking denom (no bank denom metadata): a sentence for the page to show.
   */
  note?: string | undefined;
}

/** The default gas price amount per unit of gas, in the staking denom, when none is given. */
export const DEFAULT_GAS_PRICE_AMOUNT = '0.005';

/**
 * Chain settings from one JSON object: either these settings by name (`bech32Prefix`,
 * `stakingDenom` or `denom`, `displayDenom`, `displayExponent`, `gasPrice`) or a Keplr
 * `ChainInfo` (`bech32Config.bech32PrefixAccAddr`, `stakeCurrency.coinMinimalDenom`,
 * `coinDenom`, `coinDecimals`). Throws `IcsError('invalid-input')` naming the field.
 */
export function chainSettingsFromInfo(info: unknown): ChainSettings {
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    throw new IcsError('invalid-input', '"chain-info" must be a JSON object.', { field: 'chainInfo' });
  }
  const o = info as Record<string, unknown>;
  const out: ChainSettings = {};
  const text = (value: unknown, name: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '')
      throw new IcsError('invalid-input', `"chain-info": "${name}" must be a non-empty string.`, { field: 'chainInfo' });
    return value.trim();
  };
  const bech32 = o.bech32Config as Record<string, unknown> | undefined;
  const stake = o.stakeCurrency as Record<string, unknown> | undefined;
  out.bech32Prefix = text(o.bech32Prefix, 'bech32Prefix') ?? text(bech32?.bech32PrefixAccAddr, 'bech32Config.bech32PrefixAccAddr');
  out.stakingDenom = text(o.stakingDenom, 'stakingDenom') ?? text(o.denom, 'denom') ?? text(stake?.coinMinimalDenom, 'stakeCurrency.coinMinimalDenom');
  out.displayDenom = text(o.displayDenom, 'displayDenom') ?? text(stake?.coinDenom, 'stakeCurrency.coinDenom');
  const exponent = o.displayExponent ?? stake?.coinDecimals;
  if (exponent !== undefined) {
    if (typeof exponent !== 'number' || !Number.isInteger(exponent) || exponent < 0 || exponent > 30) {
      throw new IcsError('invalid-input', `"chain-info": the display exponent must be a whole number from 0 to 30; got ${JSON.stringify(exponent)}.`, {
        field: 'chainInfo',
      });
    }
    out.displayExponent = exponent;
  }
  out.gasPrice = text(o.gasPrice, 'gasPrice');
  for (const key of Object.keys(out) as Array<keyof ChainSettings>) if (out[key] === undefined) delete out[key];
  return out;
}
