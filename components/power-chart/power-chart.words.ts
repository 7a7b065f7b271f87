/**
 * The words of `<ics-power-chart>`: its summary (the image's label, the table's caption, the live
 * region), the tooltip lines and accessible names of the columns, bar labels, statuses and the
 * legend. No Lit and no d3: plain strings from the chart's items.
 */
import { clip, formatPercent } from '../../src/format/index.js';
import type { ExclusionReason } from '../../src/power/index.js';
import { formatInteger, formatPower } from './power-chart.numbers.js';
import type { ChartValidator } from './power-chart.load.js';
import { itemShare, matches } from './power-chart.items.js';
import type { ChartItem, Found, PowerChartVariant } from './power-chart.items.js';

const REASON: Record<ExclusionReason, string> = {
  'not-bonded': 'not bonded',
  inactive: 'outside the active set',
  'not-opted-in': 'not opted in',
  'not-allowlisted': 'not on the allowlist',
  denylisted: 'on the denylist',
  'below-min-stake': 'below the minimum stake',
  'set-cap': 'cut by the set cap',
};

/**
 * The chart in words: the image's label, the table's caption and what the live region says.
 * `highlight` is the `validator` attribute (trimmed), if any.
 */
export function chartSummary(data: Found, variant: PowerChartVariant, highlight: string | undefined): string {
  const n = data.set.length;
  const who = data.chain ? chainLabel(data) : `the provider ${data.providerChainId}`;
  const largest = data.set[0]!;
  const parts = [
    `${formatInteger(n)} ${data.chain ? '' : 'active '}${n === 1 ? 'validator secures' : 'validators secure'} ${who}`,
    `the largest holds ${formatPercent(largest.share)}`,
    `${data.nakamoto} ${data.nakamoto === 1 ? 'validator holds' : 'validators together hold'} more than a third, ${data.twoThirds} more than two thirds`,
  ];
  if (data.topN)
    parts.push(`the top ${data.topN.n}% of provider power is ${data.topN.count} validators with at least ${formatPower(data.topN.minPower)} power`);
  if (highlight) parts.push(highlightText(data, highlight));
  const pending = data.outside.filter((v) => v.status === 'pending').length;
  if (pending > 0) parts.push(`${pending} opted-in ${pending === 1 ? 'validator joins' : 'validators join'} at the next epoch`);
  if (variant === 'compare') {
    const capped = data.set.filter((v) => v.power < v.providerPower).length;
    const left = data.outside.filter((v) => v.status === 'left-out').length;
    parts.push(`the power cap lowered ${capped}, and ${left} opted-in ${left === 1 ? 'validator was' : 'validators were'} left out`);
  }
  return `${parts.join('; ')}.`;
}

/** What the legend lists for these items: each pattern or colour shown, with its meaning. */
export function legendEntries(data: Found, items: readonly ChartItem[], variant: PowerChartVariant): [string, string][] {
  const has = (test: (item: ChartItem) => boolean) => items.some(test);
  const entries: [string, string][] = [];
  if (variant === 'compare') {
    entries.push(['provider', 'Provider power'], ['consumer', 'Consumer power']);
  } else {
    entries.push([variant === 'cumulative' ? 'curve' : 'in-set', variant === 'cumulative' ? 'Running share of power' : 'Share of power']);
  }
  if (has((i) => i.kind === 'validator' && i.highlighted)) entries.push(['highlighted', 'Highlighted (▼)']);
  if (variant !== 'cumulative' && has((i) => i.kind === 'validator' && i.v.status === 'in-set' && i.v.power < i.v.providerPower))
    entries.push(['capped', 'Lowered by the power cap']);
  if (has((i) => i.kind === 'validator' && i.v.status === 'pending')) entries.push(['pending', 'Pending: joins at the next epoch']);
  if (has((i) => i.kind === 'validator' && (i.v.status === 'left-out' || i.v.status === 'inactive')))
    entries.push(['left-out', data.chain ? 'Opted in, left out' : 'Bonded, not active']);
  if (has((i) => i.kind === 'others')) entries.push(['others', 'Others (the rest, together)']);
  return entries;
}

