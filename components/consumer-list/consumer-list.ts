import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CONSUMER_PHASES, isIcsError } from '../../src/index.js';
import type { ConsumerChain, ConsumerPhase, ChainContext, ReadOptions } from '../../src/index.js';
import { formatDateTime, stripInvisible } from '../../src/format/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import { FiguresOnDemand } from '../shared/figures-on-demand.js';
import type { AttributeProblem } from '../shared/clients.js';
import { IcsSelectEvent } from '../shared/events.js';
import { PHASE_LABEL, STANDING_LABEL, kindLabel, renderIds, renderName, shapingSummary } from '../shared/chain-text.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { loadConsumerList } from './consumer-list.load.js';
import type { ChainRow, ConsumerListData, RowFigures } from './consumer-list.load.js';
import { styles } from './consumer-list.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';
import { renderFigures, skeletonRow } from './consumer-list.figures.js';
import { SORTS, comparator, rowsToShow } from './consumer-list.order.js';
import type { ConsumerListSort } from './consumer-list.order.js';

export type { ConsumerListSort } from './consumer-list.order.js';

/** Rows a page-down key moves by. */
const PAGE = 5;

/**
 * The consumer chains of an ICS provider chain: name with consumer id and chain id, phase,
 * Top-N or opt-in, validators in the set, share of provider stake they hold, caps and lists,
 * spawn time of chains not yet launched, and with `validator` set, that validator's standing.
 *
 * Rows are a listbox: Tab moves into it, arrow keys, Home, End, Page Up and Page Down move
 * between rows, Enter or Space (or a click) selects one and fires `ics-select`.
 *
 * Rows show as soon as the chain list is read; each row's figures (validators, stake share,
 * opted in, spawn time, standing) fill in as they are read, rows in view first, then the rest,
 * six reads at a time. A row whose figures are pending shows placeholders and is `aria-busy`; a
 * row whose figures could not be read says so in words, and the others are unaffected. Rows keep
 * the order the chain list alone decides until every figure is in; then they are sorted once,
 * as soon as neither the focus nor the pointer is in the list.
 *
 * Chains with no opted-in validator (the cheapest spam) are hidden unless `show-empty` is set;
 * the header says how many were hidden. Whether a chain is spam takes its figures, so without
 * `show-empty` a row shows only once its figures are read (and every row above it is shown):
 * rows join at the foot as their figures come in, and no row shown ever vanishes.
 *
 * @summary Consumer chains of a provider, by phase, with security and stake share.
 * @tagname ics-consumer-list
 *
 * @fires {IcsSelectEvent} ics-select - A row was chosen; `detail: {consumerId, chainId}`.
 *
 * @csspart header - The line above the rows: title and counts.
 * @csspart rows - The scrolling listbox.
 * @csspart row - One chain.
 * @csspart name - A chain's name (inert text, clipped; the full value in its title).
 * @csspart ids - A chain's consumer id and chain id.
 * @csspart badge - Phase, kind, standing and look-alike badges.
 *
 * @cssprop --ics-consumer-list-height - Height of the rows area in every state (default 28rem), so the page never shifts.
 * @cssprop --ics-consumer-list-row-gap - Gap between the lines of a row (default 0.25rem).
 * @cssprop --ics-consumer-list-row-padding - Padding of a row (default 0.6rem 0.8rem).
 * @cssprop --ics-consumer-list-selected-color - Background of the selected row.
 *
 * @cssstate partial - Rows shown; some rows' figures are still being read.
 * @cssstate complete - Rows shown with every row's figures read (or, for a row whose read failed, its words saying so).
 * @cssstate empty - Nothing to show (after filters).
 */
export class IcsConsumerList extends IcsDataElement<ConsumerListData> {
  static override styles = [...IcsDataElement.styles, styles];

  /** Which chains: a phase (`registered`, `initialized`, `launched`, `stopped`, `deleted`) or `all`. */
  @property() phase: ConsumerPhase | 'all' = 'launched';

  /** Shows only chains whose name, chain id or consumer id contains this text (case-insensitive). */
  @property() search = '';

  /** Row order: `share` (of provider stake, largest first), `validators`, `name`, `consumer-id`, `spawn-time`. */
  @property() sort: ConsumerListSort = 'share';

  /** A validator (`cosmosvaloper1…` or `cosmosvalcons1…`): adds its standing on each chain. */
  @property() validator?: string;

