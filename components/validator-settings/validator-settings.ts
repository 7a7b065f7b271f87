import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ChainContext, ReadOptions } from '../../src/index.js';
import { checkConsumerKey } from '../../src/signing/index.js';
import type { IcsAction } from '../../src/signing/index.js';
import { formatCommission } from '../../src/format/index.js';
import { IcsActingElement } from '../shared/acting-element.js';
import type { ActingStatus } from '../shared/acting-element.js';
import { checkChainAndOperator } from '../shared/operator-attributes.js';
import type { AttributeProblem } from '../shared/clients.js';
import { PHASE_LABEL, renderIds, renderName } from '../shared/chain-text.js';
import { isActivePhase } from '../../src/index.js';
import { feeValue, focusConfirm, proposalRows, renderConfirmPanel } from '../shared/tx-views.js';
import { loadSettings, percentToDecimal } from './validator-settings.load.js';
import type { SettingsData } from './validator-settings.load.js';
import { styles } from './validator-settings.styles.js';

/** What the element shows now: a data state, a wallet step, ready to change, or a transaction step. */
export type ValidatorSettingsStatus = ActingStatus | 'wrong-phase' | 'ready';

export const VALIDATOR_SETTINGS_STATUSES: readonly ValidatorSettingsStatus[] = [
  'loading',
  'error',
  'ics-absent',
  'invalid',
  'wrong-phase',
  'no-wallet',
  'connect',
  'add-chain',
  'wrong-account',
  'ready',
  'confirming',
  'pending',
  'confirmed',
  'failed',
];

/**
 * A validator's settings on one consumer chain: its consumer key (the consumer consensus address
 * of the key it assigned, or "provider key in use") and its commission there (beside its provider
 * commission and the provider's minimum), each changed through the same steps as the opt-in
 * button: a confirmation in words before the wallet opens (action, chain by name, consumer id and
 * chain id, validator, new value, fee), one signature, a pending line, the hash and the result.
 * Refusals (a key another validator uses, the own provider key, a rate below the minimum, a phase
 * that allows nothing) are said in words before anything is signed.
 *
 * One element for both settings, rather than two: they share the chain, the validator, the wallet
 * and the reads, and a validator sets them together when it joins a chain.
 *
 * @summary A validator's consumer key and commission on one consumer chain, and changing them.
 * @tagname ics-validator-settings
 *
 * @csspart header - The chain: name, consumer id, chain id.
 * @csspart setting - One setting (consumer key, commission) with its Change button.
 * @csspart name - The chain's name (inert text, clipped).
 * @csspart ids - The chain's consumer id and chain id.
 * @csspart key-field - The consumer key field.
 * @csspart rate-field - The commission field.
 * @csspart result - The transaction's result.
 *
 * @cssprop --ics-validator-settings-min-height - Minimum height in every state (default 12rem).
 *
 * @cssstate error - Reading failed; a Retry button is shown.
 * @cssstate wrong-phase - The chain is stopped or deleted: nothing can be set.
 * @cssstate ready - The Change buttons are there.
 */
export class IcsValidatorSettings extends IcsActingElement<SettingsData> {
  static override styles = [...IcsActingElement.styles, styles];

  @state() private keyText = '';
  @state() private rateText = '';

  /** What the element shows now (also its custom state). */
  get status(): ValidatorSettingsStatus {
    const shared = this.sharedStatus();
    if (shared) return shared;
    const data = this.data!;
    if (!isActivePhase(data.chain.phase)) return 'wrong-phase';
    return this.walletStep(data) ?? 'ready';
  }

  protected loadData(client: ChainContext, options: ReadOptions): Promise<SettingsData> {
    return loadSettings(client, this.consumerId!.trim(), this.validator!.trim(), options);
  }

  protected checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined {
    return checkChainAndOperator(this.consumerId, this.validator, client, (prefix) => ` ("${prefix}1…").`);
  }

  protected loadingMessage(): string {
    return 'Reading the consumer key and commission…';
  }

  protected describe(value: SettingsData): string {
    return `Consumer key: ${value.consumerAddress ? 'assigned' : 'provider key in use'}; commission ${formatCommission(value.consumerCommission)}.`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState(this.status, VALIDATOR_SETTINGS_STATUSES);
  }

