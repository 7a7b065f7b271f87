/**
 * The base of the elements that sign for a validator on one consumer chain (`<ics-opt-in-button>`,
 * `<ics-validator-settings>`): the attributes they share, the transaction controller, the wallet
 * steps of their status, and keeping the last data on screen while a reload for the same chain and
 * validator runs (after a transaction, or the epoch passing), so the result and focus stay put.
 */
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LoadStatus } from './load-task.js';
import type { ConsumerChainDetails, ValidatorIdentity } from '../../src/index.js';
import type { ChainInfoInput, IcsAction, Wallet } from '../../src/signing/index.js';
import { IcsDataElement } from './data-element.js';
import { isForChainAndOperator } from './operator-attributes.js';
import { TxController } from './tx-controller.js';
import type { TxPhase } from './tx-controller.js';
import { renderTxNotice, renderTxPending, renderTxResult, renderWallet, txLiveText } from './tx-views.js';
import { txStyles } from './tx-styles.js';

/** What an acting element loads: at least the chain and the validator it acts for. */
export interface ActingData {
  chain: ConsumerChainDetails;
  identity: ValidatorIdentity;
}

/** The status both acting elements share: a data state, a wallet step, or a transaction step. */
export type ActingStatus =
  'loading' | 'error' | 'ics-absent' | 'invalid' | 'no-rpc' | 'no-wallet' | 'connect' | 'add-chain' | 'wrong-account' | Exclude<TxPhase, 'idle'>;

/**
 * The base of the elements that sign for a validator. The wallet and transaction parts, states
 * and events below are every such element's (documented once here, inherited by each in
 * `custom-elements.json`, with those of `IcsDataElement`).
 *
 * @fires {IcsTxSignedEvent} ics-tx-signed - The wallet signed; the transaction is being sent. `detail: {action, consumerId, validator, hash, mode}`.
 * @fires {IcsTxConfirmedEvent} ics-tx-confirmed - In a block and executed. `detail: {action, consumerId, validator, hash, height, code, message}`.
 * @fires {IcsTxFailedEvent} ics-tx-failed - Refused before signing, or failed on the chain. `detail: {action, consumerId, validator, hash, code, abciCode, codespace, message}`.
 *
 * @csspart button - Every button.
 * @csspart message - The message shown for error, ICS-absent and bad-attribute states.
 * @csspart wallet - The wallet line (none found, connect, wrong account).
 * @csspart connect-button - The Connect button.
 * @csspart add-chain-button - "Add <chain> to <wallet>", when the wallet does not know the provider chain.
 * @csspart confirm - The confirmation panel.
 * @csspart confirm-button - Confirm on the confirmation panel.
 * @csspart status - The pending line.
 * @csspart result - The transaction's result: hash, link, or the refusal.
 * @csspart notice - Why an open confirmation closed without signing (the chain, validator, account, endpoint or wallet changed).
 * @csspart link - Links (explorer, wallets).
 *
 * @cssstate complete - Read; one of the states below says more.
 * @cssstate no-rpc - No RPC endpoint: reads work, nothing can be sent; says to set `rpc`.
 * @cssstate no-wallet - No wallet: how to get one.
 * @cssstate connect - A wallet is there, not connected.
 * @cssstate add-chain - The wallet does not know the provider chain: "Add <chain> to <wallet>" suggests it (after the click only).
 * @cssstate wrong-account - The connected account is not the validator's operator account.
 * @cssstate confirming - The confirmation panel is open.
 * @cssstate pending - The transaction is in flight; nothing can be clicked.
 * @cssstate confirmed - The transaction is in a block.
 * @cssstate failed - Refused or failed; the reason is shown.
 */
export abstract class IcsActingElement<T extends ActingData> extends IcsDataElement<T> {
  static override styles = [...IcsDataElement.styles, txStyles];
  static override shadowRootOptions: ShadowRootInit = { ...IcsDataElement.shadowRootOptions, delegatesFocus: true };

