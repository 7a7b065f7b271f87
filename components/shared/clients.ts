/**
 * Where an element gets its `ChainContext` (the chain its query functions read), and the
 * page-wide registry that makes elements with the same configuration share one (one cache, one
 * set of requests). A bare context, not a `ProviderClient`, so an element's bundle keeps only
 * the queries its load calls; `new ProviderClient(context)` gives an app every query on it.
 *
 * Order, first match wins:
 * 1. the element's own `rest` attribute (with its `rpc`, `chain-id`, `height`);
 * 2. the nearest `<ics-provider-chain>` ancestor (through the context protocol, context.ts);
 * 3. the page default: `configure({ rest })`, else `<meta name="ics-provider-rest" content="…">`
 *    (with optional `ics-provider-rpc`, `ics-provider-chain-id`, `ics-provider-height` metas),
 *    merged with the element's own `rpc`, `chain-id` and `height` when it sets them.
 */
import { ChainContext, isIcsError, resolveConfig } from '../../src/index.js';
import type { ChainSettings, IcsError, ProviderConfig, ProviderConfigInput } from '../../src/index.js';
import type { ChainAttributes } from './chain-settings.js';
import { chainSettingsFromMeta, chainSettingsOf, hasChainSettings } from './chain-settings.js';

/** The four settings an element or provider can take from attributes. */
export interface EndpointSettings {
  rest?: string | readonly string[] | undefined;
  rpc?: string | readonly string[] | undefined;
  chainId?: string | undefined;
  height?: number | undefined;
  /** The chain settings (`bech32-prefix`, `denom`, `display-denom`, `display-exponent`, `chain-info`). */
  chain?: ChainAttributes | undefined;
}

/** A client, or the reason there is none, naming the attribute to fix. */
export type ClientResolution = { client: ChainContext; problem?: undefined } | { client?: undefined; problem: AttributeProblem };

export interface AttributeProblem {
  /** The attribute (or setting) to fix, e.g. "rest". */
  attribute: string;
  message: string;
  /** True when nothing was set (no endpoint anywhere): shown, but not warned about. */
  missing?: boolean;
}

interface Registry {
  clients: Map<string, ChainContext>;
  defaults: ProviderConfigInput | undefined;
}

/** Kept on globalThis under a registered symbol, so two copies of the bundle share clients too. */
const REGISTRY_KEY = Symbol.for('ics-elements/client-registry');

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= { clients: new Map(), defaults: undefined });
}

/** Fired on `globalThis` when `configure()` changes the page default, so live elements re-resolve. */
export const CONFIGURE_EVENT = 'ics-elements-configure';

/**
 * Sets the page-wide provider that elements without their own `rest` and outside any
 * `<ics-provider-chain>` use. Elements already on the page switch to it. Throws an
 * `IcsError('invalid-input')` naming the bad field.
 */
export function configure(input: ProviderConfigInput | undefined): void {
  if (input) resolveConfig(input);
  registry().defaults = input;
  if (typeof globalThis.dispatchEvent === 'function') globalThis.dispatchEvent(new Event(CONFIGURE_EVENT));
}

/**
 * The one client (chain context) for this configuration on the page: equal configurations
 * (after URL normalisation) get the same instance. Call the query functions on it, or wrap it
 * in `new ProviderClient(…)` for methods (sharing its cache).
 */
export function sharedClient(input: ProviderConfigInput): ChainContext {
  const config = resolveConfig(input);
  // Every setting is part of the key: a client made with a page default's short `timeoutMs` (or its
  // own retries, cache time, page size) is never handed to an element that asked for the defaults.
  const key = JSON.stringify(config);
  const clients = registry().clients;
  let client = clients.get(key);
  if (!client) {
    client = new ChainContext(config);
    clients.set(key, client);
  }
  return client;
}

/** Forgets every shared client (their caches go with them). For tests and long-lived apps switching chains. */
export function resetSharedClients(): void {
  registry().clients.clear();
}

/**
 * The page default from `configure()`, else from `<meta name="ics-provider-…">` tags (`rest`, `rpc`,
 * `chain-id`, `height`, and the chain settings `bech32-prefix`, `denom`, `display-denom`,
 * `display-exponent`, `chain-info`), else undefined.
 */
