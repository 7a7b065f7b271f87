/**
 * From the chart's items to what `<ics-power-chart>` draws, in pixels for one plot size: the
 * scales (`d3-scale`), the curve and area paths (`d3-shape`) and the marks. Pure functions, no
 * DOM and no Lit. The element imports this module (and d3 with it) on demand, side by side with
 * its first read of the chain, so a page pays for d3 only when a chart loads, and no later.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { MARGIN, itemShare } from './power-chart.items.js';
import { formatCompact } from './power-chart.numbers.js';
import type { ChartItem, Found, PowerChartVariant } from './power-chart.items.js';

export interface Box {
  width: number;
  height: number;
}

/** Where an item sits on the x axis: its column (bars, compare) or its span of ranks (cumulative). */
export interface Column {
  x: number;
  width: number;
}

export interface Tick {
  y: number;
  label: string;
}

/** A vertical or horizontal reference line with its words. */
export interface Mark {
  kind: 'third' | 'two-thirds' | 'nakamoto' | 'top-n';
  orientation: 'vertical' | 'horizontal';
  /** x for a vertical mark, y for a horizontal one. */
  at: number;
  label: string;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Geometry {
  columns: Column[];
  ticks: Tick[];
  marks: Mark[];
  /** Per item: bars (one for bars and cumulative's point; provider then consumer for compare). */
  bars: Bar[][];
  /** The top of each item's drawing, where its tooltip points. */
  anchors: { x: number; y: number }[];
  /** Cumulative only: the curve and the area under it. */
  curve: string | undefined;
  area: string | undefined;
  baseline: number;
  /** Whether each bar has room for its share label above it. */
  roomForLabels: boolean;
}

/** Power of an item on the charted axis (consumer power in the set). */
function itemPower(item: ChartItem): bigint {
  return item.kind === 'others' ? item.power : item.v.power;
}

function itemProviderPower(item: ChartItem): bigint {
  return item.kind === 'others' ? item.providerPower : item.v.providerPower;
}

function band(count: number, box: Box) {
  return (
    scaleBand<number>()
      .domain(Array.from({ length: count }, (_, i) => i))
      .range([MARGIN.left, box.width - MARGIN.right])
      // Many thin columns need thin gaps, or the gaps would be all one sees.
      .paddingInner(count > 80 ? 0.08 : 0.2)
      .paddingOuter(0.1)
  );
}

const percent = (fraction: number) => `${+(fraction * 100).toFixed(1)}%`;

/** The item holding the validator ranked `rank` in the set (a validator, or the bucket spanning it). */
function itemOfRank(items: readonly ChartItem[], rank: number): number {
  return items.findIndex((item) =>
    item.kind === 'others' ? rank >= item.fromRank && rank <= item.toRank : item.v.status === 'in-set' && item.v.rank === rank,
  );
}

export function geometry(data: Found, items: readonly ChartItem[], variant: PowerChartVariant, box: Box): Geometry {
  if (variant === 'cumulative') return cumulativeGeometry(data, items, box);
  const x = band(items.length, box);
  const baseline = box.height - MARGIN.bottom;
  const columns = items.map((_, i) => ({ x: x(i) ?? 0, width: x.bandwidth() }));
  const step = x.step();
  const marks: Mark[] = [];
  if (variant === 'bars') {
    // After the validator whose running share first passes 1/3 (2/3): the mark sits in the gap after its column.
    for (const [kind, count, word] of [
      ['third', data.nakamoto, '⅓'],
      ['two-thirds', data.twoThirds, '⅔'],
    ] as const) {
      const i = itemOfRank(items, count);
      if (count > 0 && i >= 0)
        marks.push({ kind, orientation: 'vertical', at: columns[i]!.x + columns[i]!.width + (step - x.bandwidth()) / 2, label: `${word} · ${count}` });
    }
  }
  if (variant === 'compare') {
    let max = 0n;
    for (const item of items) {
      const p = itemProviderPower(item);
      const c = itemPower(item);
      if (p > max) max = p;
      if (c > max) max = c;
    }
    const y = scaleLinear()
      .domain([0, Number(max) || 1])
      .nice()
      .range([baseline, MARGIN.top]);
    const inner = scaleBand<number>()
      .domain([0, 1])
      .range([0, x.bandwidth()])
      .paddingInner(x.bandwidth() > 6 ? 0.1 : 0);
    const bars = items.map((item, i) => {
      const provider = Number(itemProviderPower(item));
      const consumer = inSetOrPending(item) ? Number(itemPower(item)) : 0;
      return [
        { x: columns[i]!.x + (inner(0) ?? 0), y: y(provider), width: inner.bandwidth(), height: baseline - y(provider) },
        { x: columns[i]!.x + (inner(1) ?? 0), y: y(consumer), width: inner.bandwidth(), height: baseline - y(consumer) },
      ];
    });
    return {
      columns,
      ticks: y.ticks(4).map((t) => ({ y: y(t), label: compactPower(t) })),
      marks,
      bars,
      anchors: bars.map((b, i) => ({ x: columns[i]!.x + columns[i]!.width / 2, y: Math.min(b[0]!.y, b[1]!.y) })),
      curve: undefined,
      area: undefined,
      baseline,
      roomForLabels: x.bandwidth() >= 34,
    };
  }
  const max = Math.max(0, ...items.map(itemShare));
  const y = scaleLinear()
    .domain([0, max || 1])
    .nice()
    .range([baseline, MARGIN.top]);
  const bars = items.map((item, i) => {
    const top = y(itemShare(item));
    return [{ x: columns[i]!.x, y: top, width: columns[i]!.width, height: baseline - top }];
  });
  return {
    columns,
    ticks: y.ticks(4).map((t) => ({ y: y(t), label: percent(t) })),
    marks,
    bars,
    anchors: bars.map((b, i) => ({ x: columns[i]!.x + columns[i]!.width / 2, y: b[0]!.y })),
    curve: undefined,
    area: undefined,
    baseline,
    roomForLabels: x.bandwidth() >= 34,
  };
}

function inSetOrPending(item: ChartItem): boolean {
  return item.kind === 'others' || item.v.status === 'in-set' || item.v.status === 'pending';
}

/** The running share over ranks 0…n, the 1/3 and 2/3 lines, the Nakamoto rank and the Top-N cut. */
function cumulativeGeometry(data: Found, items: readonly ChartItem[], box: Box): Geometry {
  const n = data.set.length;
  const baseline = box.height - MARGIN.bottom;
  const x = scaleLinear()
    .domain([0, Math.max(n, 1)])
    .range([MARGIN.left, box.width - MARGIN.right]);
  const y = scaleLinear().domain([0, 1]).range([baseline, MARGIN.top]);
  const points: [number, number][] = [[0, 0], ...data.set.map((v): [number, number] => [v.rank, v.cumulative])];
  const curve = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const fill = area<[number, number]>()
    .x((p) => x(p[0]))
    .y0(baseline)
    .y1((p) => y(p[1]));
  const columns = items.map((item) => {
    const from = item.kind === 'others' ? item.fromRank : item.v.rank;
    const to = item.kind === 'others' ? item.toRank : item.v.rank;
    return { x: x(from - 1), width: Math.max(1, x(to) - x(from - 1)) };
  });
  const anchors = items.map((item, i) => {
    const cumulative = item.kind === 'others' ? 1 : item.v.cumulative;
    return { x: columns[i]!.x + columns[i]!.width, y: y(cumulative) };
  });
  const marks: Mark[] = [
    { kind: 'third', orientation: 'horizontal', at: y(1 / 3), label: '⅓ can halt' },
    { kind: 'two-thirds', orientation: 'horizontal', at: y(2 / 3), label: '⅔' },
  ];
  if (data.nakamoto > 0) marks.push({ kind: 'nakamoto', orientation: 'vertical', at: x(data.nakamoto), label: `Nakamoto ${data.nakamoto}` });
  if (data.topN) marks.push({ kind: 'top-n', orientation: 'vertical', at: x(Math.min(data.topN.count, n)), label: `Top ${data.topN.n}% · ${data.topN.count}` });
  return {
    columns,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ y: y(t), label: percent(t) })),
    marks,
    bars: anchors.map((a) => [{ x: a.x, y: a.y, width: 0, height: 0 }]),
    anchors,
    curve: curve(points) ?? '',
    area: fill(points) ?? '',
    baseline,
    roomForLabels: false,
  };
}

/** Axis labels for power: 1234 → "1.2k", 3_400_000 → "3.4M" (the exact figures are in the tooltip and table). */
function compactPower(value: number): string {
  return formatCompact(value);
}
