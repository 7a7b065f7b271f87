/**
 * What the transaction controller (`tx-controller.ts`) looks like, as render helpers the acting
 * elements call: the wallet prompts, the confirmation panel and its rows, the pending line, the
 * result and the notice of a proposal closed without signing. They read the controller's state
 * and call its steps (connect, add the chain, confirm, dismiss); they hold no state.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { IcsAction, Wallet } from '../../src/signing/index.js';
import type { ChainContext } from '../../src/index.js';
import { clip, neutralise, safeHttpsUrl } from '../../src/format/index.js';
import type { TxStage } from '../../src/signing/index.js';
import type { ProposalView, TxController } from './tx-controller.js';

/** What each stage of a transaction in flight is, in words (the pending line and the live region). */
export const STAGE_WORDS: Record<TxStage, string> = {
  checking: 'Checking with the chain…',
  connecting: 'Connecting to the wallet…',
  loading: 'Loading the signing code…',
  simulating: 'Estimating the gas…',
  signing: 'Waiting for your signature in the wallet…',
  broadcasting: 'Signed. Sending the transaction…',
  including: 'Sent. Waiting for it to be in a block…',
};

/** What the live region says about the transaction now, neutralised as the screen's text is. */
export function txLiveText(tx: TxController): string {
  return neutralise(liveWords(tx));
}

function liveWords(tx: TxController): string {
  switch (tx.phase) {
    case 'confirming':
      return 'Check the transaction below, then confirm to open your wallet.';
    case 'pending':
      return tx.stage ? STAGE_WORDS[tx.stage] : '';
    case 'confirmed':
      return 'The transaction is in a block.';
    case 'failed':
      return tx.result && tx.result.status !== 'confirmed' ? tx.result.message : '';
    default:
      return tx.notice;
  }
}

/**
 * When the element's chain or validator changed after the signature (too late to stop it), the
 * result names what it was for: the frozen proposal, not what the element shows now.
 */
function renderResultSubject(tx: TxController): TemplateResult | typeof nothing {
  const proposal = tx.proposal;
  if (!proposal || !tx.resultElsewhere()) return nothing;
  const { view } = proposal;
  return html`<p class="warn">This was for ${chainValue(view.chainName, view.consumerId, view.chainId)}, validator
      <span class="mono">${view.operatorAddress}</span>, not what is shown now.</p>`;
}

/** Why the last proposal closed without signing, until the next one. */
export function renderTxNotice(tx: TxController): TemplateResult | typeof nothing {
  if (!tx.notice || tx.phase !== 'idle') return nothing;
  return html`<p class="tx notice warn" part="notice">${neutralise(tx.notice)}</p>`;
}

/** The pending line: what is happening now; the element's controls are disabled meanwhile. */
export function renderTxPending(tx: TxController): TemplateResult | typeof nothing {
  if (tx.phase !== 'pending') return nothing;
  return html`<p class="tx pending" part="status"><span class="spinner" aria-hidden="true"></span>${tx.stage ? STAGE_WORDS[tx.stage] : ''}</p>`;
}

/** The end of a transaction: its hash (linked through `explorerTx` when given), or the refusal; `after` follows a confirmed one. */
export function renderTxResult(
  tx: TxController,
  explorerTx: string | undefined,
  after: TemplateResult | typeof nothing = nothing,
): TemplateResult | typeof nothing {
  const result = tx.result;
  if (!result || (tx.phase !== 'confirmed' && tx.phase !== 'failed')) return nothing;
  const hash = result.status === 'refused' ? undefined : result.txHash;
  const ok = result.status === 'confirmed';
  return html`<div class="tx result ${ok ? 'ok' : 'bad'}" part="result">
      <p>${ok ? html`<strong>Done.</strong> The transaction is in block ${result.height}.` : neutralise(result.message)}</p>
      ${renderResultSubject(tx)}
      ${hash ? html`<p class="hash">Transaction ${renderHash(hash, explorerTx)}</p>` : nothing} ${ok ? after : nothing}
      <button type="button" class="secondary" part="button" @click=${() => tx.dismiss()}>${ok ? 'Close' : 'Back'}</button>
    </div>`;
}

/** Moves focus to the panel's first field, else its Confirm button (after the panel rendered). */
export function focusConfirm(root: ShadowRoot | null): void {
  const target = root?.querySelector<HTMLElement>('.confirm textarea, .confirm input, .confirm button.primary');
  target?.focus();
}

/** The hash in monospace, as a link when the page gave an `https:` explorer template. */
export function renderHash(hash: string, template: string | undefined): TemplateResult {
  const url = explorerUrl(template, hash);
  const text = html`<span class="mono">${hash}</span>`;
  return url ? html`<a href=${url} target="_blank" rel="noopener noreferrer" part="link">${text}</a>` : text;
}

/** `template` with `{hash}` replaced, when the result is an `https:` URL; otherwise undefined. */
export function explorerUrl(template: string | undefined, hash: string): string | undefined {
  if (!template || !template.includes('{hash}')) return undefined;
  return safeHttpsUrl(template.replaceAll('{hash}', encodeURIComponent(hash)));
}

/** One line of the confirmation panel. */
export interface ConfirmRow {
  label: string;
  value: TemplateResult | string;
}

/**
 * The panel shown before the wallet opens: the message in words, with Confirm and Cancel. The
 * element moves focus into it (see `focusConfirm`), so a keyboard user continues there.
 */