  private propose(data: SettingsData, action: IcsAction): void {
    this.keyText = '';
    this.rateText = '';
    if (this.proposeOn(data, action)) void this.updateComplete.then(() => focusConfirm(this.renderRoot as ShadowRoot));
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected renderSkeleton(): TemplateResult {
    return html`<div aria-hidden="true" class="settings skeletons">
      <span class="skeleton" style="--_w: 14em"></span><span class="skeleton" style="--_w: 20em"></span><span class="skeleton" style="--_w: 16em"></span>
    </div>`;
  }

  protected renderBody(data: SettingsData): TemplateResult {
    return html`${this.renderTitle(data)} ${this.renderSettings(data)} ${this.renderPhaseNote(data)}`;
  }

  protected offersAction(data: SettingsData): boolean {
    return isActivePhase(data.chain.phase);
  }

  private renderTitle(data: SettingsData): TemplateResult {
    return html`<h3 class="title" part="header">${renderName(data.chain.metadata.name, 40)} ${renderIds(data.chain.consumerId, data.chain.chainId)}</h3>`;
  }

  private get canChange(): boolean {
    return this.status === 'ready';
  }

  private renderSettings(data: SettingsData): TemplateResult | typeof nothing {
    if (!isActivePhase(data.chain.phase)) return nothing;
    const base = { consumerId: data.chain.consumerId, validator: data.identity.operatorAddress };
    const change = (label: string, action: IcsAction) =>
      this.canChange ? html`<button type="button" class="secondary" part="button" @click=${() => this.propose(data, action)}>${label}</button>` : nothing;
    const differs = formatCommission(data.consumerCommission) !== formatCommission(data.providerCommission);
    return html`<div class="settings">
      <div class="setting" part="setting">
        <dl>
          <dt>Consumer key</dt>
          <dd>
            ${
              data.consumerAddress
                ? html`Assigned: <span class="mono">${data.consumerAddress}</span>`
                : html`Provider key in use: no consumer key assigned on this chain`
            }
          </dd>
        </dl>
        ${change('Change key', { ...base, type: 'assign-consumer-key', consumerKey: '' })}
      </div>
      <div class="setting" part="setting">
        <dl>
          <dt>Commission on this chain</dt>
          <dd>
            <strong>${formatCommission(data.consumerCommission)}</strong>
            <span class="muted">${differs ? `(provider ${formatCommission(data.providerCommission)})` : '(same as on the provider)'} · minimum
              ${formatCommission(data.minCommission)}</span>
          </dd>
        </dl>
        ${change('Change commission', { ...base, type: 'set-consumer-commission-rate', rate: '' })}
      </div>
    </div>`;
  }

  private renderPhaseNote(data: SettingsData): TemplateResult | typeof nothing {
    if (isActivePhase(data.chain.phase)) return nothing;
    return html`<p class="note warn">
      This chain is ${PHASE_LABEL[data.chain.phase].toLowerCase()}: a consumer key and commission can be set only on a chain that is registered,
      initialized or launched.
    </p>`;
  }

  protected override renderAfterConfirmed(data: SettingsData): TemplateResult {
    if (this.tx.action?.type === 'assign-consumer-key') {
      const n = data.blocksUntilEpoch;
      return html`<p>
        The new key takes effect at the next epoch, in ${n} ${n === 1 ? 'block' : 'blocks'}. Run the consumer node with it from then on; the
        old key stays reserved until it is pruned.
      </p>`;
    }
    return html`<p>The provider uses the new rate when it distributes this chain's rewards.</p>`;
  }

  /**
   * The panel shows the proposal frozen when it opened (chain, validator, action), not the
   * element's data now; `data` gives only the hint's minimum commission.
   */
  protected renderConfirm(data: SettingsData): TemplateResult | typeof nothing {
    const proposal = this.tx.proposal;
    if (this.tx.phase !== 'confirming' || !proposal) return nothing;
    const action = proposal.action;
    const common = proposalRows(proposal.view);
    const fee = { label: 'Fee', value: feeValue(this.resolution.client, this.tx.wallet) };
    if (action.type === 'assign-consumer-key') {
      const key = this.keyText.trim();
      const check = key === '' ? undefined : checkConsumerKey(key);
      const problem = check && !check.ok ? check.message : undefined;
      return renderConfirmPanel(this.tx, {
        title: 'Assign a consumer key: check before signing',
        rows: [
          { label: 'Action', value: 'Assign a consumer key (MsgAssignConsumerKey)' },
          ...common,
          { label: 'New consumer key', value: key === '' ? 'Paste it below' : html`<span class="mono">${key}</span>` },
          fee,
        ],
        confirmLabel: 'Confirm key',
        disabled: key === '' || problem !== undefined,
        extra: html`<label part="key-field"
            >Consumer key
            <textarea rows="2" spellcheck="false" required placeholder='{"@type":"/cosmos.crypto.ed25519.PubKey","key":"…"}'
              aria-invalid=${problem ? 'true' : 'false'} aria-describedby="key-hint" .value=${this.keyText}
              @input=${(e: Event) => (this.keyText = (e.target as HTMLTextAreaElement).value)}></textarea>
          </label>
          <p id="key-hint" class=${problem ? 'error' : 'hint'}>
            ${
              problem ??
              'The output of "<daemon> comet show-validator" on the consumer node. Use a distinct key for each consumer chain, and never your provider key.'
            }
          </p>`,
        action: () => ({ ...action, consumerKey: key }),
      });
    }
    if (action.type === 'set-consumer-commission-rate') {
      const text = this.rateText.trim();
      const rate = text === '' ? undefined : percentToDecimal(text);
      const problem = text !== '' && rate === undefined ? 'Write the rate in percent, a number from 0 to 100, such as 7.5.' : undefined;
      return renderConfirmPanel(this.tx, {
        title: 'Set the commission: check before signing',
        rows: [
          { label: 'Action', value: 'Set the commission on this chain (MsgSetConsumerCommissionRate)' },
          ...common,
          { label: 'New commission', value: rate === undefined ? 'Type it below' : html`${formatCommission(rate)} <span class="mono">(${rate})</span>` },
          fee,
        ],
        confirmLabel: 'Confirm commission',
        disabled: rate === undefined,
        extra: html`<label part="rate-field"
            >Commission in percent
            <input type="text" inputmode="decimal" required autocomplete="off" aria-invalid=${problem ? 'true' : 'false'} aria-describedby="rate-hint"
              .value=${this.rateText} @input=${(e: Event) => (this.rateText = (e.target as HTMLInputElement).value)} />
          </label>
          <p id="rate-hint" class=${problem ? 'error' : 'hint'}>
            ${problem ?? `At least the provider's minimum, ${formatCommission(data.minCommission)}, and at most 100%.`}
          </p>`,
        action: () => ({ ...action, rate: rate ?? '' }),
      });
    }
    return nothing;
  }
}
