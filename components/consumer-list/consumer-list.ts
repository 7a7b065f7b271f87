import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { CONSUMER_PHASES, isIcsError } from '../../src/index.js';
import type { ConsumerPhase, ChainContext, ReadOptions } from '../../src/index.js';
import { formatDateTime, formatPercent, stripInvisible } from '../../src/format/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import type { AttributeProblem } from '../shared/clients.js';
import { IcsSelectEvent } from '../shared/events.js';
import { PHASE_LABEL, STANDING_LABEL, kindLabel, renderIds, renderName, shapingSummary } from '../shared/chain-text.js';
import { IcsElement } from '../shared/ics-element.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { loadConsumerList } from './consumer-list.load.js';
import type { ChainRow, ConsumerListData } from './consumer-list.load.js';
import { styles } from './consumer-list.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';

export type ConsumerListSort = 'share' | 'validators' | 'name' | 'consumer-id' | 'spawn-time';
const SORTS: readonly ConsumerListSort[] = ['share', 'validators', 'name', 'consumer-id', 'spawn-time'];

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
 * Chains with no opted-in validator (the cheapest spam) are hidden unless `show-empty` is set;
 * the header says how many were hidden.
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
 * @cssstate complete - Rows shown.
 * @cssstate empty - Nothing to show (after filters).
 */
export class IcsConsumerList extends IcsDataElement<ConsumerListData> {
  static override styles = [...IcsElement.styles, styles];

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
    if (loaded?.kind === 'data') this.computeShown(loaded.value);
  }

  protected isEmpty(): boolean {
    return this.shown.length === 0;
  }

  protected loadingMessage(): string {
    return 'Loading consumer chains…';
  }

  protected describe(): string {
    return `${this.shown.length} consumer ${this.shown.length === 1 ? 'chain' : 'chains'}${this.hiddenText()}.`;
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

  // ---- rows: filter, sort ------------------------------------------------------------------

  private computeShown(data: ConsumerListData): void {
    const needle = stripInvisible(this.search.trim()).toLowerCase();
    let hidden = 0;
    const rows = data.rows.filter((row) => {
      if (!this.showEmpty && row.validators === 0 && (row.optedIn ?? 0) === 0) {
        hidden++;
        return false;
      }
      if (!needle) return true;
      const { chain } = row;
      return [stripInvisible(chain.metadata.name), chain.chainId, chain.consumerId, `#${chain.consumerId}`].some((s) => s.toLowerCase().includes(needle));
    });
    this.hiddenEmpty = hidden;
    this.shown = rows.sort(comparator(this.sort));
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
    if (this.hiddenEmpty > 0) parts.push(`${this.hiddenEmpty} without validators hidden`);
    if (data.validatorName !== undefined) parts.push(`standing of ${stripInvisible(data.validatorName)}`);
    return parts.join(' · ');
  }

  protected renderSkeleton(): TemplateResult {
    return html`<div class="rows skeletons" aria-hidden="true">
      ${[0, 1, 2, 3, 4, 5].map(
        (i) => html`<div class="row skeleton-row">
          <div class="title"><span class="skeleton" style="--_w: ${9 + (i % 3) * 3}em"></span><span class="skeleton" style="--_w: 8em"></span></div>
          <div class="badges"><span class="skeleton" style="--_w: 4.5em"></span></div>
          <div class="facts"><span class="skeleton" style="--_w: 7em"></span><span class="skeleton" style="--_w: 10em"></span></div>
        </div>`,
      )}
    </div>`;
  }

  protected renderData(): TemplateResult {
    return html`<div class="rows" part="rows" role="listbox" aria-label="Consumer chains" @keydown=${this.onKeyDown}>
      ${this.shown.map((row) => this.renderRow(row))}
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
    return html`<div class="badges">
      ${
        row.lookAlikes.length > 0
          ? html`<span class="badge warn" part="badge"
            >Name like #${row.lookAlikes.slice(0, 3).join(', #')}${row.lookAlikes.length > 3 ? ` +${row.lookAlikes.length - 3}` : ''}</span
          >`
          : nothing
      }
      ${row.standing ? html`<span class=${classMap({ badge: true, ok: row.standing === 'in-set' })} part="badge">${STANDING_LABEL[row.standing]}</span>` : nothing}
      <span class="badge" part="badge">${PHASE_LABEL[chain.phase]}</span>
      <span class=${classMap({ badge: true, 'top-n': chain.kind === 'top-n' })} part="badge">${kindLabel(chain.kind, chain.topN)}</span>
    </div>`;
  }

  private renderFacts(row: ChainRow): TemplateResult {
    const { chain } = row;
    const config = this.resolution.client?.config;
    const summary = shapingSummary(chain, chain.kind, config?.displayExponent ?? 6, config?.displayDenom ?? 'ATOM');
    return html`<div class="facts">
      ${
        row.validators === undefined
          ? html`<span>No validator set (${chain.phase})</span>`
          : html`<span><strong>${row.validators}</strong> ${row.validators === 1 ? 'validator' : 'validators'}</span>
            <span><strong>${formatPercent(row.stakeShare ?? 0)}</strong> of provider stake</span>`
      }
      ${row.validators === 0 && row.optedIn !== undefined ? html`<span>${row.optedIn} opted in</span>` : nothing}
      ${summary.length > 0 ? html`<span>${summary.join(' · ')}</span>` : nothing}
      ${row.spawnTime ? html`<span>Spawns ${formatDateTime(row.spawnTime)}</span>` : nothing}
    </div>`;
  }
}

function comparator(sort: ConsumerListSort): (a: ChainRow, b: ChainRow) => number {
  const byId = (a: ChainRow, b: ChainRow) => {
    const x = BigInt(a.chain.consumerId);
    const y = BigInt(b.chain.consumerId);
    return x === y ? 0 : x < y ? -1 : 1;
  };
  switch (sort) {
    case 'consumer-id':
      return byId;
    case 'name':
      return (a, b) => stripInvisible(a.chain.metadata.name).localeCompare(stripInvisible(b.chain.metadata.name)) || byId(a, b);
    case 'validators':
      return (a, b) => (b.validators ?? -1) - (a.validators ?? -1) || byId(a, b);
    case 'spawn-time':
      return (a, b) => (a.spawnTime?.getTime() ?? Infinity) - (b.spawnTime?.getTime() ?? Infinity) || byId(a, b);
    default:
      return (a, b) => (b.stakeShare ?? -1) - (a.stakeShare ?? -1) || byId(a, b);
  }
}
