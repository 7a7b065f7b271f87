/**
 * What `<ics-power-chart>` charts, before any drawing: the items (validators, an "others"
 * bucket, validators outside the set) for a variant, limit and highlight. No d3 here: this part
 * loads with the element; the drawing (d3) loads on demand.
 */
import type { ChartStatus, ChartValidator, PowerChartData } from './power-chart.load.js';

export type PowerChartVariant = 'bars' | 'cumulative' | 'compare';

export type Found = Extract<PowerChartData, { found: true }>;

/** One focusable column of the chart: a validator, or the bucket of the smaller ones. */
export type ChartItem =
  | { kind: 'validator'; v: ChartValidator; highlighted: boolean }
  | {
      kind: 'others';
      count: number;
      power: bigint;
      providerPower: bigint;
      share: number;
      /** Ranks the bucket spans. */
      fromRank: number;
      toRank: number;
    };

export interface ItemOptions {
  variant: PowerChartVariant;
  /** Show the top K of the set and one "others" bucket for the rest; undefined = all. */
  limit: number | undefined;
  /** Operator or consensus address of the highlighted validator. */
  highlight: string | undefined;
  /** Also chart validators outside the set (pending, left out, inactive). */
  showPending: boolean;
}

export function matches(v: ChartValidator, address: string | undefined): boolean {
  return address !== undefined && (v.operatorAddress === address || v.consensusAddress === address);
}

/**
 * The items in drawing order: the top K of the set, the highlighted validator when the limit
 * would hide it, the "others" bucket, then the validators outside the set that this variant
 * shows (compare: those the lists and caps left out, always; bars: with `show-pending`).
 */
export function chartItems(data: Found, options: ItemOptions): ChartItem[] {
  const { set } = data;
  const k = options.limit === undefined ? set.length : Math.min(options.limit, set.length);
  const items: ChartItem[] = set.slice(0, k).map((v) => ({ kind: 'validator', v, highlighted: matches(v, options.highlight) }));
  const rest = set.slice(k);
  const pulled = rest.find((v) => matches(v, options.highlight));
  if (pulled) items.push({ kind: 'validator', v: pulled, highlighted: true });
  const bucket = rest.filter((v) => v !== pulled);
  if (bucket.length > 0) {
    let power = 0n;
    let providerPower = 0n;
    let share = 0;
    for (const v of bucket) {
      power += v.power;
      providerPower += v.providerPower;
      share += v.share;
    }
    items.push({ kind: 'others', count: bucket.length, power, providerPower, share, fromRank: bucket[0]!.rank, toRank: bucket[bucket.length - 1]!.rank });
  }
  if (options.variant === 'cumulative') return items;
  const shown = (status: ChartStatus) => options.showPending || (options.variant === 'compare' && status === 'left-out');
  const outside = data.outside.filter((v) => shown(v.status) || matches(v, options.highlight));
  const cap = options.limit === undefined ? outside.length : options.limit;
  for (const v of outside.slice(0, cap)) items.push({ kind: 'validator', v, highlighted: matches(v, options.highlight) });
  const hidden = outside.slice(cap).find((v) => matches(v, options.highlight));
  if (hidden) items.push({ kind: 'validator', v: hidden, highlighted: true });
  return items;
}

export const MARGIN = { top: 26, right: 12, bottom: 24, left: 48 };

export function itemShare(item: ChartItem): number {
  return item.kind === 'others' ? item.share : item.v.share;
}
