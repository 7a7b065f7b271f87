/**
 * How `<ics-power-chart>` draws its items once their geometry is known: the SVG (axis, bars or
 * curve, labels, marks, patterns), the focusable strips over it, the legend and the table of every
 * figure. Plain template functions of the items, the geometry and what the element shows (`ChartView`).
 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatPercent } from '../../src/format/index.js';
import { formatInteger } from './power-chart.numbers.js';
import { MARGIN } from './power-chart.items.js';
import type { ChartItem, Found, PowerChartVariant } from './power-chart.items.js';
import type { Geometry } from './power-chart.geometry.js';
import { TABLE_NAME_MAX, barLabel, itemText, legendEntries, shortName, statusText, validatorName } from './power-chart.words.js';

/** What the element shows, as the drawing needs it. */
export interface ChartView {
  variant: PowerChartVariant;
  /** The chart in words: the image's label and the table's caption. */
  summary: string;
  /** The `[from, to)` item ranges drawn so far (see `ChunkedReveal`). */
  chunks: readonly [number, number][];
}

/** `items` are all the chart's items; `shown` of them are drawn so far. */
export function renderSvg(chart: ChartView, items: readonly ChartItem[], shown: number, g: Geometry, box: { width: number; height: number }): TemplateResult {
  return html`<svg part="chart" class="chart" role="img" aria-label=${chart.summary} width=${box.width} height=${box.height} viewBox="0 0 ${box.width} ${box.height}">
    ${renderPatterns()}
    ${renderAxis(chart.variant, g, box)}
    ${chart.variant === 'cumulative' ? renderCurve(items.slice(0, shown), g) : renderBars(chart, items, shown, g)}
    ${renderMarks(g, box)}
  </svg>`;
}

function renderAxis(variant: PowerChartVariant, g: Geometry, box: { width: number }): SVGTemplateResult {
  return svg`<g class="axis" aria-hidden="true">
    ${g.ticks.map(
      (t) => svg`<line class="grid" x1=${MARGIN.left} x2=${box.width - MARGIN.right} y1=${t.y} y2=${t.y}></line>
        <text class="tick" x=${MARGIN.left - 6} y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`,
    )}
    <line class="baseline" x1=${MARGIN.left} x2=${box.width - MARGIN.right} y1=${g.baseline} y2=${g.baseline}></line>
    <text class="axis-label" x=${MARGIN.left} y=${g.baseline + 16}>${variant === 'cumulative' ? 'validators, largest first →' : 'largest first →'}</text>
  </g>`;
}

function renderBars(chart: ChartView, items: readonly ChartItem[], shown: number, g: Geometry): SVGTemplateResult {
  const compare = chart.variant === 'compare';
  return svg`<g class="bars" aria-hidden="true">
    ${chart.chunks.map(([from, to]) => guard([items, g, compare, from, to], () => renderBarChunk(items, from, to, g, compare)))}
    ${renderBarLabels(chart.variant, items.slice(0, shown), g)}
  </g>`;
}

function renderBarChunk(items: readonly ChartItem[], from: number, to: number, g: Geometry, compare: boolean): SVGTemplateResult {
  return svg`${items.slice(from, to).map((item, j) => {
    const i = from + j;
    const bars = g.bars[i]!;
    const cls = barClass(item);
    if (compare) {
      const [provider, consumer] = bars as [Geometry['bars'][0][0], Geometry['bars'][0][0]];
      return svg`<g class=${cls} part="bar"><rect class="provider" x=${provider.x} y=${provider.y} width=${provider.width} height=${provider.height}></rect
          ><rect class="consumer" x=${consumer.x} y=${consumer.y} width=${consumer.width} height=${consumer.height}></rect></g>`;
    }
    const bar = bars[0]!;
    return svg`<rect class=${cls} part="bar" x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>`;
  })}`;
}

/** Share (or status) above bars that have room, and always above the highlighted one and the largest. */
function renderBarLabels(variant: PowerChartVariant, items: readonly ChartItem[], g: Geometry): SVGTemplateResult[] {
  return items.flatMap((item, i) => {
    const highlighted = item.kind === 'validator' && item.highlighted;
    if (!g.roomForLabels && !highlighted && i !== 0 && item.kind !== 'others') return [];
    const a = g.anchors[i]!;
    const text = highlighted ? `▼ ${shortName(item)} ${barLabel(item, variant)}` : barLabel(item, variant);
    return [svg`<text class="bar-label ${highlighted ? 'highlighted' : ''}" x=${a.x} y=${a.y - 4} text-anchor=${anchorFor(a.x, g)}>${text}</text>`];
  });
}

function renderCurve(items: readonly ChartItem[], g: Geometry): SVGTemplateResult {
  const i = items.findIndex((item) => item.kind === 'validator' && item.highlighted);
  const a = i >= 0 ? g.anchors[i] : undefined;
  const item = i >= 0 ? items[i] : undefined;
  return svg`<g class="curve" aria-hidden="true">
    <path class="area" d=${g.area ?? ''}></path>
    <path class="line" d=${g.curve ?? ''}></path>
    ${
      a && item
        ? svg`<circle class="highlight-point" cx=${a.x} cy=${a.y} r="5"></circle>
        <text class="bar-label highlighted" x=${a.x} y=${a.y - 9} text-anchor=${anchorFor(a.x, g)}>▼ ${shortName(item)} ${barLabel(item, 'cumulative')}</text>`
        : nothing
    }
  </g>`;
}

