/**
 * `formatInteger` and `formatPower` from `src/format` with their `Intl.NumberFormat`s made once:
 * the core builds a formatter per call (about a tenth of a millisecond each), which is nothing for
 * a card and half a second for a chart labelling 500 validators several times over. Same output.
 */
let integer: Intl.NumberFormat | undefined;
let compact: Intl.NumberFormat | undefined;

/** A whole number with grouping, in the reader's locale: 1234567n → "1,234,567". */
export function formatInteger(value: bigint | number): string {
  integer ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  return integer.format(value);
}

/** Consensus power, compact from a million: 1234n → "1,234", 12_345_678n → "12.3M". */
export function formatPower(value: bigint): string {
  if (value < 1_000_000n && value > -1_000_000n) return formatInteger(value);
  compact ??= new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
  return compact.format(value);
}
