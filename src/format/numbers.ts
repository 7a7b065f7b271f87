/**
 * Number formatting for the elements: powers and tokens stay `bigint` until the last step, so
 * supplies above 2^53 keep every digit; rates arrive as the chain's 18-place decimal strings.
 */
import { ratio } from '../power/shares.js';

const LOCALE = undefined; // the reader's locale

// Making an Intl formatter costs far more than using one (a chart of 500 validators spent about
// half a second in constructors), so each is made once, on first use.
let integerFormat: Intl.NumberFormat | undefined;
let compactFormat: Intl.NumberFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** A whole number with grouping: 1234567n → "1,234,567" (in the reader's locale). */
export function formatInteger(value: bigint | number): string {
  integerFormat ??= new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
  return integerFormat.format(value);
}

/** Consensus power, compact above a million: 1234n → "1,234", 12_345_678n → "12.3M". */
export function formatPower(value: bigint): string {
  if (value < 1_000_000n && value > -1_000_000n) return formatInteger(value);
  compactFormat ??= new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
  return compactFormat.format(value);
}

/**
 * Any number, compact, with the formatter `formatPower` uses above a million: 1234 → "1.2K",
 * 3_400_000 → "3.4M" (axis labels, where the exact figure is shown elsewhere).
 */
export function formatCompact(value: bigint | number): string {
  compactFormat ??= new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
  return compactFormat.format(value);
}

/**
 * Base-denom tokens in display units: (1_500_000n, 6, "ATOM") → "1.5 ATOM". Exact: the integer
 * and fraction parts are split as bigints before any float is made.
 */
export function formatTokens(amount: bigint, exponent: number, denom: string, fractionDigits = 2): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = 10n ** BigInt(exponent);
  const whole = abs / unit;
  const scale = 10n ** BigInt(fractionDigits);
  // Round half up at the last shown digit.
  let fraction = exponent === 0 ? 0n : ((abs % unit) * scale + unit / 2n) / unit;
  let wholePart = whole;
  if (fraction >= scale) {
    wholePart += 1n;
    fraction -= scale;
  }
  const fractionText = fractionDigits > 0 && fraction > 0n ? `.${fraction.toString().padStart(fractionDigits, '0').replace(/0+$/, '')}` : '';
  return `${negative ? '−' : ''}${formatInteger(wholePart)}${fractionText} ${denom}`;
}

/** A fraction as a percentage: 0.9512 → "95.1%"; tiny non-zero values never show as "0%". */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '–';
  if (fraction > 0 && fraction * 100 < 10 ** -digits) return `<${(10 ** -digits).toFixed(digits)}%`;
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** `part / total` as a percentage, exact for bigints: (1n, 3n) → "33.3%". */
export function formatShare(part: bigint, total: bigint, digits = 1): string {
  if (total === 0n) return '–';
  return formatPercent(ratio(part, total), digits);
}

/**
 * A commission rate from its 18-place decimal string: "0.050000000000000000" → "5%",
 * "0.125000000000000000" → "12.5%". Anything that is not a decimal is shown as "–".
 */
export function formatCommission(rate: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!match) return '–';
  const digits = (match[2] ?? '').padEnd(18, '0').slice(0, 18);
  const scaled = BigInt(match[1]!) * 10n ** 18n + BigInt(digits || '0');
  // Percent with two decimals, trailing zeros dropped: scaled / 10^14 is hundredths of a percent.
  const hundredths = (scaled + 5n * 10n ** 13n) / 10n ** 14n;
  const text = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`.replace(/\.?0+$/, '');
  return `${text}%`;
}

/** A rough duration in words: 3725 s → "about 1 h 2 min"; under a minute → "under a minute". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return `about ${hours} h${rest ? ` ${rest} min` : ''}`;
  return `about ${Math.round(hours / 24)} days`;
}

/** A date and time in the reader's locale and time zone, with the zone named. */
export function formatDateTime(date: Date): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  dateTimeFormat ??= new Intl.DateTimeFormat(LOCALE, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return dateTimeFormat.format(date);
}