  /** Also show chains no validator has opted in to (hidden by default as likely spam). */
  @property({ type: Boolean, attribute: 'show-empty' }) showEmpty = false;

  /** Consumer id of the selected row; set by the page or by the reader choosing a row. */
  @property() selected?: string;

  /** The row that holds the listbox's tab stop. */
  @state() private activeId: string | undefined;

  /** The rows shown, in order, as of the last render (for keyboard moves). */
  private shown: ChainRow[] = [];
  private hiddenEmpty = 0;
  /** Rows held back until their figures say whether they are spam (without `show-empty`). */
  private withheld = 0;

  /** The load whose figures are being read; reset with each load. */
  private figuresFor: ConsumerListData | undefined;
  /** Each row's figures as read, or why they could not be, by consumer id. */
  private figures = new Map<string, RowFigures | Error>();
  /** Every figure is in and the rows took their sorted order (and spam was hidden). */
  private settled = false;

  /** Reads the rows' figures: rows in view first, a few at a time. */
  private readonly queue = new FiguresOnDemand<string>(this, {
    root: () => this.renderRoot.querySelector('[role="listbox"]'),
    keyOf: (element) => (element as HTMLElement).dataset.consumerId,
  });

  /** Up, Down, Home, End, Page Up and Page Down move between the rows (the tab stop follows). */
  private readonly roving = new RovingFocus(this, {
    count: () => this.shown.length,
    current: () =>
      Math.max(
        0,
        this.shown.findIndex((r) => r.chain.consumerId === this.activeId),
      ),
    moveTo: (index) => (this.activeId = this.shown[index]!.chain.consumerId),
    item: (index) => this.renderRoot.querySelector<HTMLElement>(`[data-consumer-id="${CSS.escape(this.shown[index]!.chain.consumerId)}"]`),
    page: PAGE,
    arrows: 'vertical',
    scroll: true,
  });

  protected dataKey(): readonly unknown[] {
    return [this.phase, this.validator?.trim() || undefined];
  }

  protected loadData(client: ChainContext, options: ReadOptions): Promise<ConsumerListData> {
    return loadConsumerList(client, { phase: this.phase, validator: this.validator?.trim() || undefined }, options);
  }

  /** The list shows no amount; it needs the chain's prefixes only to check and convert `validator`. */
  protected override needsChainParams(): boolean {
    return Boolean(this.validator?.trim());
  }

