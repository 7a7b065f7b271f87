import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { isIcsError, parseConsumerId } from '../../src/index.js';
import type { ChainContext, ReadOptions } from '../../src/index.js';
import { clip } from '../../src/format/index.js';
import { formatInteger, formatPower, warmFormatters } from './power-chart.numbers.js';
import { nextTask } from '../../src/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import type { AttributeProblem } from '../shared/clients.js';
import { renderIds, renderName } from '../shared/chain-text.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { loadPowerChart } from './power-chart.load.js';
import type { PowerChartData } from './power-chart.load.js';
import { MARGIN, chartItems } from './power-chart.items.js';
import type { ChartItem, Found, PowerChartVariant } from './power-chart.items.js';
import type * as Drawing from './power-chart.on-demand.js';
import type { Geometry } from './power-chart.geometry.js';
import { SizeController } from './size-controller.js';
import { ChunkedReveal } from './chunked-reveal.js';
import type { ChartView } from './power-chart.drawing.js';
import { chainLabel, chartSummary, tooltipLines } from './power-chart.words.js';
import { styles } from './power-chart.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';
import { onDemand } from '../shared/on-demand.js';

const VARIANTS: readonly PowerChartVariant[] = ['bars', 'cumulative', 'compare'];

/**
 * The drawing (the geometry with d3, and the templates that draw with it), imported on demand: once
 * per page, side by side with the first chart's read of the chain. A failed import is forgotten, so
 * Retry tries again.
 */
const loadDrawing = onDemand(() => import('./power-chart.on-demand.js'), 'the chart');

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
 * @csspart header - The chain and its key figures.
 * @csspart name - The chain's name (inert text, clipped; the full value in its title).
 * @csspart ids - Consumer id and chain id.
 * @csspart chart - The SVG drawing.
 * @csspart bar - One validator's bar (or the "others" bucket).
 * @csspart tooltip - The tooltip of the hovered or focused validator.
 * @csspart legend - What the patterns mean.
 *
 * @cssprop --ics-power-chart-height - Height of the plot in every state (default 16rem), so the page never shifts.
 * @cssprop --ics-power-chart-bar-color - Bars and the curve (default the accent colour).
 * @cssprop --ics-power-chart-highlight-color - The highlighted validator (default the warning colour).
 * @cssprop --ics-power-chart-provider-color - Provider power in the compare variant (default the muted colour).
 * @cssprop --ics-power-chart-mark-color - The 1/3, 2/3, Nakamoto and Top-N marks (default the danger colour).
 *
 * @cssstate complete - The chart is shown.
 * @cssstate empty - No validators, or no consumer chain with this id.
 */
export class IcsPowerChart extends IcsDataElement<PowerChartData> {
  static override styles = [...IcsDataElement.styles, styles];

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

  /** A large chart's items are drawn a chunk per task (`ChunkedReveal`). */
  private readonly reveal = new ChunkedReveal(this, () => this.items?.items.length ?? 0);

  /** Arrow keys, Home, End, Page Up and Page Down move between the columns. */
  private readonly roving = new RovingFocus(this, {
    count: () => this.drawn?.items.length ?? 0,
    current: () => this.focusIndex,
    moveTo: (index) => {
      this.focusIndex = index;
      this.activeIndex = index;
    },
    item: (index) => this.renderRoot.querySelector<HTMLElement>(`.key[data-i="${index}"]`),
    page: PAGE,
    arrows: 'both',
  });

  protected dataKey(): readonly unknown[] {
    return [this.consumerId?.trim() || undefined];
  }

  protected async loadData(client: ChainContext, options: ReadOptions): Promise<PowerChartData> {
    void warmFormatters();
    // The requests start in a task after the mount's, which has the first render and layout.
    await nextTask();
    const [data, drawing] = await Promise.all([loadPowerChart(client, this.consumerId?.trim() || undefined, options), loadDrawing()]);
    this.drawing = drawing;
    // The first drawing in a task of its own, not the one that worked out the numbers.
    await nextTask();
    return data;
  }

  protected checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined {
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

  private checkValidator(client: ChainContext | undefined): AttributeProblem | undefined {
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
    return this.consumerId ? `Loading the validators of consumer chain ${this.consumerId}…` : "Loading the provider's validators…";
  }

  protected emptyMessage(value: PowerChartData): string {
    if (!value.found) return value.message;
    return value.chain ? `No validators in the set of ${chainLabel(value)} yet.` : `The provider ${value.providerChainId} has no bonded validators.`;
  }

  protected describe(value: PowerChartData): string {
    return value.found ? this.summary(value) : value.message;
  }

  /** The chart in words: the image's label and what the live region says. */
  summary(data: Found): string {
    return chartSummary(data, this.variant, this.validator?.trim() || undefined);
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
        ${
          data.topN
            ? html`<span data-figure="top-n">Top ${data.topN.n}%: <strong>${data.topN.count}</strong>, min power <strong>${formatPower(data.topN.minPower)}</strong></span>`
            : nothing
        }
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
    const drawing = this.drawing;
    if (!value.found || !drawing) return html``;
    const items = this.itemsFor(value);
    const box = this.size.box;
    if (box && (!this.drawn || this.drawn.items !== items || this.drawn.width !== box.width || this.drawn.height !== box.height)) {
      this.drawn = { items, width: box.width, height: box.height, geometry: drawing.geometry(value, items, this.variant, box) };
    }
    const g = box ? this.drawn!.geometry : undefined;
    const shown = Math.min(this.reveal.revealed, items.length);
    const chart: ChartView = { variant: this.variant, summary: this.summary(value), chunks: this.reveal.chunks() };
    return html`<div class="plot">
        ${g && box ? drawing.renderSvg(chart, items, shown, g, box) : nothing} ${g ? this.renderKeys(drawing, items, shown, g) : nothing}
        ${g ? this.renderTooltip(items, g) : nothing}
      </div>
      ${drawing.renderLegend(chart, value, items)} ${drawing.renderTable(chart, value, items)}`;
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
      this.reveal.restart(items.length);
    }
    return this.items.items;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reveal.hostUpdated(this.viewState === 'complete' ? (this.items?.items.length ?? 0) : 0);
  }

  /** Resolves once the whole chart is drawn: every chunk of a large chart, not just the first. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.reveal.running) {
      await this.reveal.drawn();
      complete = (await super.getUpdateComplete()) && complete;
    }
    return complete;
  }

  /** One focusable strip per column, over the drawing: the roving tabindex and the hover target. */
  private renderKeys(drawing: typeof Drawing, items: readonly ChartItem[], shown: number, g: Geometry): TemplateResult {
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
      ${this.reveal.chunks().map(([from, to]) => {
        // Only the chunks that hold the focus (before or after a move) are rendered again.
        const local = focus >= from && focus < to ? focus : -1;
        return guard([items, g, variant, from, to, local], () => drawing.renderKeyChunk(items, from, to, g, variant, local));
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
      class="tooltip ${right ? 'right' : ''}"
      part="tooltip"
      aria-hidden="true"
      style="left:${a.x}px;top:${Math.max(a.y, MARGIN.top)}px;--_shift:${shift}px;--_room:${room}px"
    >${tooltipLines(items[i], this.variant).map((line, n) => (n === 0 ? html`<strong>${line}</strong>` : html`<span>${line}</span>`))}</div>`;
  }

  // ---- keyboard and pointer -------------------------------------------------------------------

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if ((this.drawn?.items.length ?? 0) === 0) return;
    if (event.key === 'Escape') {
      this.activeIndex = undefined;
      return;
    }
    this.roving.handleKey(event);
  };

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
