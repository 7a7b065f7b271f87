/**
 * The consumer commission rate in its three spellings: the API's decimal ("0.05"), the
 * protobuf wire's LegacyDec integer scaled by 10^18 ("50000000000000000") and the JSON / amino
 * 18-place decimal ("0.050000000000000000"). Exact, through bigint.
 */
import { IcsError } from '../chain/errors.js';
import { formatDec, parseDec } from '../power/legacy-dec.js';

/** "0.05" → 50000000000000000n; throws `IcsError('invalid-input')` for anything else. */
export function rateToAtomics(rate: string): bigint {
  const value = typeof rate === 'string' ? parseDec(rate.trim()) : undefined;
  if (value === undefined) {
    throw new IcsError('invalid-input', `A commission rate is a decimal with at most 18 places, such as "0.05"; got "${String(rate)}".`);
  }
  return value;
}

/** "0.05" → "50000000000000000", what a LegacyDec field carries in protobuf bytes. */
export function rateToWire(rate: string): string {
  return rateToAtomics(rate).toString();
}

/** "50000000000000000" → "0.050000000000000000"; throws `IcsError('decode')` for a non-integer. */
export function rateFromWire(wire: string): string {
  if (!/^-?\d+$/.test(wire)) {
    throw new IcsError('decode', `A LegacyDec on the wire is an integer scaled by 10^18; got "${wire}".`);
  }
  return formatDec(BigInt(wire));
}

/** "0.05" → "0.050000000000000000", as amino JSON and the REST API write it. */
export function rateToDecimal18(rate: string): string {
  return formatDec(rateToAtomics(rate));
}