  protected checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined {
    if (this.phase !== 'all' && !CONSUMER_PHASES.includes(this.phase)) {
      return { attribute: 'phase', message: `"phase" must be one of ${CONSUMER_PHASES.join(', ')} or all; got "${String(this.phase)}".` };
    }
    if (!SORTS.includes(this.sort)) {
      return { attribute: 'sort', message: `"sort" must be one of ${SORTS.join(', ')}; got "${String(this.sort)}".` };
    }
    const validator = this.validator?.trim();
    if (validator && client) {
      try {
        attributeAddressKind(validator, client);
      } catch (error) {
        return { attribute: 'validator', message: isIcsError(error) ? error.message : String(error) };
      }
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.task.value;
    if (loaded?.kind !== 'data') return;
    if (loaded.value !== this.figuresFor) this.readFigures(loaded.value);
    this.computeShown(loaded.value);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.queue.observe(this.renderRoot.querySelectorAll('[role="option"]'));
  }

  /** `partial` until every row's figures are in. */
  protected override pendingFigures(): boolean {
    return this.pendingRows() > 0;
  }

  protected isEmpty(): boolean {
    return this.shown.length === 0 && this.withheld === 0;
  }

  protected loadingMessage(): string {
    return 'Loading consumer chains…';
  }

  protected describe(): string {
    // No counts of figures read: the polite region would speak again with every row.
    if (this.withheld > 0) return `Checking ${this.shown.length + this.withheld} consumer chains for opted-in validators; figures loading.`;
    const failed = this.failedRows();
    const figures = this.pendingRows() > 0 ? '; figures loading' : failed > 0 ? `; the figures of ${failed} could not be read` : '';
    return `${this.shown.length} consumer ${this.shown.length === 1 ? 'chain' : 'chains'}${this.hiddenText()}${figures}.`;
  }

  protected emptyMessage(data: ConsumerListData): string {
    const where = data.phase === 'all' ? '' : ` ${data.phase}`;
    if (this.search.trim()) return `No${where} consumer chain matches "${stripInvisible(this.search.trim())}"${this.hiddenText()}.`;
    if (this.hiddenEmpty > 0) return `No${where} consumer chain has an opted-in validator${this.hiddenText()}.`;
    return `There are no${where} consumer chains on this provider.`;
  }

  private hiddenText(): string {
    return this.hiddenEmpty === 0 ? '' : `; ${this.hiddenEmpty} without opted-in validators hidden (set show-empty to list them)`;
  }

  // ---- figures: read row by row, settle once ------------------------------------------------

  private readFigures(data: ConsumerListData): void {
    this.figuresFor = data;
    this.figures = new Map();
    this.settled = false;
    const chains = new Map<string, ConsumerChain>(data.rows.map((row) => [row.chain.consumerId, row.chain]));
    const unread = data.rows
      .filter((row) => !row.known)
      .sort(comparator(this.sort, () => undefined))
      .map((row) => row.chain.consumerId);
    const record = (id: string, figures: RowFigures | Error) => {
      if (this.figuresFor !== data) return;
      this.figures.set(id, figures);
      this.settleWhenFree();
      this.requestUpdate();
    };
    this.queue.start(unread, (id, signal) => data.readFigures(chains.get(id)!, signal), record);
  }

  /** A row's figures: known from the chain list, read, failed (an Error), or not yet (undefined). */
  private figuresOf(row: ChainRow): RowFigures | Error | undefined {
    return row.known ?? this.figures.get(row.chain.consumerId);
  }

  private pendingRows(): number {
    return this.figuresFor?.rows.filter((row) => this.figuresOf(row) === undefined).length ?? 0;
  }

  private failedRows(): number {
    return [...this.figures.values()].filter((f) => f instanceof Error).length;
  }

  /**
   * Sorts the rows (and hides spam) once every figure is in, unless the reader is in the list:
   * the focus or the pointer on a row that moved would land on another. Called again when they
   * leave (`leaving` says which is leaving now, so its stale `:hover` or `:focus-within` is not read).
   */
  private settleWhenFree(leaving?: 'focus' | 'pointer'): void {
    if (this.settled || !this.figuresFor || this.pendingRows() > 0) return;
    const list = this.renderRoot.querySelector('[role="listbox"]');
    if (list && ((leaving !== 'pointer' && list.matches(':hover')) || (leaving !== 'focus' && list.matches(':focus-within')))) return;
    this.settled = true;
    this.requestUpdate();
  }

  private onFocusOut(event: FocusEvent): void {
    const list = event.currentTarget as Element;
    if (!list.contains(event.relatedTarget as Node | null)) this.settleWhenFree('focus');
  }

  // ---- rows: filter, sort ------------------------------------------------------------------

  /** The rows to show, in order (see `rowsToShow`: until `settled`, rows keep their place and none that is shown leaves). */
  private computeShown(data: ConsumerListData): void {
    const choice = { search: this.search, showEmpty: this.showEmpty, sort: this.sort };
    const { rows, hidden, withheld } = rowsToShow(data.rows, choice, (row) => this.figuresOf(row), this.settled);
    this.hiddenEmpty = hidden;
    this.withheld = withheld;
    this.shown = rows;
    if (!this.shown.some((r) => r.chain.consumerId === this.activeId)) {
      this.activeId = this.shown.find((r) => r.chain.consumerId === this.selected)?.chain.consumerId ?? this.shown[0]?.chain.consumerId;
    }
  }

  // ---- keyboard and selection ---------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent): void {
    const rows = this.shown;
    if (rows.length === 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(rows[this.roving.current()]!);
      return;
    }
    this.roving.handleKey(event);
  }