function renderMarks(g: Geometry, box: { width: number }): SVGTemplateResult {
  return svg`<g class="marks" aria-hidden="true">
    ${g.marks.map((m, i) =>
      m.orientation === 'vertical'
        ? svg`<g class="mark ${m.kind}"><line x1=${m.at} x2=${m.at} y1=${MARGIN.top - 4} y2=${g.baseline}></line
            ><text x=${m.at} y=${MARGIN.top - 8 - (i % 2) * 0} text-anchor=${anchorFor(m.at, g)}>${m.label}</text></g>`
        : svg`<g class="mark ${m.kind}"><line x1=${MARGIN.left} x2=${box.width - MARGIN.right} y1=${m.at} y2=${m.at}></line
            ><text x=${box.width - MARGIN.right - 2} y=${m.at - 4} text-anchor="end">${m.label}</text></g>`,
    )}
  </g>`;
}

/** What the patterns and colours mean, for the items shown. */
export function renderLegend(chart: ChartView, data: Found, items: readonly ChartItem[]): TemplateResult {
  const entries = legendEntries(data, items, chart.variant);
  return html`<ul class="legend" part="legend" aria-label="Legend">
    ${entries.map(
      ([kind, label]) =>
        html`<li><svg class="swatch" width="14" height="14" aria-hidden="true"><rect class="swatch-${kind}" x="0.5" y="0.5" width="13" height="13"></rect></svg>${label}</li>`,
    )}
  </ul>`;
}

/** Every figure of the chart, for screen readers (the drawing's summary is its label). */
export function renderTable(chart: ChartView, data: Found, items: readonly ChartItem[]): TemplateResult {
  const compare = chart.variant === 'compare';
  return html`<div class="table-box"><table>
    <caption>${chart.summary}</caption>
    <thead>
      <tr>
        <th scope="col">Rank</th>
        <th scope="col">Validator</th>
        <th scope="col">${data.chain ? 'Consumer power' : 'Power'}</th>
        <th scope="col">Share</th>
        <th scope="col">Running share</th>
        ${compare ? html`<th scope="col">Provider power</th>` : nothing}
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      ${chart.chunks.map(([from, to]) => guard([items, compare, from, to], () => html`${items.slice(from, to).map((item) => tableRow(item, compare))}`))}
    </tbody>
  </table></div>`;
}

/** The focusable strips of items `from` to `to`; `focus` (an item index) has the tab stop. */
export function renderKeyChunk(items: readonly ChartItem[], from: number, to: number, g: Geometry, variant: PowerChartVariant, focus: number): TemplateResult {
  return html`${items.slice(from, to).map((item, j) => {
    const i = from + j;
    const c = g.columns[i]!;
    return html`<div
      class="key"
      role="listitem"
      data-i=${i}
      tabindex=${i === focus ? 0 : -1}
      aria-label=${itemText(item, variant)}
      style="left:${c.x}px;width:${Math.max(c.width, 2)}px"
    ></div>`;
  })}`;
}

function tableRow(item: ChartItem, compare: boolean): TemplateResult {
  if (item.kind === 'others') {
    return html`<tr>
      <td>${item.fromRank}–${item.toRank}</td>
      <th scope="row">${item.count} others</th>
      <td>${formatInteger(item.power)}</td>
      <td>${formatPercent(item.share, 2)}</td>
      <td>100.0%</td>
      ${compare ? html`<td>${formatInteger(item.providerPower)}</td>` : nothing}
      <td>together</td>
    </tr>`;
  }
  const v = item.v;
  const inSet = v.status === 'in-set';
  return html`<tr>
    <td>${inSet ? v.rank : '–'}</td>
    <th scope="row">${validatorName(v, TABLE_NAME_MAX)}${item.highlighted ? ' (highlighted)' : ''}</th>
    <td>${inSet || v.status === 'pending' ? formatInteger(v.power) : '–'}</td>
    <td>${inSet ? formatPercent(v.share, 2) : '–'}</td>
    <td>${inSet ? formatPercent(v.cumulative) : '–'}</td>
    ${compare ? html`<td>${formatInteger(v.providerPower)}</td>` : nothing}
    <td>${statusText(v)}</td>
  </tr>`;
}

function barClass(item: ChartItem): string {
  if (item.kind === 'others') return 'bar others';
  const v = item.v;
  return ['bar', v.status, item.highlighted ? 'highlighted' : '', v.status === 'in-set' && v.power < v.providerPower ? 'capped' : ''].filter(Boolean).join(' ');
}

function anchorFor(x: number, g: Geometry): 'start' | 'middle' | 'end' {
  const right = g.columns.length > 0 ? g.columns[g.columns.length - 1]!.x + g.columns[g.columns.length - 1]!.width : x;
  if (x < MARGIN.left + 60) return 'start';
  if (x > right - 60) return 'end';
  return 'middle';
}

/** The patterns that carry status besides colour: hatch (capped), dots (highlighted), stripes (pending), cross (left out). */
function renderPatterns(): SVGTemplateResult {
  return svg`<defs>
    <pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect class="pattern-bg capped-bg" width="6" height="6"></rect><line class="pattern-line" x1="0" y1="0" x2="0" y2="6"></line>
    </pattern>
    <pattern id="dots" patternUnits="userSpaceOnUse" width="5" height="5">
      <rect class="pattern-bg highlight-bg" width="5" height="5"></rect><circle class="pattern-dot" cx="2.5" cy="2.5" r="1.1"></circle>
    </pattern>
    <pattern id="stripes" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)">
      <rect class="pattern-bg pending-bg" width="6" height="6"></rect><line class="pattern-line" x1="0" y1="0" x2="0" y2="6"></line>
    </pattern>
    <pattern id="cross" patternUnits="userSpaceOnUse" width="6" height="6">
      <rect class="pattern-bg left-bg" width="6" height="6"></rect><path class="pattern-line" d="M0 0L6 6M6 0L0 6"></path>
    </pattern>
  </defs>`;
}
