import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ChainContext, ReadOptions } from '../../src/index.js';
import { blocksUntilNextEpoch } from '../../src/queries.js';
import { checkConsumerKey } from '../../src/signing/index.js';
import type { IcsAction } from '../../src/signing/index.js';
import { clip } from '../../src/format/index.js';
import { IcsActingElement } from '../shared/acting-element.js';
import type { ActingStatus } from '../shared/acting-element.js';
import { checkChainAndOperator } from '../shared/operator-attributes.js';
import type { AttributeProblem } from '../shared/clients.js';
import { PHASE_LABEL } from '../shared/chain-text.js';
import { feeValue, focusConfirm, proposalRows, renderConfirmPanel } from '../shared/tx-views.js';
import { canOptOut, loadOptIn, standingOf } from './opt-in-button.load.js';
import type { OptInData, Standing } from './opt-in-button.load.js';
import { styles } from './opt-in-button.styles.js';

/** What the button shows now: a data state, a wallet step, where the validator stands, or a transaction step. */
export type OptInButtonStatus = ActingStatus | Standing;

export const OPT_IN_BUTTON_STATUSES: readonly OptInButtonStatus[] = [
  'loading',
  'error',
  'ics-absent',
  'invalid',
  'no-rpc',
  'no-wallet',
  'connect',
  'add-chain',
  'wrong-account',
  'wrong-phase',
  'must-validate',
  'active',
  'next-epoch',
  'opted-in',
  'opt-out-pending',
  'not-opted-in',
  'confirming',
  'pending',
  'confirmed',
  'failed',
];

const STANDING_LABEL: Record<Standing, string> = {
  'wrong-phase': 'Not possible now',
  'must-validate': 'Must validate',
  active: 'Active',
  'next-epoch': 'Opted in: active from next epoch',
  'opted-in': 'Opted in, not in the set',
  'opt-out-pending': 'Opt-out pending',
  'not-opted-in': 'Not opted in',
};

/** While a change waits for the epoch end, look at the countdown this often. */
const EPOCH_POLL_MS = 5_000;

/**
 * Opt a validator in to (or out of) one consumer chain. It reads where the validator stands
 * (not opted in, opted in and active from the next epoch, active, must validate under Top-N,
 * opt-out pending, a phase that allows nothing), finds a wallet (the host page's `wallet`, else
 * a Keplr-compatible extension), checks that the connected account is the validator's operator
 * account, and before the wallet opens shows the message in words: action, chain (name, consumer
 * id and chain id), validator, consumer key, fee. Then one signature request, a pending line
 * that cannot be clicked again, the transaction hash (linked through `explorer-tx`), and the
 * epoch countdown. Declining in the wallet returns to the start quietly.
 *
 * Signing code (cosmjs) is loaded on the first Confirm, never with the element.
 *
 * @summary Opt a validator in to or out of a consumer chain, with every refusal in words.
 * @tagname ics-opt-in-button
 *
 * @csspart standing - The badge saying where the validator stands.
 * @csspart explanation - The sentence under the badge.
 * @csspart button - Every button (Opt in, Opt out, Connect, Confirm, Cancel, Retry, Close).
 * @csspart action-button - The Opt in / Opt out button.
 * @csspart key-field - The optional consumer key field.
 *
 * @cssprop --ics-opt-in-button-min-height - Minimum height in every state (default 3rem), so a row does not jump.
 *
 * @cssstate error - Reading failed; a Retry button is shown.
 * @cssstate not-opted-in - Can opt in.
 * @cssstate next-epoch - Opted in; active from the next epoch.
 * @cssstate opted-in - Opted in; the chain's caps or lists leave it out of the set.
 * @cssstate active - In the chain's validator set.
 * @cssstate must-validate - Top-N: must validate, opt-out not allowed.
 * @cssstate opt-out-pending - Opted out; leaves the set at the epoch end.
 * @cssstate wrong-phase - The chain's phase allows no opt-in or opt-out.
 */
export class IcsOptInButton extends IcsActingElement<OptInData> {
  static override styles = [...IcsActingElement.styles, styles];

  @state() private consumerKey = '';
  @state() private epochBlocks: number | undefined;

  private epochTimer: ReturnType<typeof setInterval> | undefined;

  protected override txConfirmed(): void {
    this.epochBlocks = undefined;
    super.txConfirmed();
  }

  /** What the element shows now (also its custom state). */
  get status(): OptInButtonStatus {
    const shared = this.sharedStatus();
    if (shared) return shared;
    const data = this.data!;
    const standing = standingOf(data);
    if (!this.actionOf(data, standing)) return standing;
    return this.walletStep(data) ?? standing;
  }