  private choose(row: ChainRow): void {
    this.activeId = row.chain.consumerId;
    this.selected = row.chain.consumerId;
    this.dispatchEvent(new IcsSelectEvent({ consumerId: row.chain.consumerId, chainId: row.chain.chainId }));
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override renderHeader(): TemplateResult {
    const loaded = this.task.value;
    const data = loaded?.kind === 'data' && this.viewState !== 'loading' ? loaded.value : undefined;
    const phase = this.phase === 'all' ? 'All consumer chains' : `${PHASE_LABEL[this.phase] ?? 'Consumer'} consumer chains`;
    return html`<div class="header" part="header">
      <span class="title">${phase}</span>
      <span class="muted clip">${data ? this.headerCounts(data) : nothing}</span>
    </div>`;
  }

  private headerCounts(data: ConsumerListData): string {
    const parts = [`${this.shown.length} shown`];
    // Rows wait to be shown until their figures say they are not spam: say that something comes.
    if (this.withheld > 0) parts.push(`${this.withheld} being checked`);
    if (this.hiddenEmpty > 0) parts.push(`${this.hiddenEmpty} without validators hidden`);
    if (data.validatorName !== undefined) parts.push(`standing of ${stripInvisible(data.validatorName)}`);
    return parts.join(' · ');
  }

  protected renderSkeleton(): TemplateResult {
    return html`<div class="rows skeletons" aria-hidden="true">${[0, 1, 2, 3, 4, 5].map((i) => skeletonRow(i))}</div>`;
  }

  protected renderData(): TemplateResult {
    return html`<div
      class="rows"
      part="rows"
      role="listbox"
      aria-label="Consumer chains"
      aria-busy=${this.withheld > 0 ? 'true' : nothing}
      @keydown=${this.onKeyDown}
      @focusout=${this.onFocusOut}
      @pointerleave=${() => this.settleWhenFree('pointer')}
    >
      ${this.shown.map((row) => this.renderRow(row))}
      ${this.withheld > 0 ? html`<div class="skeletons" aria-hidden="true">${skeletonRow(this.shown.length)}</div>` : nothing}
    </div>`;
  }

  private renderRow(row: ChainRow): TemplateResult {
    const { chain } = row;
    const id = chain.consumerId;
    // The keys are the listbox's (roving focus, onKeyDown): Enter or Space chooses the active option.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      class="row"
      part="row"
      role="option"
      data-consumer-id=${id}
      tabindex=${id === this.activeId ? 0 : -1}
      aria-selected=${id === this.selected ? 'true' : 'false'}
      @click=${() => this.choose(row)}
      @focus=${() => (this.activeId = id)}
    >
      <div class="title">${renderName(chain.metadata.name)} ${renderIds(id, chain.chainId)}</div>
      ${this.renderBadges(row)} ${this.renderFacts(row)}
    </div>`;
  }

  private renderBadges(row: ChainRow): TemplateResult {
    const { chain } = row;
    const figures = this.figuresOf(row);
    const standing = figures instanceof Error ? undefined : figures?.standing;
    const standingPending = figures === undefined && this.figuresFor?.validatorName !== undefined;
    return html`<div class="badges">
      ${
        row.lookAlikes.length > 0
          ? html`<span class="badge warn" part="badge"
            >Name like #${row.lookAlikes.slice(0, 3).join(', #')}${row.lookAlikes.length > 3 ? ` +${row.lookAlikes.length - 3}` : ''}</span
          >`
          : nothing
      }
      ${standing ? html`<span class="badge ${standing === 'in-set' ? 'ok' : ''}" part="badge">${STANDING_LABEL[standing]}</span>` : nothing}
      ${standingPending ? html`<span class="skeleton" aria-hidden="true" style="--_w: 5em"></span>` : nothing}
      <span class="badge" part="badge">${PHASE_LABEL[chain.phase]}</span>
      <span class="badge ${chain.kind}" part="badge">${kindLabel(chain.kind, chain.topN)}</span>
    </div>`;
  }

  /** The figures, their placeholders while they are read (busy, so nothing half-read is heard as final), or why they are missing. */
  private renderFacts(row: ChainRow): TemplateResult {
    const { chain } = row;
    const config = this.resolution.client?.config;
    const summary = shapingSummary(chain, chain.kind, config?.displayExponent ?? 6, config?.displayDenom ?? 'ATOM');
    const figures = this.figuresOf(row);
    const read = figures instanceof Error ? undefined : figures;
    return html`<div class="facts" aria-busy=${figures === undefined ? 'true' : nothing}>
      ${renderFigures(chain, figures)} ${summary.length > 0 ? html`<span>${summary.join(' · ')}</span>` : nothing}
      ${read?.spawnTime ? html`<span>Spawns ${formatDateTime(read.spawnTime)}</span>` : nothing}
    </div>`;
  }
}
