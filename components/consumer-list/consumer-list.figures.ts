/**
 * A consumer-list row's figures as the reader sees them: placeholders while they are read (with
 * words for screen readers, and `aria-busy` on the row's facts, set by the element), the figures,
 * or why they could not be read; and the placeholder of a whole row.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConsumerChain } from '../../src/index.js';
import { formatPercent, neutralise } from '../../src/format/index.js';
import type { RowFigures } from './consumer-list.load.js';

/** Bars the size of the figures, and the words a screen reader says instead. */
const PENDING = html`<span class="visually-hidden">Figures loading</span><span class="skeleton" aria-hidden="true" style="--_w: 7em"></span
  ><span class="skeleton" aria-hidden="true" style="--_w: 10em"></span>`;

/** Validators and stake share (or that there is no set), opted in when the set is empty; `undefined`: still being read. */
export function renderFigures(chain: ConsumerChain, figures: RowFigures | Error | undefined): TemplateResult | typeof nothing {
  if (figures === undefined) return PENDING;
  if (figures instanceof Error) return html`<span class="unread">Figures could not be read: ${neutralise(figures.message)}</span>`;
  return html`${
    figures.validators === undefined
      ? html`<span>No validator set (${chain.phase})</span>`
      : html`<span><strong>${figures.validators}</strong> ${figures.validators === 1 ? 'validator' : 'validators'}</span>
          <span><strong>${formatPercent(figures.stakeShare ?? 0)}</strong> of provider stake</span>`
  }
  ${figures.validators === 0 && figures.optedIn !== undefined ? html`<span>${figures.optedIn} opted in</span>` : nothing}`;
}

/** A row's placeholder: while the list loads, and at the foot while rows are held back. */
export function skeletonRow(i: number): TemplateResult {
  return html`<div class="row skeleton-row">
    <div class="title"><span class="skeleton" style="--_w: ${9 + (i % 3) * 3}em"></span><span class="skeleton" style="--_w: 8em"></span></div>
    <div class="badges"><span class="skeleton" style="--_w: 4.5em"></span></div>
    <div class="facts"><span class="skeleton" style="--_w: 7em"></span><span class="skeleton" style="--_w: 10em"></span></div>
  </div>`;
}