  /** The consumer chain (its consumer id, e.g. "4"). */
  @property({ attribute: 'consumer-id' }) consumerId?: string;

  /** The validator: its operator address (`cosmosvaloper1…`). */
  @property() validator?: string;

  /**
   * An explorer URL for a transaction, with `{hash}` where the hash goes, e.g.
   * `https://explorer.example/tx/{hash}`. Only `https:` URLs are linked.
   */
  @property({ attribute: 'explorer-tx' }) explorerTx?: string;

  /**
   * A wallet the page already has (e.g. `hostWallet({signer, address})` from cosmos-kit or
   * interchain-kit). Unset: a Keplr-compatible extension is detected.
   */
  @property({ attribute: false }) wallet?: Wallet;

  protected readonly tx = new TxController(this, {
    client: () => this.resolution.client,
    subject: () => ({
      consumerId: this.consumerId,
      validator: this.validator,
      rest: this.rest,
      rpc: this.rpc,
      chainId: this.chainId,
      client: this.resolution.client,
    }),
    hostWallet: () => this.wallet,
    onConfirmed: () => this.txConfirmed(),
    // A Keplr ChainInfo given as `chain-info` / `chainInfo` is suggested as given (field by field).
    chainInfo: () => (typeof this.chainInfo === 'object' ? (this.chainInfo as ChainInfoInput) : undefined),
  });

  /**
   * The data read before the last confirmed transaction, while the read after it runs: it may say
   * the opposite of the result (e.g. "Not opted in" beside "Done"), so it is not shown as current.
   */
  private readBeforeTx: T | undefined;

  /** A transaction was included: read again. */
  protected txConfirmed(): void {
    this.readBeforeTx = this.data;
    this.retry();
  }

  /** The data on screen predates the last confirmed transaction; the read after it runs. */
  protected get outdated(): boolean {
    const data = this.refreshing;
    return data !== undefined && data === this.readBeforeTx;
  }

  protected get data(): T | undefined {
    const loaded = this.task.value;
    return loaded?.kind === 'data' ? loaded.value : undefined;
  }

  /** The last load's data while a reload for the same chain and validator runs; shown instead of a skeleton. */
  protected get refreshing(): T | undefined {
    const data = this.data;
    if (this.task.status !== LoadStatus.PENDING || this.problem || !data) return undefined;
    return isForChainAndOperator(data, this.consumerId, this.validator) ? data : undefined;
  }

  /**
   * The status before the element's own: the data state while there is no data to show, or the
   * transaction step while one runs; undefined when `data` is on screen and nothing is signing.
   */
  protected sharedStatus(): ActingStatus | undefined {
    const view = this.refreshing ? 'complete' : this.viewState;
    if (view !== 'complete') return view === 'empty' ? 'loading' : view;
    if (this.tx.phase !== 'idle') return this.tx.phase;
    return this.data && !this.outdated ? undefined : 'loading';
  }

  /**
   * The step before the validator can act: no RPC endpoint to send through (said before any
   * wallet or Confirm), then the wallet's; undefined when its operator account is connected.
   */
  protected walletStep(data: T): 'no-rpc' | 'no-wallet' | 'connect' | 'add-chain' | 'wrong-account' | undefined {
    if (!this.resolution.client?.config.rpc.length) return 'no-rpc';
    switch (this.tx.walletState) {
      case 'none':
        return 'no-wallet';
      case 'unknown-chain':
        return 'add-chain';
      case 'detecting':
      case 'ready':
      case 'connecting':
        return 'connect';
      case 'connected':
        return this.tx.signerProblem(data.identity.operatorAddress) ? 'wrong-account' : undefined;
    }
  }