export interface ConfirmPanel {
  title: string;
  rows: readonly ConfirmRow[];
  confirmLabel: string;
  /** Fields of the panel (an optional consumer key), between the rows and the buttons. */
  extra?: TemplateResult | typeof nothing;
  /** A field is invalid: Confirm waits. */
  disabled?: boolean;
  /** The action as the fields say now; default: the proposed one. */
  action?: () => IcsAction;
}

export function renderConfirmPanel(controller: TxController, panel: ConfirmPanel): TemplateResult | typeof nothing {
  if (controller.phase !== 'confirming') return nothing;
  const { title, rows, confirmLabel, extra = nothing, disabled = false, action } = panel;
  const walletName = controller.wallet?.label ?? 'your wallet';
  // A Ledger signs amino JSON, which no chain has been seen to accept for these messages yet (ics-protocol.md §4.9).
  const ledger = controller.account?.isLedger
    ? html`<p class="warn">This is a Ledger account: it signs amino JSON, which is experimental for these messages. Direct signing is the proven path.</p>`
    : nothing;
  return html`<section class="confirm" part="confirm" aria-label=${title}>
    <h3 class="confirm-title">${title}</h3>
    <dl>
      ${rows.map((row) => html`<div class="confirm-row"><dt>${row.label}</dt><dd>${row.value}</dd></div>`)}
    </dl>
    ${extra} ${ledger}
    <p class="muted">Confirm opens ${walletName}, which asks for one signature. Nothing is sent until you sign there.</p>
    <div class="actions">
      <button type="button" part="button confirm-button" class="primary" ?disabled=${disabled}
        @click=${() => void controller.confirm(action?.())}>${confirmLabel}</button>
      <button type="button" part="button" class="secondary" @click=${() => controller.dismiss()}>Cancel</button>
    </div>
  </section>`;
}

/** "Neutron · #0 · neutron-1": a name is untrusted, so its two ids always go with it. */
export function chainValue(name: string, consumerId: string, chainId: string): TemplateResult {
  const shown = clip(name === '' ? '(no name)' : name, 40);
  const chain = clip(chainId, 48);
  return html`<span class="clip" title=${shown.full}>${shown.text}</span> · consumer <span class="mono">#${consumerId}</span> · chain id
    <span class="mono">${chain.text}</span>`;
}

/** The rows every panel has, from the frozen proposal: chain, validator, signer. */
export function proposalRows(view: ProposalView): ConfirmRow[] {
  return [
    { label: 'Chain', value: chainValue(view.chainName, view.consumerId, view.chainId) },
    { label: 'Validator', value: html`${clip(view.moniker || '(no moniker)', 40).text} · <span class="mono">${view.operatorAddress}</span>` },
    { label: 'Signed by', value: html`<span class="mono">${view.accountAddress}</span> (the operator account)` },
  ];
}

/** The fee line: the fee is computed from a simulation after Confirm, so say how, and who pays. */
export function feeValue(client: ChainContext | undefined, wallet: Wallet | undefined): string {
  const price = client?.config.gasPrice ?? '';
  return (
    `Paid by the operator account: the gas a simulation measures (plus 40%) at ${price}. ` +
    `${wallet?.label ?? 'Your wallet'} shows the exact amount before you sign.`
  );
}

/** Words for the wallet part of an element: none installed, connect, wrong account. */
export function renderWallet(controller: TxController, validator: string): TemplateResult | typeof nothing {
  switch (controller.walletState) {
    case 'detecting':
      return html`<p class="wallet muted" part="wallet">Looking for a wallet…</p>`;
    case 'none':
      return html`<p class="wallet" part="wallet">
        No Cosmos wallet found in this browser. To sign as the validator, install
        <a href="https://www.keplr.app/" target="_blank" rel="noopener noreferrer" part="link">Keplr</a> or
        <a href="https://www.leapwallet.io/" target="_blank" rel="noopener noreferrer" part="link">Leap</a>, import the validator's operator
        key, and reload this page.
      </p>`;
    case 'ready':
    case 'connecting':
      return html`<div class="wallet" part="wallet">
        <button type="button" part="button connect-button" class="primary" ?disabled=${controller.walletState === 'connecting'}
          @click=${() => void controller.connect()}>${controller.walletState === 'connecting' ? 'Connecting…' : `Connect ${controller.wallet?.label ?? 'wallet'}`}</button>
        ${controller.walletMessage ? html`<p class="error">${controller.walletMessage}</p>` : nothing}
      </div>`;
    case 'unknown-chain':
      return html`<div class="wallet" part="wallet">
        <p>${controller.wallet?.label ?? 'Your wallet'} does not know ${controller.chainName} yet. Add it to connect:
          ${controller.wallet?.label ?? 'the wallet'} shows what is added and asks you to approve.</p>
        <button type="button" part="button add-chain-button" class="primary"
          @click=${() => void controller.addChain()}>Add ${controller.chainName} to ${controller.wallet?.label ?? 'wallet'}</button>
        ${controller.walletMessage ? html`<p class="muted">${controller.walletMessage}</p>` : nothing}
      </div>`;
    case 'connected': {
      const problem = controller.signerProblem(validator);
      if (!problem) return nothing;
      return html`<p class="wallet warn" part="wallet">
        ${problem} The provider accepts these messages only from the account that shares the operator address's bytes.
      </p>`;
    }
  }
}