  protected loadData(client: ChainContext, options: ReadOptions): Promise<OptInData> {
    return loadOptIn(client, this.consumerId!.trim(), this.validator!.trim(), options);
  }

  protected checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined {
    return checkChainAndOperator(this.consumerId, this.validator, client, (prefix) => `; "validator" takes the "${prefix}1…" address, whose account signs.`);
  }

  protected loadingMessage(): string {
    return 'Reading whether this validator is opted in…';
  }

  protected describe(value: OptInData): string {
    // The name as the screen shows it: neutralised and clipped.
    return `${STANDING_LABEL[standingOf(value)]} on ${clip(value.chain.metadata.name || value.chain.chainId, 40).text}.`;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState(this.status, OPT_IN_BUTTON_STATUSES);
    this.pollEpoch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  /**
   * While a change waits for the epoch end, follow the countdown; once it passes, read again.
   * Only on the page: an update landing after the element was removed (a reload in flight) starts nothing.
   */
  private pollEpoch(): void {
    const status = this.status;
    const waiting = status === 'next-epoch' || status === 'opt-out-pending';
    if (!waiting || !this.isConnected) return this.stopPolling();
    if (this.epochTimer !== undefined) return;
    this.epochTimer = setInterval(() => {
      const client = this.resolution.client;
      if (!client || this.tx.phase === 'pending') return;
      void blocksUntilNextEpoch(client, { fresh: true })
        .then((blocks) => {
          const before = this.epochBlocks ?? this.data?.blocksUntilEpoch;
          this.epochBlocks = blocks;
          // An epoch ended: the countdown went up, or sits at 0 on the epoch-end block itself.
          if (before !== undefined && (blocks > before || (blocks === 0 && before !== 0))) {
            this.epochBlocks = undefined;
            this.retry();
          }
        })
        .catch(() => undefined);
    }, EPOCH_POLL_MS);
  }

  private stopPolling(): void {
    if (this.epochTimer !== undefined) clearInterval(this.epochTimer);
    this.epochTimer = undefined;
  }

  // ---- actions ---------------------------------------------------------------------------------

  /** The transaction the button offers for this standing, if any. */
  private actionOf(data: OptInData, standing: Standing): IcsAction | undefined {
    const base = { consumerId: data.chain.consumerId, validator: data.identity.operatorAddress };
    if (standing === 'not-opted-in' || standing === 'opt-out-pending') return { ...base, type: 'opt-in', consumerKey: undefined };
    if (canOptOut(data, standing)) return { ...base, type: 'opt-out' };
    return undefined;
  }

  private propose(data: OptInData, action: IcsAction): void {
    this.consumerKey = '';
    if (this.proposeOn(data, action)) void this.updateComplete.then(() => focusConfirm(this.renderRoot as ShadowRoot));
  }

  private get keyProblem(): string | undefined {
    const text = this.consumerKey.trim();
    if (text === '') return undefined;
    const check = checkConsumerKey(text);
    return check.ok ? undefined : check.message;
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected renderSkeleton(): TemplateResult {
    return html`<div class="head skeletons" aria-hidden="true"><span class="skeleton" style="--_w: 7em"></span><span class="skeleton" style="--_w: 5em"></span></div>`;
  }

  protected renderBody(data: OptInData): TemplateResult {
    const standing = standingOf(data);
    return html`${this.renderHead(data, standing, this.actionOf(data, standing))} ${this.renderExplanation(data, standing)}`;
  }

  protected offersAction(data: OptInData): boolean {
    return this.actionOf(data, standingOf(data)) !== undefined;
  }

  protected override renderAfterConfirmed(data: OptInData): TemplateResult {
    return this.renderEpochNote(data);
  }

  private renderHead(data: OptInData, standing: Standing, action: IcsAction | undefined): TemplateResult {
    const ok = standing === 'active';
    const warn = standing === 'must-validate' || standing === 'opt-out-pending' || standing === 'wrong-phase';
    // Connected as the operator, with an RPC endpoint to send through.
    const ready = this.walletStep(data) === undefined;
    const label = action?.type === 'opt-out' ? 'Opt out' : standing === 'opt-out-pending' ? 'Opt in again' : 'Opt in';
    return html`<div class="head">
      <span class="badge ${ok ? 'ok' : warn ? 'warn' : ''}" part="standing">${STANDING_LABEL[standing]}</span>
      ${
        action && ready && (this.tx.phase === 'idle' || this.tx.phase === 'pending')
          ? html`<button type="button" class="primary" part="button action-button" ?disabled=${this.tx.phase === 'pending'}
            @click=${() => this.propose(data, action)}>${this.tx.phase === 'pending' ? 'Sending…' : label}</button>`
          : nothing
      }
    </div>`;
  }

  private blocks(data: OptInData): number {
    return this.epochBlocks ?? data.blocksUntilEpoch;
  }

  private renderExplanation(data: OptInData, standing: Standing): TemplateResult {
    const chain = `${clip(data.chain.metadata.name || data.chain.chainId, 40).text} (consumer ${data.chain.consumerId}, ${clip(data.chain.chainId, 48).text})`;
    const n = this.blocks(data);
    const inBlocks = `in ${n} ${n === 1 ? 'block' : 'blocks'}`;
    let text: string;
    switch (standing) {
      case 'wrong-phase':
        text = `${chain} is ${PHASE_LABEL[data.chain.phase].toLowerCase()}: validators can opt in only while a chain is registered, initialized or launched, and opt out only while it is launched.`;
        break;
      case 'must-validate': {
        const min = data.minPowerInTopN ?? 0n;
        text =
          `${chain} is a Top-N ${data.chain.powerShaping.topN}% chain and your power (${data.power}) is at least its threshold (${min}), so you must validate it` +
          (data.inSet ? '' : ` from the next epoch, ${inBlocks}`) +
          `. Opting out is not allowed while your power stays at or above the threshold.`;
        break;
      }
      case 'active':
        text =
          `You validate ${chain}.` +
          (data.chain.phase === 'launched' ? ' You may opt out; you would leave the set at the next epoch.' : ' Opting out is possible once it launches.');
        break;
      case 'next-epoch':
        text = `You opted in to ${chain}. You join its validator set at the next epoch, ${inBlocks}.`;
        break;
      case 'opted-in':
        text = `You opted in to ${chain}, but its set cap, allow or deny list, or minimum stake leave you out of the set for now.`;
        break;
      case 'opt-out-pending':
        text = `You opted out of ${chain}. You stay in its set until the next epoch, ${inBlocks}: keep your node running until then.`;
        break;
      case 'not-opted-in':
        text = `You are not opted in to ${chain}. Once opted in you join its validator set at the next epoch (${inBlocks}).`;
        break;
    }
    return html`<p class="explanation" part="explanation">${text}</p>`;
  }

  private renderEpochNote(data: OptInData): TemplateResult {
    const n = this.blocks(data);
    return html`<p>It takes effect at the next epoch, in ${n} ${n === 1 ? 'block' : 'blocks'}.</p>`;
  }

  /** The panel shows the proposal frozen when it opened, not the element's data now. */
  protected renderConfirm(): TemplateResult | typeof nothing {
    const proposal = this.tx.proposal;
    if (this.tx.phase !== 'confirming' || !proposal) return nothing;
    const action = proposal.action;
    const client = this.resolution.client;
    const optIn = action.type === 'opt-in';
    const key = this.consumerKey.trim();
    const problem = this.keyProblem;
    const rows = [
      { label: 'Action', value: optIn ? 'Opt in (MsgOptIn)' : 'Opt out (MsgOptOut)' },
      ...proposalRows(proposal.view),
      ...(optIn
        ? [{ label: 'Consumer key', value: key === '' ? 'None: the chain uses your provider consensus key' : html`<span class="mono">${key}</span>` }]
        : []),
      { label: 'Fee', value: feeValue(client, this.tx.wallet) },
    ];
    const field = optIn
      ? html`<label part="key-field"
            >Consumer key (optional)
            <textarea
              rows="2"
              spellcheck="false"
              placeholder='{"@type":"/cosmos.crypto.ed25519.PubKey","key":"…"}'
              aria-invalid=${problem ? 'true' : 'false'}
              aria-describedby="key-hint"
              .value=${this.consumerKey}
              @input=${(e: Event) => (this.consumerKey = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </label>
          <p id="key-hint" class=${problem ? 'error' : 'hint'}>
            ${
              problem ??
              'The output of "<daemon> comet show-validator" on the consumer node. Use a distinct key for each consumer chain: a key used on two chains ties their risks together.'
            }
          </p>`
      : nothing;
    return renderConfirmPanel(this.tx, {
      title: optIn ? 'Opt in: check before signing' : 'Opt out: check before signing',
      rows,
      confirmLabel: optIn ? 'Confirm opt-in' : 'Confirm opt-out',
      extra: field,
      disabled: problem !== undefined,
      action: () => (action.type === 'opt-in' ? { ...action, consumerKey: this.consumerKey.trim() || undefined } : action),
    });
  }
}
