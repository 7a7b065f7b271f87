/**
 * A validator-chains row's figures as the reader sees them: placeholders while the chain is read
 * (with words for screen readers, and `aria-busy` on the row's facts, set by the element), the
 * validator's power, share, commission and key there, or why they could not be read.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatCommission, formatPercent, formatPower, neutralise } from '../../src/format/index.js';
import type { ValidatorChainRow } from './validator-chains.load.js';

/** Bars the size of the figures, and the words a screen reader says instead. */
const PENDING = html`<span class="visually-hidden">Figures loading</span><span class="skeleton" aria-hidden="true" style="--_w: 9em"></span
  ><span class="skeleton" aria-hidden="true" style="--_w: 12em"></span>`;

/** A chain's figures; `undefined`: still being read; `absent`: the validator is not part of it (such a chain has no row). */
export function renderFigures(read: ValidatorChainRow | 'absent' | Error | undefined, providerCommission: string): TemplateResult | typeof nothing {
  if (read === undefined) return PENDING;
  if (read === 'absent') return nothing;
  if (read instanceof Error) return html`<span class="unread">This chain could not be read: ${neutralise(read.message)}</span>`;
  const differs = formatCommission(read.consumerCommission) !== formatCommission(providerCommission);
  return html`${
    read.consumerPower === undefined
      ? html`<span>Not in the set yet</span>`
      : html`<span><strong>${formatPower(read.consumerPower)}</strong> consumer power</span>
          <span><strong>${formatPercent(read.powerShare ?? 0, 2)}</strong> of the chain's power</span>`
  }
    <span
      >Commission <strong>${formatCommission(read.consumerCommission)}</strong>
      ${differs ? `(provider ${formatCommission(providerCommission)})` : '(same as provider)'}</span
    >
    <span>${read.keyAssigned ? 'Consumer key assigned' : 'No consumer key: uses the provider key'}</span>`;
}