  /** The words for `walletStep`: what to configure when there is no RPC endpoint, else the wallet's. */
  protected renderWalletStep(data: T): TemplateResult | typeof nothing {
    if (this.walletStep(data) !== 'no-rpc') return renderWallet(this.tx, data.identity.operatorAddress);
    return html`<p class="wallet warn" part="wallet">
      Reading works, but nothing can be sent: no RPC endpoint is set. Add <code>rpc</code> (the provider's CometBFT RPC URL,
      e.g. <code>rpc="https://rpc.example.com"</code>) to this element or to its <code>&lt;ics-provider-chain&gt;</code>.
    </p>`;
  }

  // ---- rendering: the frame and the order of the parts are shared; each element fills in its hooks ----

  /** What the element says about the validator on the chain (standing, settings), with its own buttons. */
  protected abstract renderBody(data: T): TemplateResult;

  /** There is a transaction to offer on `data`: the wallet step shows while nothing is signing. */
  protected abstract offersAction(data: T): boolean;

  /** The confirmation panel of the open proposal (see `renderConfirmPanel`), or nothing. */
  protected abstract renderConfirm(data: T): TemplateResult | typeof nothing;

  /** What follows a confirmed transaction's result (when it takes effect). */
  protected renderAfterConfirmed(_data: T): TemplateResult | typeof nothing {
    return nothing;
  }

  protected override render(): TemplateResult {
    const busy = this.tx.phase === 'pending' || this.outdated;
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : 'false'}>${renderTxNotice(this.tx)}${this.renderState()}</div>
      ${this.renderLive()}
      <div class="visually-hidden" role="status" aria-live="polite">${txLiveText(this.tx)}</div>`;
  }

  protected renderData(data: T): TemplateResult {
    const outdated = this.outdated;
    return html`${outdated ? renderUpdating(this.renderBody(data)) : this.renderBody(data)}
    ${this.tx.phase === 'idle' && !outdated && this.offersAction(data) ? this.renderWalletStep(data) : nothing}
    ${this.renderConfirm(data)} ${renderTxPending(this.tx)} ${renderTxResult(this.tx, this.explorerTx, this.renderAfterConfirmed(data))}`;
  }

  protected override renderState(): TemplateResult {
    const data = this.refreshing;
    return data ? this.renderLoaded(data) : super.renderState();
  }

  protected dataKey(): readonly unknown[] {
    return [this.consumerId?.trim(), this.validator?.trim()];
  }

  /** Never empty: a validator always stands somewhere on a chain. */
  protected isEmpty(): boolean {
    return false;
  }

  protected emptyMessage(): string {
    return '';
  }

  /**
   * Opens the confirmation panel for `action` on `data`, frozen as the panel will show it. Only
   * for data that belongs to the attributes now (a click that lands after a page script changed
   * `consumer-id` or `validator`, before the element re-rendered, opens nothing).
   */
  protected proposeOn(data: T, action: IcsAction): boolean {
    if (this.resolution.client === undefined || !isForChainAndOperator(data, this.consumerId, this.validator)) return false;
    if (action.consumerId !== data.chain.consumerId || action.validator !== data.identity.operatorAddress) return false;
    return this.tx.propose(action, {
      chainName: data.chain.metadata.name,
      consumerId: data.chain.consumerId,
      chainId: data.chain.chainId,
      moniker: data.identity.moniker,
      operatorAddress: data.identity.operatorAddress,
      accountAddress: data.identity.accountAddress,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('wallet')) this.tx.walletChanged();
    // A page script changed the chain, validator or endpoint: an open proposal closes, in words.
    this.tx.checkSubject();
  }
}

/**
 * The body read before a confirmed transaction, while the read after it runs: kept in the layout
 * (so the result below does not move twice) but hidden and inert (its buttons cannot be reached), under "Updating".
 */
function renderUpdating(body: TemplateResult): TemplateResult {
  return html`<div class="updating">
    <p class="updating-words muted">Updating: reading the chain again after the transaction…</p>
    <div class="outdated" inert>${body}</div>
  </div>`;
}
