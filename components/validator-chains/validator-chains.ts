import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isIcsError } from '../../src/index.js';
import type { ConsumerChain, ChainContext, ReadOptions } from '../../src/index.js';
import { clip, formatCommission } from '../../src/format/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import { FiguresOnDemand } from '../shared/figures-on-demand.js';
import type { AttributeProblem } from '../shared/clients.js';
import { PHASE_LABEL, STANDING_LABEL, kindLabel, renderIds, renderName } from '../shared/chain-text.js';
import { loadValidatorChains } from './validator-chains.load.js';
import type { ValidatorChainRow, ValidatorChainStatus, ValidatorChainsData } from './validator-chains.load.js';
import { styles } from './validator-chains.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';
import { renderFigures } from './validator-chains.figures.js';

const ORDER: Record<ValidatorChainStatus, number> = { 'in-set': 0, 'next-epoch': 1, 'must-validate': 2, 'left-out': 3 };
/** Where a chain that could not be read goes once sorted: last. */
const UNREAD_ORDER = 4;

/**
 * The consumer chains one provider validator is part of: the chains it validates, the ones it
 * must validate from the next epoch (Top-N), and the ones it opted in to ("active from next
 * epoch" when the set takes it at the epoch end; "opted in, not in the set" when a cap, list
 * or minimum stake leaves it out). For each: its power and share on the consumer, its consumer
 * commission beside its provider commission, and whether it assigned a consumer key.
 *
 * Each row has a named slot, `action-<consumerId>`, for a control of the page's own (the
 * opt-in button will go there): `<button slot="action-12">…</button>`.
 *
 * The header and a row for each chain the validator has to validate show as soon as the chain
 * list is read; each row's figures fill in as its chain is read, rows in view first, six reads
 * at a time. Every other active chain is checked the same way, and a chain found to be the
 * validator's (opted in) joins at the foot; no row shown ever leaves. A row whose figures are
 * pending shows placeholders and is `aria-busy`; a chain that could not be read says so in words
 * in its row, and the others are unaffected. Rows keep the order they appeared in until every
 * chain is read; then they are sorted once, as soon as neither the focus nor the pointer is in
 * the list.
 *
 * @summary The consumer chains a validator validates, must validate or opted in to.
 * @tagname ics-validator-chains
 *
 * @slot action-<consumerId> - A control for the row of that consumer chain, e.g. `slot="action-12"`.
 *
 * @csspart header - The validator: moniker, operator address, provider commission.
 * @csspart rows - The list of chains.
 * @csspart row - One chain.
 * @csspart name - A chain's name (inert text, clipped; the full value in its title).
 * @csspart ids - A chain's consumer id and chain id.
 * @csspart badge - Status, phase, kind and key badges.
 * @csspart link - The validator's website (shown only for an `https:` URL).
 *
 * @cssprop --ics-validator-chains-height - Height of the rows area in every state (default 24rem), so the page never shifts.
 * @cssprop --ics-validator-chains-row-padding - Padding of a row (default 0.6rem 0.8rem).
 *
 * @cssstate partial - Rows shown; some chains are still being read (figures pending, rows may join at the foot).
 * @cssstate complete - Rows shown with every chain read (or, for a chain whose read failed, its words saying so).
 * @cssstate empty - The validator is on no consumer chain.
 */
export class IcsValidatorChains extends IcsDataElement<ValidatorChainsData> {
  static override styles = [...IcsDataElement.styles, styles];

  /** The validator: its operator address (`cosmosvaloper1…`) or consensus address (`cosmosvalcons1…`). */
  @property() validator?: string;

  /** The chains shown, in order, as of the last render. */
  private shown: ConsumerChain[] = [];

  /** The load whose rows are being read; reset with each load. */
  private figuresFor: ValidatorChainsData | undefined;
  /** Each chain's read: the row, `absent` (the validator is not part of it), or why it could not be read (an Error), by consumer id. */
  private figures = new Map<string, ValidatorChainRow | 'absent' | Error>();
  /** The load's active chains by consumer id (the ones it has to validate and the others). */
  private chains = new Map<string, ConsumerChain>();
  /** Chains shown so far, by consumer id, in the order they were first shown: none leaves. */
  private appeared: string[] = [];
  /** Every chain is read and the rows took their sorted order. */
  private settled = false;

  /** Reads each active chain: rows in view first, then the rest (chains not yet rows among them), a few at a time. */
  private readonly queue = new FiguresOnDemand<string>(this, {
    root: () => this.renderRoot.querySelector('.rows[part="rows"]'),
    keyOf: (element) => (element as HTMLElement).dataset.consumerId,
  });

  protected dataKey(): readonly unknown[] {
    return [this.validator?.trim()];
  }

