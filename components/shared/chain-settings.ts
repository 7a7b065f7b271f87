/**
 * The chain settings a page can give in HTML (`bech32-prefix`, `denom`, `display-denom`,
 * `display-exponent`, or one `chain-info` JSON), read from attributes or meta tags, and the
 * address check that works before the chain's prefixes are known.
 */
import { IcsError, addressKind, chainSettingsFromInfo, decodeAddress } from '../../src/index.js';
import type { AddressKind, ChainSettings, ChainContext } from '../../src/index.js';

/** The chain settings as an element or `<ics-provider-chain>` holds them (attribute strings). */
export interface ChainAttributes {
  bech32Prefix?: string | undefined;
  denom?: string | undefined;
  displayDenom?: string | undefined;
  displayExponent?: number | undefined;
  chainInfo?: string | object | undefined;
}

/**
 * The settings the attributes give (the separate attributes win over `chain-info`'s fields);
 * throws `IcsError('invalid-input')` naming the attribute.
 */
export function chainSettingsOf(attributes: ChainAttributes): ChainSettings {
  const out: ChainSettings = {};
  const info = attributes.chainInfo;
  if (info !== undefined && info !== null && info !== '') {
    let parsed: unknown = info;
    if (typeof info === 'string') {
      try {
        parsed = JSON.parse(info);
      } catch {
        throw new IcsError('invalid-input', '"chain-info" must be JSON, such as {"bech32Prefix":"mantra","stakingDenom":"uom"}.', { field: 'chainInfo' });
      }
    }
    Object.assign(out, chainSettingsFromInfo(parsed));
  }
  const text = (value: string | undefined) => (value === undefined || value === null || value.trim() === '' ? undefined : value.trim());
  const prefix = text(attributes.bech32Prefix);
  if (prefix !== undefined) out.bech32Prefix = prefix;
  const denom = text(attributes.denom);
  if (denom !== undefined) out.stakingDenom = denom;
  const display = text(attributes.displayDenom);
  if (display !== undefined) out.displayDenom = display;
  const exponent = attributes.displayExponent;
  if (exponent !== undefined && exponent !== null) {
    if (!Number.isInteger(exponent) || exponent < 0 || exponent > 30) {
      throw new IcsError('invalid-input', `"display-exponent" must be a whole number from 0 to 30; got "${String(exponent)}".`, { field: 'displayExponent' });
    }
    out.displayExponent = exponent;
  }
  return out;
}

/** The same settings from `<meta name="ics-provider-…">` tags. */
export function chainSettingsFromMeta(meta: (name: string) => string | undefined): ChainSettings {
  const exponent = meta('display-exponent');
  return chainSettingsOf({
    bech32Prefix: meta('bech32-prefix'),
    denom: meta('denom'),
    displayDenom: meta('display-denom'),
    displayExponent: exponent === undefined ? undefined : Number(exponent),
    chainInfo: meta('chain-info'),
  });
}

/** True when any setting is given. */
export function hasChainSettings(settings: ChainSettings): boolean {
  return Object.values(settings).some((v) => v !== undefined);
}

/**
 * The kind of an address attribute. Once the client knows the chain's prefixes, the prefix
 * must be one of them (a foreign one is refused in words); until then only the checksum is
 * checked, and the kind is told by the prefix's ending (`…valoper`, `…valcons`).
 */
export function attributeAddressKind(address: string, client: ChainContext): AddressKind {
  if (client.chainKnown) return addressKind(address, client.config.prefixes);
  const { prefix, bytes } = decodeAddress(address);
  if (bytes.length !== 20 && bytes.length !== 32) {
    throw new IcsError('invalid-input', `"${address.slice(0, 24)}…" has ${bytes.length} bytes; an address has 20 or 32.`);
  }
  if (prefix.endsWith('valoper')) return 'validator';
  if (prefix.endsWith('valcons')) return 'consensus';
  return 'account';
}
