import { html, nothing, svg } from 'lit';
import type { PropertyValues, SVGTemplateResult, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { isIcsError, parseConsumerId } from '../../src/index.js';
import type { ProviderClient, ReadOptions } from '../../src/index.js';
import { clip, formatPercent } from '../../src/format/index.js';
import { formatInteger, formatPower, warmFormatters } from './power-chart.numbers.js';
import { nextTask } from '../../src/chain/tasks.js';
import type { ExclusionReason } from '../../src/power/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import type { AttributeProblem } from '../shared/clients.js';
import { renderIds, renderName } from '../shared/chain-text.js';
import { IcsElement } from '../shared/ics-element.js';
import { loadPowerChart } from './power-chart.load.js';
import type { ChartValidator, PowerChartData } from './power-chart.load.js';
import { MARGIN, chartItems, itemShare, matches } from './power-chart.items.js';
import type { ChartItem, Found, PowerChartVariant } from './power-chart.items.js';
import type * as Drawing from './power-chart.geometry.js';
import type { Geometry } from './power-chart.geometry.js';
import { SizeController } from './size-controller.js';
import { styles } from './power-chart.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';

const VARIANTS: readonly PowerChartVariant[] = ['bars', 'cumulative', 'compare'];

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
 * The drawing module (and d3 with it), imported on demand: once per page, side by side with the
 * first chart's read of the chain. A failed import is forgotten, so Retry tries again.
 */
let drawingModule: Promise<typeof Drawing> | undefined;
function loadDrawing(): Promise<typeof Drawing> {
  drawingModule ??= import('./power-chart.geometry.js').catch((error: unknown) => {
    drawingModule = undefined;
    throw error;
  });
  return drawingModule;
}

/**
 * A large chart's items (bars, focusable columns, table rows) are drawn a chunk per task, after a
 * first drawing of the frame alone; a chart of up to this many items is drawn at once, and the
 * first chunk has this many. Each chunk is its own `guard`ed template, so a later task renders
 * only its new chunk, not every item drawn so far.
 */
const FIRST_CHUNK = 20;
/**
 * Later chunks are sized from the last one's update time, aiming at this many milliseconds (the
 * frame's style, layout and paint of the new items come on top), within the bounds below: a slow
 * or busy machine draws fewer items per task, a fast one more.
 */
const CHUNK_TARGET_MS = 12;
const CHUNK_MIN = 8;
const CHUNK_MAX = 80;

/** Rows a Page Up / Page Down moves the focus by. */
const PAGE = 10;

/**
 * The voting power of a consumer chain's validators, or of the provider's own active set when
 * no `consumer-id` is given (the stake that Top-N thresholds are taken on), drawn as SVG.
 *
 * - `variant="bars"` (default): validators ranked by power, with share labels where they fit and
 *   the points where the running share passes 1/3 and 2/3;
 * - `variant="cumulative"`: the running share, the 1/3 (can halt the chain) and 2/3 lines, the
 *   Nakamoto coefficient, and on a Top-N chain the N% cut with `min_power_in_top_N`;
 * - `variant="compare"`: provider power beside consumer power for each validator: what the power
 *   cap took or gave, and who the allowlist, denylist, minimum stake or set cap left out.
 *
 * `validator` highlights one validator (pulled out of the "others" bucket when `limit` hides it);
 * `show-pending` adds the validators opted in but not in the set yet. Highlighted, capped,
 * pending and left-out bars each carry a pattern and words, never colour alone.
 *
 * The chart is an image with a summary in words (`role="img"`), a visually hidden table of every
 * figure, and a list of focusable columns: Tab reaches the chart, arrow keys, Home, End, Page Up
 * and Page Down move between validators, and the tooltip shows on hover and on focus (Escape hides it).
 *
 * @summary Consumer (or provider) voting power: ranked bars, cumulative curve, provider vs consumer.
 * @tagname ics-power-chart
 *
 * @fires {IcsErrorEvent} ics-error - Loading failed; `detail: {error}` (an `IcsError`).
 *
 * @csspart base - The outer frame.
 * @csspart header - The chain and its key figures.
 * @csspart name - The chain's name (inert text, clipped; the full value in its title).
 * @csspart ids - Consumer id and chain id.
 * @csspart chart - The SVG drawing.
 * @csspart bar - One validator's bar (or the "others" bucket).
 * @csspart tooltip - The tooltip of the hovered or focused validator.
 * @csspart legend - What the patterns mean.
 * @csspart message - The message shown for empty, error, ICS-absent and bad-attribute states.
 * @csspart waiting - What a slow load waits on ("Waiting for https://… (ICS parameters)…"), over the skeleton.
 * @csspart chain-note - Says amounts are in base units when the chain publishes no display unit.
 * @csspart button - The Retry button.
 *
 * @cssprop --ics-power-chart-height - Height of the plot in every state (default 16rem), so the page never shifts.
 * @cssprop --ics-power-chart-bar-color - Bars and the curve (default the accent colour).
 * @cssprop --ics-power-chart-highlight-color - The highlighted validator (default the warning colour).
 * @cssprop --ics-power-chart-provider-color - Provider power in the compare variant (default the muted colour).
 * @cssprop --ics-power-chart-mark-color - The 1/3, 2/3, Nakamoto and Top-N marks (default the danger colour).
 *
 * @cssstate loading - Reading the chain.
 * @cssstate complete - The chart is shown.
 * @cssstate empty - No validators, or no consumer chain with this id.
 * @cssstate error - Loading failed; a Retry button is shown.
 * @cssstate ics-absent - The provider has no (readable) ICS module.
 * @cssstate invalid - An attribute is wrong; the message names it.
 */
export class IcsPowerChart extends IcsDataElement<PowerChartData> {
  static override styles = [...IcsElement.styles, styles];

  /** The consumer chain's id, a whole number such as "0"; unset charts the provider's own active set. */
  @property({ attribute: 'consumer-id' }) consumerId?: string;

  /** `bars` (default), `cumulative` or `compare` (needs `consumer-id`). */
  @property({ reflect: true }) variant: PowerChartVariant = 'bars';

  /** A validator to highlight: its operator address (`cosmosvaloper1…`) or consensus address (`cosmosvalcons1…`). */
  @property() validator?: string;

  /**
   * Show the largest K validators and one "others" bucket for the rest; unset or 0 shows all (0 is
   * what Vue sets when a bound number goes away).
   */
  @property({ type: Number }) limit?: number;

  /** Also show validators opted in but not in the set yet (and, on the provider chart, bonded but inactive ones). */
  @property({ type: Boolean, attribute: 'show-pending' }) showPending = false;

  /** The column with the roving tabindex (and the tooltip when focused). */
  @state() private focusIndex = 0;

  /** The column whose tooltip shows (hover or focus); undefined hides it. */
  @state() private activeIndex: number | undefined;

  private readonly size = new SizeController(this, '.plot');

  /** The drawing module, once loaded (it always is by the time data is shown). */
  private drawing: typeof Drawing | undefined;

  /** Items and geometry, kept until the data, options or size change. */
  private drawn: { items: ChartItem[]; width: number; height: number; geometry: Geometry } | undefined;

  /** The items for the current data and options, with what they were made from. */
  private items: { key: unknown[]; items: ChartItem[] } | undefined;

  /**
   * How many items (bars, focusable columns, table rows) are drawn so far: a large chart is drawn
   * in chunks, one task each, so no task runs long (design §7: none over 50 ms with 500 validators).
   */
  private revealed = 0;
  /** Where each chunk drawn so far ends: chunk k is items `[ends[k - 1] ?? 0, ends[k])`. Stable, so each chunk's `guard` holds. */
  private chunkEnds: number[] = [];
  /** Items in the next chunk. */
  private chunkSize = FIRST_CHUNK;
  /** Set while an update draws a new chunk: its duration sizes the next one. */
  private chunkStart: number | undefined;
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  /** Awaited by `updateComplete` while chunks remain; resolved when the last one is drawn. */
  private revealed$: { promise: Promise<void>; resolve: () => void } | undefined;

  protected dataKey(): readonly unknown[] {
    return [this.consumerId?.trim() || undefined];
  }

  protected async loadData(client: ProviderClient, options: ReadOptions): Promise<PowerChartData> {
    void warmFormatters();
    // The requests start in a task after the mount's, which has the first render and layout.
    await nextTask();
    const [data, drawing] = await Promise.all([loadPowerChart(client, this.consumerId?.trim() || undefined, options), loadDrawing()]);
    this.drawing = drawing;
    // The first drawing in a task of its own, not the one that worked out the numbers.
    await nextTask();
    return data;
  }

  protected checkAttributes(client: ProviderClient | undefined): AttributeProblem | undefined {
    const id = this.consumerId?.trim();
    if (id && parseConsumerId(id) === undefined) {
      return { attribute: 'consumer-id', message: `"consumer-id" must be a whole number such as "0" or "12"; got "${clip(id, 40).text}".` };
    }
    if (!VARIANTS.includes(this.variant)) {
      return { attribute: 'variant', message: `"variant" must be "bars", "cumulative" or "compare"; got "${clip(String(this.variant), 40).text}".` };
    }
    if (this.variant === 'compare' && !id) {
      return { attribute: 'variant', message: '"variant" "compare" sets provider power against consumer power: it needs "consumer-id".' };
    }
    if (this.limit !== undefined && this.limit !== null && (!Number.isInteger(this.limit) || this.limit < 0)) {
      return { attribute: 'limit', message: `"limit" must be a whole number (0 or unset: every validator); got "${clip(String(this.limit), 40).text}".` };
    }
    return this.checkValidator(client);
  }

  private checkValidator(client: ProviderClient | undefined): AttributeProblem | undefined {
    const validator = this.validator?.trim();
    if (!validator || !client) return undefined;
    const { validator: valoper, consensus } = client.config.prefixes;
    try {
      if (attributeAddressKind(validator, client) !== 'account') return undefined;
      return {
        attribute: 'validator',
        message: `"${clip(validator, 70).text}" is an account address; "validator" takes an operator address ("${valoper}1…") or a consensus address ("${consensus}1…").`,
      };
    } catch (error) {
      return { attribute: 'validator', message: `"validator": ${isIcsError(error) ? error.message : String(error)}` };
    }
  }

  protected isEmpty(value: PowerChartData): boolean {
    return !value.found || value.set.length === 0;
  }

  protected loadingMessage(): string {
    return this.consumerId ? `Loading the validators of consumer chain ${this.consumerId}…` : 'Loading the provider\'s validators…';
  }

  protected emptyMessage(value: PowerChartData): string {
    if (!value.found) return value.message;
    return value.chain
      ? `No validators in the set of ${chainLabel(value)} yet.`
      : `The provider ${value.providerChainId} has no bonded validators.`;
  }

  protected describe(value: PowerChartData): string {
    return value.found ? this.summary(value) : value.message;
  }

  /** The chart in words: the image's label and what the live region says. */
  summary(data: Found): string {
    const n = data.set.length;
    const who = data.chain ? chainLabel(data) : `the provider ${data.providerChainId}`;
    const largest = data.set[0]!;
    const parts = [
      `${formatInteger(n)} ${data.chain ? '' : 'active '}${n === 1 ? 'validator secures' : 'validators secure'} ${who}`,
      `the largest holds ${formatPercent(largest.share)}`,
      `${data.nakamoto} ${data.nakamoto === 1 ? 'validator holds' : 'validators together hold'} more than a third, ${data.twoThirds} more than two thirds`,
    ];
    if (data.topN) parts.push(`the top ${data.topN.n}% of provider power is ${data.topN.count} validators with at least ${formatPower(data.topN.minPower)} power`);
    const highlight = this.validator?.trim();
    if (highlight) parts.push(highlightText(data, highlight));
    const pending = data.outside.filter((v) => v.status === 'pending').length;
    if (pending > 0) parts.push(`${pending} opted-in ${pending === 1 ? 'validator joins' : 'validators join'} at the next epoch`);
    if (this.variant === 'compare') {
      const capped = data.set.filter((v) => v.power < v.providerPower).length;
      const left = data.outside.filter((v) => v.status === 'left-out').length;
      parts.push(`the power cap lowered ${capped}, and ${left} opted-in ${left === 1 ? 'validator was' : 'validators were'} left out`);
    }
    return `${parts.join('; ')}.`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('variant') || changed.has('limit') || changed.has('validator') || changed.has('showPending') || changed.has('consumerId')) {
      this.focusIndex = 0;
      this.activeIndex = undefined;
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  private loaded(): Found | undefined {
    const loaded = this.task.value;
    return loaded?.kind === 'data' && loaded.value.found && this.viewState === 'complete' ? loaded.value : undefined;
  }

  protected override renderHeader(): TemplateResult {
    const data = this.loaded();
    if (!data) {
      return html`<div class="header" part="header"><span class="title">${this.consumerId ? `Consumer chain #${this.consumerId}` : 'Provider validators'}</span><span class="figures muted">&nbsp;</span></div>`;
    }
    const title = data.chain
      ? html`${renderName(data.chain.metadata.name)} ${renderIds(data.chain.consumerId, data.chain.chainId)}`
      : html`<span class="name">Provider</span> <span class="ids mono">${data.providerChainId} · active set</span>`;
    return html`<div class="header" part="header">
      <span class="title">${title}</span>
      <span class="figures">
        <span data-figure="validators"><strong>${formatInteger(data.set.length)}</strong> validators</span>
        <span data-figure="nakamoto">Nakamoto <strong>${data.nakamoto}</strong></span>
        <span data-figure="two-thirds">⅔ by <strong>${data.twoThirds}</strong></span>
        ${data.topN
          ? html`<span data-figure="top-n">Top ${data.topN.n}%: <strong>${data.topN.count}</strong>, min power <strong>${formatPower(data.topN.minPower)}</strong></span>`
          : nothing}
      </span>
    </div>`;
  }

  protected renderSkeleton(): TemplateResult {
    // The skeleton's plot has the chart's size, so the chart is drawn at the right size at once.
    return html`<div class="plot skeleton-plot skeletons" aria-hidden="true">
        ${[90, 70, 55, 45, 38, 32, 27, 23, 20, 17, 15, 13, 11, 10, 9, 8].map((h) => html`<span class="skeleton" style="block-size: ${h}%"></span>`)}
      </div>
      <div class="legend skeletons" aria-hidden="true"><span class="skeleton" style="--_w: 8em"></span><span class="skeleton" style="--_w: 10em"></span></div>`;
  }

  protected renderData(value: PowerChartData): TemplateResult {
    if (!value.found) return html``;
    const items = this.itemsFor(value);
    const box = this.drawing ? this.size.box : undefined;
    if (box && (!this.drawn || this.drawn.items !== items || this.drawn.width !== box.width || this.drawn.height !== box.height)) {
      this.drawn = { items, width: box.width, height: box.height, geometry: this.drawing!.geometry(value, items, this.variant, box) };
    }
    const g = box ? this.drawn!.geometry : undefined;
    const shown = Math.min(this.revealed, items.length);
    return html`<div class="plot">
        ${g && box ? this.renderSvg(value, items, shown, g, box) : nothing} ${g ? this.renderKeys(items, shown, g) : nothing}
        ${g ? this.renderTooltip(items, g) : nothing}
      </div>
      ${this.renderLegend(value, items)} ${this.renderTable(value, items)}`;
  }

  /** The items for the data and options, made again only when one of them changes (which restarts the reveal). */
  private itemsFor(value: Found): ChartItem[] {
    const key = [value, this.variant, this.limit, this.validator, this.showPending];
    if (!this.items || key.some((k, i) => k !== this.items!.key[i])) {
      const items = chartItems(value, {
        variant: this.variant,
        limit: this.limit || undefined,
        highlight: this.validator?.trim() || undefined,
        showPending: this.showPending,
      });
      this.items = { key, items };
      // A small chart is drawn at once; a large one's first drawing has the frame (header, axes,
      // marks, legend) and no items yet: they follow, a chunk per task.
      this.revealed = items.length <= FIRST_CHUNK ? items.length : 0;
      this.chunkEnds = this.revealed > 0 ? [this.revealed] : [];
      this.chunkSize = FIRST_CHUNK;
    }
    return this.items.items;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const total = this.viewState === 'complete' ? (this.items?.items.length ?? 0) : 0;
    if (this.chunkStart !== undefined) {
      const took = performance.now() - this.chunkStart;
      this.chunkStart = undefined;
      this.chunkSize = Math.max(CHUNK_MIN, Math.min(CHUNK_MAX, Math.round((this.chunkSize * CHUNK_TARGET_MS) / Math.max(took, 1))));
    }
    if (this.revealed < total) {
      this.revealTimer ??= setTimeout(() => {
        this.revealTimer = undefined;
        this.revealed = Math.min(this.items?.items.length ?? 0, this.revealed + this.chunkSize);
        this.chunkEnds = [...this.chunkEnds, this.revealed];
        this.chunkStart = performance.now();
        this.requestUpdate();
      });
    } else {
      this.revealed$?.resolve();
      this.revealed$ = undefined;
    }
  }

  /** The `[from, to)` item ranges of the chunks drawn so far. */
  private chunks(): [number, number][] {
    return this.chunkEnds.map((end, k) => [k === 0 ? 0 : this.chunkEnds[k - 1]!, end]);
  }

  /** Resolves once the whole chart is drawn: every chunk of a large chart, not just the first. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.revealTimer !== undefined) {
      if (!this.revealed$) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        this.revealed$ = { promise, resolve };
      }
      await this.revealed$.promise;
      complete = (await super.getUpdateComplete()) && complete;
    }
    return complete;
  }

  /** `items` are all the chart's items; `shown` of them are drawn so far. */
  private renderSvg(data: Found, items: readonly ChartItem[], shown: number, g: Geometry, box: { width: number; height: number }): TemplateResult {
    return html`<svg part="chart" class="chart" role="img" aria-label=${this.summary(data)} width=${box.width} height=${box.height} viewBox="0 0 ${box.width} ${box.height}">
      ${renderPatterns()}
      ${this.renderAxis(g, box)}
      ${this.variant === 'cumulative' ? this.renderCurve(items.slice(0, shown), g) : this.renderBars(items, shown, g)}
      ${this.renderMarks(g, box)}
    </svg>`;
  }

  private renderAxis(g: Geometry, box: { width: number }): SVGTemplateResult {
    return svg`<g class="axis" aria-hidden="true">
      ${g.ticks.map(
        (t) => svg`<line class="grid" x1=${MARGIN.left} x2=${box.width - MARGIN.right} y1=${t.y} y2=${t.y}></line>
          <text class="tick" x=${MARGIN.left - 6} y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`,
      )}
      <line class="baseline" x1=${MARGIN.left} x2=${box.width - MARGIN.right} y1=${g.baseline} y2=${g.baseline}></line>
      <text class="axis-label" x=${MARGIN.left} y=${g.baseline + 16}>${this.variant === 'cumulative' ? 'validators, largest first →' : 'largest first →'}</text>
    </g>`;
  }

  private renderBars(items: readonly ChartItem[], shown: number, g: Geometry): SVGTemplateResult {
    const compare = this.variant === 'compare';
    return svg`<g class="bars" aria-hidden="true">
      ${this.chunks().map(([from, to]) => guard([items, g, compare, from, to], () => this.renderBarChunk(items, from, to, g, compare)))}
      ${this.renderBarLabels(items.slice(0, shown), g)}
    </g>`;
  }

  private renderBarChunk(items: readonly ChartItem[], from: number, to: number, g: Geometry, compare: boolean): SVGTemplateResult {
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
  private renderBarLabels(items: readonly ChartItem[], g: Geometry): SVGTemplateResult[] {
    return items.flatMap((item, i) => {
      const highlighted = item.kind === 'validator' && item.highlighted;
      if (!g.roomForLabels && !highlighted && i !== 0 && item.kind !== 'others') return [];
      const a = g.anchors[i]!;
      const text = highlighted ? `▼ ${shortName(item)} ${barLabel(item, this.variant)}` : barLabel(item, this.variant);
      return [svg`<text class=${classMap({ 'bar-label': true, highlighted })} x=${a.x} y=${a.y - 4} text-anchor=${anchorFor(a.x, g)}>${text}</text>`];
    });
  }

  private renderCurve(items: readonly ChartItem[], g: Geometry): SVGTemplateResult {
    const i = items.findIndex((item) => item.kind === 'validator' && item.highlighted);
    const a = i >= 0 ? g.anchors[i] : undefined;
    const item = i >= 0 ? items[i] : undefined;
    return svg`<g class="curve" aria-hidden="true">
      <path class="area" d=${g.area ?? ''}></path>
      <path class="line" d=${g.curve ?? ''}></path>
      ${a && item
        ? svg`<circle class="highlight-point" cx=${a.x} cy=${a.y} r="5"></circle>
          <text class="bar-label highlighted" x=${a.x} y=${a.y - 9} text-anchor=${anchorFor(a.x, g)}>▼ ${shortName(item)} ${barLabel(item, 'cumulative')}</text>`
        : nothing}
    </g>`;
  }

  private renderMarks(g: Geometry, box: { width: number }): SVGTemplateResult {
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

  /** One focusable strip per column, over the drawing: the roving tabindex and the hover target. */
  private renderKeys(items: readonly ChartItem[], shown: number, g: Geometry): TemplateResult {
    const focus = Math.min(this.focusIndex, shown - 1);
    const variant = this.variant;
    return html`<div
      class="keys"
      role="list"
      aria-label="Validators, largest first (arrow keys move)"
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusin}
      @focusout=${this.onFocusout}
      @pointerover=${this.onPointerover}
      @pointerleave=${this.onPointerleave}
    >
      ${this.chunks().map(([from, to]) => {
        // Only the chunks that hold the focus (before or after a move) are rendered again.
        const local = focus >= from && focus < to ? focus : -1;
        return guard([items, g, variant, from, to, local], () => renderKeyChunk(items, from, to, g, variant, local));
      })}
    </div>`;
  }

  private renderTooltip(items: readonly ChartItem[], g: Geometry): TemplateResult | typeof nothing {
    const i = this.activeIndex;
    if (i === undefined || !items[i]) return nothing;
    const a = g.anchors[i]!;
    const width = this.size.box?.width ?? 0;
    const right = a.x > width / 2;
    // It opens towards the wider side, at most 16 px past its bar and never past the chart's edge:
    // a long moniker is cut with an ellipsis (the full name is in the table and the bar's label).
    const shift = Math.max(0, Math.min(16, right ? width - a.x : a.x));
    const room = Math.max(0, right ? a.x + shift : width - a.x + shift);
    return html`<div
      class=${classMap({ tooltip: true, right })}
      part="tooltip"
      aria-hidden="true"
      style="left:${a.x}px;top:${Math.max(a.y, MARGIN.top)}px;--_shift:${shift}px;--_room:${room}px"
    >${tooltipLines(items[i], this.variant).map((line, n) => (n === 0 ? html`<strong>${line}</strong>` : html`<span>${line}</span>`))}</div>`;
  }

  private renderLegend(data: Found, items: readonly ChartItem[]): TemplateResult {
    const has = (test: (item: ChartItem) => boolean) => items.some(test);
    const entries: [string, string][] = [];
    if (this.variant === 'compare') {
      entries.push(['provider', 'Provider power'], ['consumer', 'Consumer power']);
    } else {
      entries.push([this.variant === 'cumulative' ? 'curve' : 'in-set', this.variant === 'cumulative' ? 'Running share of power' : 'Share of power']);
    }
    if (has((i) => i.kind === 'validator' && i.highlighted)) entries.push(['highlighted', 'Highlighted (▼)']);
    if (this.variant !== 'cumulative' && has((i) => i.kind === 'validator' && i.v.status === 'in-set' && i.v.power < i.v.providerPower)) entries.push(['capped', 'Lowered by the power cap']);
    if (has((i) => i.kind === 'validator' && i.v.status === 'pending')) entries.push(['pending', 'Pending: joins at the next epoch']);
    if (has((i) => i.kind === 'validator' && (i.v.status === 'left-out' || i.v.status === 'inactive'))) entries.push(['left-out', data.chain ? 'Opted in, left out' : 'Bonded, not active']);
    if (has((i) => i.kind === 'others')) entries.push(['others', 'Others (the rest, together)']);
    return html`<ul class="legend" part="legend" aria-label="Legend">
      ${entries.map(
        ([kind, label]) => html`<li><svg class="swatch" width="14" height="14" aria-hidden="true"><rect class="swatch-${kind}" x="0.5" y="0.5" width="13" height="13"></rect></svg>${label}</li>`,
      )}
    </ul>`;
  }

  /** Every figure of the chart, for screen readers (the drawing's summary is its label). */
  private renderTable(data: Found, items: readonly ChartItem[]): TemplateResult {
    const compare = this.variant === 'compare';
    return html`<div class="table-box"><table>
      <caption>${this.summary(data)}</caption>
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
        ${this.chunks().map(([from, to]) => guard([items, compare, from, to], () => html`${items.slice(from, to).map((item) => tableRow(item, compare))}`))}
      </tbody>
    </table></div>`;
  }

  // ---- keyboard and pointer -------------------------------------------------------------------

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.drawn?.items.length ?? 0;
    if (count === 0) return;
    const moves: Record<string, number> = {
      ArrowRight: this.focusIndex + 1,
      ArrowDown: this.focusIndex + 1,
      ArrowLeft: this.focusIndex - 1,
      ArrowUp: this.focusIndex - 1,
      PageDown: this.focusIndex + PAGE,
      PageUp: this.focusIndex - PAGE,
      Home: 0,
      End: count - 1,
    };
    if (event.key === 'Escape') {
      this.activeIndex = undefined;
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.focusKey(Math.max(0, Math.min(count - 1, next)));
  };

  private focusKey(index: number): void {
    this.focusIndex = index;
    this.activeIndex = index;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.key[data-i="${index}"]`)?.focus());
  }

  private readonly onFocusin = (event: FocusEvent): void => {
    const i = Number((event.target as HTMLElement).dataset.i);
    if (Number.isInteger(i)) {
      this.focusIndex = i;
      this.activeIndex = i;
    }
  };

  private readonly onFocusout = (event: FocusEvent): void => {
    if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) this.activeIndex = undefined;
  };

  private readonly onPointerover = (event: PointerEvent): void => {
    const i = Number((event.target as HTMLElement).dataset.i);
    if (Number.isInteger(i)) this.activeIndex = i;
  };

  private readonly onPointerleave = (): void => {
    const focused = this.renderRoot.querySelector('.key:focus');
    this.activeIndex = focused ? this.focusIndex : undefined;
  };
}

// ---- words ---------------------------------------------------------------------------------------

function chainLabel(data: Found): string {
  const chain = data.chain!;
  const name = clip(chain.metadata.name || chain.chainId, 50).text;
  return `${name} (#${chain.consumerId}, ${clip(chain.chainId, 48).text})`;
}

/**
 * The table gives the whole moniker (the SDK allows 70 characters; neutralised markers add some),
 * where the tooltip and labels cut it.
 */
const TABLE_NAME_MAX = 140;

function validatorName(v: ChartValidator, max = 40): string {
  return clip(v.moniker || v.operatorAddress || v.consensusAddress, max).text;
}

function shortName(item: ChartItem): string {
  return item.kind === 'others' ? `${item.count} others` : clip(item.v.moniker || item.v.operatorAddress || item.v.consensusAddress, 18).text;
}

function highlightText(data: Found, address: string): string {
  const inSet = data.set.find((v) => matches(v, address));
  if (inSet) return `${validatorName(inSet)} is ranked ${inSet.rank} with ${formatPercent(inSet.share, 2)}`;
  const outside = data.outside.find((v) => matches(v, address));
  if (outside) return `${validatorName(outside)} is not in the set: ${statusText(outside)}`;
  return `${clip(address, 70).text} is not in the set`;
}

function statusText(v: ChartValidator): string {
  switch (v.status) {
    case 'in-set':
      return v.power < v.providerPower ? 'in the set, lowered by the power cap' : v.power > v.providerPower ? 'in the set, raised by the power cap' : 'in the set';
    case 'pending':
      return 'opted in, joins at the next epoch';
    case 'inactive':
      return 'bonded, outside the active set';
    case 'left-out':
      return `opted in, left out: ${REASON[v.reason ?? 'not-opted-in']}`;
  }
}

/** The short label above a bar: its share, or what kept it out. */
function barLabel(item: ChartItem, variant: PowerChartVariant): string {
  if (item.kind === 'validator' && item.v.status !== 'in-set') return item.v.status === 'pending' ? 'pending' : item.v.status === 'inactive' ? 'inactive' : 'left out';
  if (variant === 'compare') {
    if (item.kind === 'others') return `${item.count} others`;
    return item.v.power < item.v.providerPower ? 'capped' : item.v.power > item.v.providerPower ? 'raised' : '';
  }
  if (variant === 'cumulative') return formatPercent(item.kind === 'others' ? 1 : item.v.cumulative);
  return formatPercent(itemShare(item));
}

/** Everything about an item in one sentence: the focusable strip's accessible name. */
function itemText(item: ChartItem, variant: PowerChartVariant): string {
  return tooltipLines(item, variant).join('; ');
}

function tooltipLines(item: ChartItem, variant: PowerChartVariant): string[] {
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

/** The focusable strips of items `from` to `to`; `focus` (an item index) has the tab stop. */
function renderKeyChunk(items: readonly ChartItem[], from: number, to: number, g: Geometry, variant: PowerChartVariant, focus: number): TemplateResult {
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
  return [
    'bar',
    v.status,
    item.highlighted ? 'highlighted' : '',
    v.status === 'in-set' && v.power < v.providerPower ? 'capped' : '',
  ]
    .filter(Boolean)
    .join(' ');
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