  protected loadData(client: ChainContext, options: ReadOptions): Promise<ValidatorChainsData> {
    return loadValidatorChains(client, this.validator!.trim(), options);
  }

  protected checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined {
    const validator = this.validator?.trim();
    if (!validator) {
      return {
        attribute: 'validator',
        message: 'Set "validator" to an operator address ("cosmosvaloper1…") or consensus address ("cosmosvalcons1…").',
        missing: true,
      };
    }
    if (!client) return undefined;
    try {
      const kind = attributeAddressKind(validator, client);
      if (kind === 'account') {
        const { validator: valoper, consensus } = client.config.prefixes;
        return {
          attribute: 'validator',
          message: `"${clip(validator, 70).text}" is an account address; "validator" takes an operator address ("${valoper}1…") or a consensus address ("${consensus}1…").`,
        };
      }
    } catch (error) {
      return { attribute: 'validator', message: isIcsError(error) ? error.message : String(error) };
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.task.value;
    if (loaded?.kind !== 'data') return;
    if (loaded.value !== this.figuresFor) this.readRows(loaded.value);
    this.shown = this.chainsToShow();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.queue.observe(this.renderRoot.querySelectorAll('.row[data-consumer-id]'));
  }

  /** `partial` until every chain is read: figures fill in and rows may still join. */
  protected override pendingFigures(): boolean {
    return this.unread() > 0;
  }

  protected isEmpty(): boolean {
    return this.shown.length === 0 && this.unread() === 0;
  }

  protected loadingMessage(): string {
    return "Loading the validator's consumer chains…";
  }

  protected emptyMessage(value: ValidatorChainsData): string {
    return `${clip(value.identity.moniker || value.identity.operatorAddress, 50).text} validates no consumer chain, is not required on one, and has not opted in to one.`;
  }

  protected describe(value: ValidatorChainsData): string {
    const name = clip(value.identity.moniker || value.identity.operatorAddress, 50).text;
    // No count while reading: the polite region would speak again with every row that joins.
    if (this.unread() > 0) return `Checking ${name} on ${value.required.length + value.others.length} consumer chains; figures loading.`;
    const n = this.shown.length;
    const failed = this.failed();
    const unread = failed > 0 ? `; ${failed} ${failed === 1 ? 'chain' : 'chains'} could not be read` : '';
    return `${name} is on ${n} consumer ${n === 1 ? 'chain' : 'chains'}${unread}.`;
  }

  // ---- rows: read chain by chain, settle once -----------------------------------------------

  private readRows(data: ValidatorChainsData): void {
    this.figuresFor = data;
    this.figures = new Map();
    this.appeared = data.required.map((chain) => chain.consumerId);
    this.settled = false;
    const chains = new Map([...data.required, ...data.others].map((chain) => [chain.consumerId, chain]));
    this.chains = chains;
    // The chains it has to validate (rows already) first, then the others by consumer id.
    const record = (id: string, read: ValidatorChainRow | 'absent' | Error) => {
      if (this.figuresFor !== data) return;
      this.figures.set(id, read);
      // A chain found to be the validator's (or that could not be checked) joins at the foot.
      if (read !== 'absent' && !this.appeared.includes(id)) this.appeared.push(id);
      this.settleWhenFree();
      this.requestUpdate();
    };
    this.queue.start(chains.keys(), async (id, signal) => (await data.readRow(chains.get(id)!, signal)) ?? ('absent' as const), record);
  }

  /** Chains not read yet. */
  private unread(): number {
    const data = this.figuresFor;
    return data ? data.required.length + data.others.length - this.figures.size : 0;
  }

  private failed(): number {
    return [...this.figures.values()].filter((f) => f instanceof Error).length;
  }

  /**
   * The chains to show: in the order they appeared until every chain is read (so no row moves
   * under the reader while figures come in), then sorted by status and consumer id.
   */
  private chainsToShow(): ConsumerChain[] {
    const chains = this.appeared.map((id) => this.chains.get(id)!);
    if (!this.settled) return chains;
    const rank = (chain: ConsumerChain) => {
      const read = this.figures.get(chain.consumerId);
      return typeof read === 'object' && !(read instanceof Error) ? ORDER[read.status] : UNREAD_ORDER;
    };
    return chains.sort((a, b) => rank(a) - rank(b) || Number(BigInt(a.consumerId) - BigInt(b.consumerId)));
  }

  /**
   * Sorts the rows once every chain is read, unless the reader is in the list: the focus (on a
   * row's slotted action, light DOM, too) or the pointer on a row that moved would land on
   * another. Called again when they leave (`pointerLeaving`: its stale `:hover` is not read).
   */
  private settleWhenFree(pointerLeaving = false): void {
    if (this.settled || !this.figuresFor || this.unread() > 0) return;
    const list = this.renderRoot.querySelector('.rows[part="rows"]');
    const focused = list?.matches(':focus-within') || [...this.children].some((child) => child.matches(':focus-within'));
    if (focused || (list && !pointerLeaving && list.matches(':hover'))) return;
    this.settled = true;
    this.requestUpdate();
  }

  /** The focus left a row: once it has landed (still in the list, or elsewhere), sort if free. */
  private onFocusOut(): void {
    setTimeout(() => this.settleWhenFree());
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override renderHeader(): TemplateResult {
    const loaded = this.task.value;
    const data = loaded?.kind === 'data' && this.viewState === 'complete' ? loaded.value : undefined;
    if (!data) {
      const address = clip(this.validator?.trim() ?? '', 70);
      return html`<div class="header" part="header">
        <span class="moniker">Validator</span><span class="operator mono clip" title=${address.full}>${address.text}</span>
      </div>`;
    }
    const moniker = clip(data.identity.moniker || '(no moniker)', 50);
    return html`<div class="header" part="header">
      <span class="moniker clip" title=${moniker.full}>${moniker.text}</span>
      <span class="muted"
        >Provider commission ${formatCommission(data.providerCommission)}${
          data.website ? html` · <a href=${data.website} rel="noopener noreferrer nofollow" part="link">${new URL(data.website).hostname}</a>` : nothing
        }</span
      >
      <span class="operator mono clip" title=${data.identity.operatorAddress}>${data.identity.operatorAddress}</span>
    </div>`;
  }

  protected renderSkeleton(): TemplateResult {
    return html`<ul class="rows skeletons" aria-hidden="true">
      ${[0, 1, 2, 3, 4].map((i) => html`<li>${skeletonRow(i)}</li>`)}
    </ul>`;
  }

  protected renderData(value: ValidatorChainsData): TemplateResult {
    // Rows may still join while chains other than the ones it has to validate are being checked.
    const checking = value.others.some((chain) => !this.figures.has(chain.consumerId));
    return html`<ul
      class="rows"
      part="rows"
      aria-label="Consumer chains of this validator"
      aria-busy=${checking ? 'true' : nothing}
      @focusout=${this.onFocusOut}
      @pointerleave=${() => this.settleWhenFree(true)}
    >
      ${this.shown.map((chain) => this.renderRow(chain, value))}
      ${checking ? html`<li class="skeletons" aria-hidden="true">${skeletonRow(this.shown.length)}</li>` : nothing}
    </ul>`;
  }

  private renderRow(chain: ConsumerChain, value: ValidatorChainsData): TemplateResult {
    const read = this.figures.get(chain.consumerId);
    return html`<li class="row" part="row" data-consumer-id=${chain.consumerId}>
      <div class="title">${renderName(chain.metadata.name)} ${renderIds(chain.consumerId, chain.chainId)}</div>
      <div class="side">
        ${this.renderBadges(chain, read)}
        <slot name=${`action-${chain.consumerId}`}></slot>
      </div>
      <div class="facts" aria-busy=${read === undefined ? 'true' : nothing}>${renderFigures(read, value.providerCommission)}</div>
    </li>`;
  }

  private renderBadges(chain: ConsumerChain, read: ValidatorChainRow | 'absent' | Error | undefined): TemplateResult {
    const row = typeof read === 'object' && !(read instanceof Error) ? read : undefined;
    return html`<div class="badges">
      ${
        row
          ? html`<span class="badge ${row.status === 'in-set' ? 'ok' : row.status === 'must-validate' ? 'warn' : ''}" part="badge"
              >${statusLabel(row)}</span
            >`
          : nothing
      }
      ${read === undefined ? html`<span class="skeleton" aria-hidden="true" style="--_w: 6em"></span>` : nothing}
      <span class="badge" part="badge">${PHASE_LABEL[chain.phase]}</span>
      <span class="badge ${chain.kind}" part="badge">${kindLabel(chain.kind, chain.topN)}</span>
    </div>`;
  }
}

/** A row's placeholder: while the list loads, and at the foot while chains are still checked. */
function skeletonRow(i: number): TemplateResult {
  return html`<div class="row">
    <div class="title"><span class="skeleton" style="--_w: ${9 + (i % 3) * 3}em"></span><span class="skeleton" style="--_w: 8em"></span></div>
    <div class="side"><span class="skeleton" style="--_w: 6em"></span></div>
    <div class="facts"><span class="skeleton" style="--_w: 12em"></span></div>
  </div>`;
}

function statusLabel(row: ValidatorChainRow): string {
  const prelaunch = row.chain.phase !== 'launched';
  switch (row.status) {
    case 'in-set':
      return prelaunch ? 'In the launch set' : 'Validating';
    case 'left-out':
      return prelaunch ? 'Opted in' : STANDING_LABEL['left-out'];
    default:
      return STANDING_LABEL[row.status];
  }
}