export function pageDefaults(): ProviderConfigInput | undefined {
  const configured = registry().defaults;
  if (configured) return configured;
  if (typeof document === 'undefined') return undefined;
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="ics-provider-${name}"]`)?.content.trim() || undefined;
  const rest = meta('rest');
  if (!rest) return undefined;
  const height = meta('height');
  // Throws IcsError('invalid-input') for a bad chain setting: resolveClient says it in words.
  const chain = chainSettingsFromMeta(meta);
  return { rest, rpc: meta('rpc'), chainId: meta('chain-id'), height: height === undefined ? undefined : Number(height), ...chain };
}

/** The input a client was made from, so an element can add its own chain settings to it. */
function inputOf(config: ProviderConfig): ProviderConfigInput {
  return { rest: config.rest, rpc: config.rpc, chainId: config.chainId, height: config.height, ...config.given };
}

/** Applies the resolution order above. Never throws: a bad setting comes back as a problem in words. */
export function resolveClient(own: EndpointSettings, fromContext: ChainContext | undefined): ClientResolution {
  const heightProblem = checkHeight(own.height);
  if (heightProblem) return { problem: heightProblem };
  let chain: ChainSettings;
  try {
    chain = chainSettingsOf(own.chain ?? {});
  } catch (error) {
    if (!isIcsError(error)) throw error;
    return { problem: { attribute: attributeOf(error, 'chain-info'), message: error.message } };
  }
  if (own.rest !== undefined && own.rest !== '') {
    return attempt({ rest: own.rest, rpc: own.rpc, chainId: own.chainId, height: own.height, ...chain }, 'rest');
  }
  if (fromContext) {
    // The element's own chain settings win over its provider's: the same endpoints, another client.
    return hasChainSettings(chain) ? attempt({ ...inputOf(fromContext.config), ...chain }, 'rest') : { client: fromContext };
  }
  let defaults: ProviderConfigInput | undefined;
  try {
    defaults = pageDefaults();
  } catch (error) {
    if (!isIcsError(error)) throw error;
    return { problem: { attribute: 'ics-provider-chain-info', message: `A <meta name="ics-provider-…"> chain setting is wrong: ${error.message}` } };
  }
  if (!defaults) {
    return {
      problem: {
        attribute: 'rest',
        missing: true,
        message:
          'No provider chain to read: set the "rest" attribute to its REST endpoint, place the element inside ' +
          '<ics-provider-chain rest="…">, or add <meta name="ics-provider-rest" content="…"> to the page.',
      },
    };
  }
  return attempt(
    {
      ...defaults,
      rpc: own.rpc ?? defaults.rpc,
      chainId: own.chainId ?? defaults.chainId,
      height: own.height ?? defaults.height,
      ...chain,
    },
    'ics-provider-rest',
  );
}

function attempt(input: ProviderConfigInput, attribute: string): ClientResolution {
  try {
    return { client: sharedClient(input) };
  } catch (error) {
    if (!isIcsError(error)) throw error;
    return { problem: { attribute: attributeOf(error, attribute), message: error.message } };
  }
}

/** The attribute a person writes ("chain-id") for each config field an error names ("chainId"). */
const ATTRIBUTE_OF_FIELD: Record<string, string> = {
  chainId: 'chain-id',
  rest: 'rest',
  rpc: 'rpc',
  height: 'height',
  bech32Prefix: 'bech32-prefix',
  stakingDenom: 'denom',
  displayDenom: 'display-denom',
  displayExponent: 'display-exponent',
  gasPrice: 'chain-info',
  chainInfo: 'chain-info',
};

/** The attribute to fix for a config error: the one its `field` names, else `fallback`. */
export function attributeOf(error: IcsError, fallback: string): string {
  return (error.field !== undefined ? ATTRIBUTE_OF_FIELD[error.field] : undefined) ?? fallback;
}

function checkHeight(height: number | undefined): AttributeProblem | undefined {
  if (height === undefined || height === null) return undefined;
  if (Number.isInteger(height) && height >= 1) return undefined;
  return { attribute: 'height', message: `"height" must be a block height, a whole number from 1; got "${String(height)}".` };
}
