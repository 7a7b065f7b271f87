import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { isIcsError } from '../../src/index.js';
import type { ChainContext, ReadOptions } from '../../src/index.js';
import { clip, formatCommission, formatPercent, formatPower } from '../../src/format/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import type { AttributeProblem } from '../shared/clients.js';
import { PHASE_LABEL, STANDING_LABEL, kindLabel, renderIds, renderName } from '../shared/chain-text.js';
import { IcsElement } from '../shared/ics-element.js';
import { loadValidatorChains } from './validator-chains.load.js';
import type { ValidatorChainRow, ValidatorChainStatus, ValidatorChainsData } from './validator-chains.load.js';
import { styles } from './validator-chains.styles.js';
import { attributeAddressKind } from '../shared/chain-settings.js';

const ORDER: Record<ValidatorChainStatus, number> = { 'in-set': 0, 'next-epoch': 1, 'must-validate': 2, 'left-out': 3 };

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
 * @cssstate complete - Rows shown.
 * @cssstate empty - The validator is on no consumer chain.
 */
export class IcsValidatorChains extends IcsDataElement<ValidatorChainsData> {
  static override styles = [...IcsElement.styles, styles];

  /** The validator: its operator address (`cosmosvaloper1…`) or consensus address (`cosmosvalcons1…`). */
  @property() validator?: string;

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

  protected isEmpty(value: ValidatorChainsData): boolean {
    return value.rows.length === 0;
  }

  protected loadingMessage(): string {
    return "Loading the validator's consumer chains…";
  }

  protected emptyMessage(value: ValidatorChainsData): string {
    return `${clip(value.identity.moniker || value.identity.operatorAddress, 50).text} validates no consumer chain, is not required on one, and has not opted in to one.`;
  }

  protected describe(value: ValidatorChainsData): string {
    const n = value.rows.length;
    return `${clip(value.identity.moniker, 50).text} is on ${n} consumer ${n === 1 ? 'chain' : 'chains'}.`;
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
      ${[0, 1, 2, 3, 4].map(
        (i) => html`<li class="row">
          <div class="title"><span class="skeleton" style="--_w: ${9 + (i % 3) * 3}em"></span><span class="skeleton" style="--_w: 8em"></span></div>
          <div class="side"><span class="skeleton" style="--_w: 6em"></span></div>
          <div class="facts"><span class="skeleton" style="--_w: 12em"></span></div>
        </li>`,
      )}
    </ul>`;
  }

  protected renderData(value: ValidatorChainsData): TemplateResult {
    const rows = [...value.rows].sort((a, b) => ORDER[a.status] - ORDER[b.status] || Number(BigInt(a.chain.consumerId) - BigInt(b.chain.consumerId)));
    return html`<ul class="rows" part="rows" aria-label="Consumer chains of this validator">
      ${rows.map((row) => this.renderRow(row, value))}
    </ul>`;
  }

  private renderRow(row: ValidatorChainRow, value: ValidatorChainsData): TemplateResult {
    const { chain } = row;
    return html`<li class="row" part="row" data-consumer-id=${chain.consumerId}>
      <div class="title">${renderName(chain.metadata.name)} ${renderIds(chain.consumerId, chain.chainId)}</div>
      <div class="side">
        ${this.renderBadges(row)}
        <slot name=${`action-${chain.consumerId}`}></slot>
      </div>
      ${this.renderFacts(row, value)}
    </li>`;
  }

  private renderBadges(row: ValidatorChainRow): TemplateResult {
    const { chain } = row;
    return html`<div class="badges">
      <span class=${classMap({ badge: true, ok: row.status === 'in-set', warn: row.status === 'must-validate' })} part="badge"
        >${statusLabel(row)}</span
      >
      <span class="badge" part="badge">${PHASE_LABEL[chain.phase]}</span>
      <span class=${classMap({ badge: true, 'top-n': chain.kind === 'top-n' })} part="badge">${kindLabel(chain.kind, chain.topN)}</span>
    </div>`;
  }

  private renderFacts(row: ValidatorChainRow, value: ValidatorChainsData): TemplateResult {
    const differs = formatCommission(row.consumerCommission) !== formatCommission(value.providerCommission);
    return html`<div class="facts">
      ${
        row.consumerPower === undefined
          ? html`<span>Not in the set yet</span>`
          : html`<span><strong>${formatPower(row.consumerPower)}</strong> consumer power</span>
            <span><strong>${formatPercent(row.powerShare ?? 0, 2)}</strong> of the chain's power</span>`
      }
      <span
        >Commission <strong>${formatCommission(row.consumerCommission)}</strong>
        ${differs ? `(provider ${formatCommission(value.providerCommission)})` : '(same as provider)'}</span
      >
      <span>${row.keyAssigned ? 'Consumer key assigned' : 'No consumer key: uses the provider key'}</span>
    </div>`;
  }
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
