/**
 * The little of cosmos-sdk's `math.LegacyDec` (18 decimal places, big integers) that the
 * provider module's threshold maths uses, so our numbers match the chain's to the last unit.
 */

export const DEC_PRECISION = 18;
const ONE = 10n ** 18n;

/**
 * `LegacyDec.Quo` of two integers: the quotient at 36 places, then rounded to 18 with banker's
 * rounding (`chopPrecisionAndRound`). Returns the 18-place fixed-point integer.
 */
export function legacyQuo(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q36 = (n * ONE * ONE) / d;
  const chopped = chopAndRound(q36);
  return negative ? -chopped : chopped;
}

/** Removes 18 digits with round-half-to-even, as the SDK does. */
function chopAndRound(value: bigint): bigint {
  const quotient = value / ONE;
  const remainder = value % ONE;
  const half = ONE / 2n;
  if (remainder < half) return quotient;
  if (remainder > half) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/** `percent / 100` as an 18-place fixed-point integer. */
export function percentAsDec(percent: number): bigint {
  return (BigInt(percent) * ONE) / 100n;
}

/**
 * Parses an 18-place decimal string such as "0.050000000000000000" (or a shorter one such as
 * "0.05") into its fixed-point integer. Returns undefined when the text is not such a decimal.
 */
export function parseDec(text: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d{1,18}))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole!) * ONE + BigInt(fraction.padEnd(DEC_PRECISION, '0'));
  return sign === '-' ? -value : value;
}

/** Formats an 18-place fixed-point integer as the SDK writes it in JSON ("0.050000000000000000"). */
export function formatDec(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(DEC_PRECISION, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