export function chainLabel(data: Found): string {
  const chain = data.chain!;
  const name = clip(chain.metadata.name || chain.chainId, 50).text;
  return `${name} (#${chain.consumerId}, ${clip(chain.chainId, 48).text})`;
}

/**
 * The table gives the whole moniker (the SDK allows 70 characters; neutralised markers add some),
 * where the tooltip and labels cut it.
 */
export const TABLE_NAME_MAX = 140;

export function validatorName(v: ChartValidator, max = 40): string {
  return clip(v.moniker || v.operatorAddress || v.consensusAddress, max).text;
}

export function shortName(item: ChartItem): string {
  return item.kind === 'others' ? `${item.count} others` : clip(item.v.moniker || item.v.operatorAddress || item.v.consensusAddress, 18).text;
}

export function highlightText(data: Found, address: string): string {
  const inSet = data.set.find((v) => matches(v, address));
  if (inSet) return `${validatorName(inSet)} is ranked ${inSet.rank} with ${formatPercent(inSet.share, 2)}`;
  const outside = data.outside.find((v) => matches(v, address));
  if (outside) return `${validatorName(outside)} is not in the set: ${statusText(outside)}`;
  return `${clip(address, 70).text} is not in the set`;
}

export function statusText(v: ChartValidator): string {
  switch (v.status) {
    case 'in-set':
      return v.power < v.providerPower
        ? 'in the set, lowered by the power cap'
        : v.power > v.providerPower
          ? 'in the set, raised by the power cap'
          : 'in the set';
    case 'pending':
      return 'opted in, joins at the next epoch';
    case 'inactive':
      return 'bonded, outside the active set';
    case 'left-out':
      return `opted in, left out: ${REASON[v.reason ?? 'not-opted-in']}`;
  }
}

/** The short label above a bar: its share, or what kept it out. */
export function barLabel(item: ChartItem, variant: PowerChartVariant): string {
  if (item.kind === 'validator' && item.v.status !== 'in-set')
    return item.v.status === 'pending' ? 'pending' : item.v.status === 'inactive' ? 'inactive' : 'left out';
  if (variant === 'compare') {
    if (item.kind === 'others') return `${item.count} others`;
    return item.v.power < item.v.providerPower ? 'capped' : item.v.power > item.v.providerPower ? 'raised' : '';
  }
  if (variant === 'cumulative') return formatPercent(item.kind === 'others' ? 1 : item.v.cumulative);
  return formatPercent(itemShare(item));
}

/** Everything about an item in one sentence: the focusable strip's accessible name. */
export function itemText(item: ChartItem, variant: PowerChartVariant): string {
  return tooltipLines(item, variant).join('; ');
}

export function tooltipLines(item: ChartItem, variant: PowerChartVariant): string[] {
  if (item.kind === 'others') {
    return [
      `${item.count} others (ranks ${item.fromRank}–${item.toRank})`,
      `${formatPercent(item.share)} together, ${formatPower(item.power)} power`,
      ...(variant === 'compare' ? [`provider power ${formatPower(item.providerPower)}`] : []),
    ];
  }
  const v = item.v;
  const lines = [`${item.highlighted ? '▼ ' : ''}${validatorName(v)}`];
  if (v.status === 'in-set') {
    lines.push(`rank ${v.rank}, ${formatPercent(v.share, 2)} (${formatPower(v.power)} power)`, `running share ${formatPercent(v.cumulative)}`);
  } else {
    lines.push(`${formatPower(v.providerPower)} provider power${v.status === 'pending' ? `, about ${formatPercent(v.share, 2)} when it joins` : ''}`);
  }
  if (variant === 'compare' && v.status === 'in-set') lines.push(`provider power ${formatPower(v.providerPower)}`);
  if (v.status !== 'in-set' || v.power !== v.providerPower) lines.push(statusText(v));
  if (v.inTopN) lines.push('in the top N: must validate');
  return lines;
}
