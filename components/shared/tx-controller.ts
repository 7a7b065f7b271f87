/**
 * The confirm / sign / pending / result state machine the acting elements share
 * (`<ics-opt-in-button>`, `<ics-validator-settings>`): finds the wallet (the host's, else a
 * Keplr-compatible extension), connects it, follows account switches, freezes the proposal the
 * confirmation panel shows, runs one `TxFlow` transaction at a time and fires the `ics-tx-*`
 * events. What it looks like is in `tx-views.ts` (the panel, wallet prompts, pending line,
 * result) and `tx-styles.ts`.
 *
 * Neither the flow nor cosmjs is loaded with the element: the flow's module is fetched when a
 * confirmation panel opens (`signing-on-demand.ts`), and `TxFlow` loads cosmjs when a transaction starts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkSigner, detectWallet, frozenAction, isUnknownChainError, readableChainName } from '../../src/signing/index.js';
import type { IcsAction, TxResult, TxStage, Wallet, WalletAccount } from '../../src/signing/index.js';
import { errorMessage } from '../../src/index.js';
import { chainId as readChainId } from '../../src/queries.js';
import { clip } from '../../src/format/index.js';
import { FlowKeeper, flowLoadFailure, prefetchChainSuggestion, prefetchFlow, suggestProviderChain } from './signing-on-demand.js';
import { IcsTxConfirmedEvent, IcsTxFailedEvent, IcsTxSignedEvent } from './events.js';
import { CONNECTED_EVENT, connectedNotes } from './wallet-connections.js';
import { focusKeeper } from './focus-keeper.js';
import type { ConnectedNote } from './wallet-connections.js';
import type { Proposal, ProposalView, TxControllerOptions, TxPhase, WalletState } from './tx-types.js';

export type { Proposal, ProposalView, TxControllerOptions, TxPhase, TxSubject, WalletState } from './tx-types.js';

export class TxController implements ReactiveController {
  walletState: WalletState = 'detecting';
  wallet: Wallet | undefined;
  account: WalletAccount | undefined;
  phase: TxPhase = 'idle';
  stage: TxStage | undefined;
  /** The action on the confirmation panel or in flight. */
  action: IcsAction | undefined;
  /** The proposal on the confirmation panel or in flight, frozen when the panel opened. */
  proposal: Proposal | undefined;
  /**
   * Why an open proposal was closed without signing (the chain, validator, account, endpoint or
   * wallet changed), shown and announced until the next proposal.
   */
  notice = '';
  /** How the last transaction ended (confirmed, refused or failed); cleared by `dismiss()`. */
  result: Exclude<TxResult, { status: 'cancelled' }> | undefined;
  /** A wallet problem in words (it could not connect), shown beside the wallet controls. */
  walletMessage = '';

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: TxControllerOptions;
  private unsubscribe: (() => void) | undefined;
  /** The flows Confirm runs; each stage re-renders, and the broadcast fires `ics-tx-signed`. */
  private readonly flows = new FlowKeeper((stage, detail) => {
    if (this.phase !== 'pending') return;
    this.stage = stage;
    if (stage === 'broadcasting' && this.action) {
      const { type, consumerId, validator } = this.action;
      // The flow's stage detail says how the wallet signed (direct or amino).
      this.host.dispatchEvent(new IcsTxSignedEvent({ action: type, consumerId, validator, hash: detail?.txHash, mode: detail?.mode }));
    }
    this.host.requestUpdate();
  });
  private generation = 0;
  /** Stops the transaction in flight (before its signature, or before sending it). */
  private stopper: AbortController | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: TxControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener(CONNECTED_EVENT, this.onPeerConnected);
    void this.findWallet();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener(CONNECTED_EVENT, this.onPeerConnected);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The host's `wallet` property changed: use it (or detect again when it was removed). */
  walletChanged(): void {
    this.stop('The wallet changed; nothing was signed.');
    if (this.host.isConnected) void this.findWallet();
  }

  /**
   * What changed since the proposal was frozen, in words, or undefined when nothing did. Reads the
   * attributes themselves, so a change not yet rendered counts too.
   */
  private difference(proposal: Proposal): string | undefined {
    const now = this.options.subject();
    const then = proposal.subject;
    if (this.wallet !== proposal.wallet) return 'The wallet changed; nothing was signed.';
    if (this.account?.address !== proposal.account) return "The wallet's account changed; nothing was signed.";
    if (now.consumerId !== then.consumerId) {
      return `The chain changed (consumer #${clip(then.consumerId ?? '', 24).text} to ${clip(now.consumerId ?? '(none)', 24).text}); nothing was signed.`;
    }
    if (now.validator !== then.validator) return 'The validator changed; nothing was signed.';
    if (now.rest !== then.rest || now.rpc !== then.rpc || now.chainId !== then.chainId || now.client !== then.client) {
      return 'The provider endpoint or chain id changed; nothing was signed.';
    }
    return undefined;
  }

  /**
   * The element's subject may have changed (called on every update): an open proposal for another
   * subject is closed in words; one in flight is stopped before its signature.
   */
  checkSubject(): void {
    const proposal = this.proposal;
    if (!proposal || (this.phase !== 'confirming' && this.phase !== 'pending')) return;
    const changed = this.difference(proposal);
    if (changed) this.stop(changed);
  }

  /** Closes the open proposal, or stops the one in flight, saying why; nothing is signed. */
  private stop(notice: string): void {
    if (this.phase === 'confirming') {
      this.phase = 'idle';
      this.notice = notice;
      this.host.requestUpdate();
    } else if (this.phase === 'pending' && this.stopper && !this.stopper.signal.aborted) {
      // The flow ends with a 'changed' refusal carrying this notice (see `confirm`).
      this.stopper.abort(notice);
    }
  }

  /** The wallet's account is the validator's operator account (the only one that may sign). */
  signerProblem(validator: string): string | undefined {
    const client = this.options.client();
    if (!client || !this.account) return undefined;
    const check = checkSigner(validator, this.account.address, client.config.prefixes);
    return check.ok ? undefined : check.message;
  }

  private async findWallet(): Promise<void> {
    const generation = ++this.generation;
    this.stop('The wallet changed; nothing was signed.');
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.account = undefined;
    this.walletMessage = '';
    const given = this.options.hostWallet();
    this.walletState = 'detecting';
    this.host.requestUpdate();
    const wallet = given ?? (await detectWallet());
    if (generation !== this.generation) return;
    this.wallet = wallet;
    if (!wallet) {
      this.walletState = 'none';
      this.host.requestUpdate();
      return;
    }
    this.unsubscribe = wallet.onAccountChange(() => void this.refreshAccount());
    this.walletState = 'ready';
    this.host.requestUpdate();
    // A host's signer is connected already, and a wallet another element connected asks nothing.
    const chainId = await this.chainId().catch(() => undefined);
    if (generation !== this.generation || chainId === undefined) return;
    if (wallet.kind === 'host' || connectedNotes().some((n) => n.kind === wallet.kind && n.chainId === chainId)) {
      await this.connect({ quiet: true });
    }
  }

  private async chainId(): Promise<string> {
    const client = this.options.client();
    if (!client) throw new Error('No provider chain is configured.');
    return readChainId(client);
  }

  /** Connects the wallet (its prompt the first time). A refusal in the wallet is not an error. */
  async connect(options: { quiet?: boolean } = {}): Promise<void> {
    const wallet = this.wallet;
    if (!wallet || this.walletState === 'connecting') return;
    const generation = this.generation;
    const refocus = focusKeeper(this.host);
    this.walletState = 'connecting';
    this.walletMessage = '';
    this.host.requestUpdate();
    let chainId = '';
    try {
      chainId = await this.chainId();
      const account = await wallet.connect(chainId);
      if (generation !== this.generation) return;
      this.account = account;
      this.walletState = 'connected';
      if (!connectedNotes().some((n) => n.kind === wallet.kind && n.chainId === chainId)) {
        connectedNotes().push({ kind: wallet.kind, chainId });
        if (!options.quiet) globalThis.dispatchEvent(new CustomEvent(CONNECTED_EVENT, { detail: { kind: wallet.kind, chainId } }));
      }
    } catch (error) {
      if (generation !== this.generation) return;
      if (isUnknownChainError(error)) {
        // The wallet lacks the chain: say so and offer to add it; suggesting waits for a click.
        this.walletState = 'unknown-chain';
        this.chainName = this.options.chainInfo?.()?.chainName ?? readableChainName(chainId);
        prefetchChainSuggestion();
        this.host.requestUpdate();
        refocus();
        return;
      }
      this.walletState = 'ready';
      const rejected = /rejected|denied|cancel/i.test(errorMessage(error));
      if (!rejected && !options.quiet) this.walletMessage = `${wallet.label} could not connect: ${errorMessage(error)}`;
    }
    this.host.requestUpdate();
    refocus();
  }

  /** The provider's name for "Add <chain> to <wallet>": the host's chain name, else the chain id made readable. */
  chainName = '';

  /**
   * Asks the wallet to add the provider chain (its own approval window), then connects. Only
   * from a click. Declining is a cancel: said, not an error; nothing is added or signed.
   */
  async addChain(): Promise<void> {
    const wallet = this.wallet;
    const client = this.options.client();
    if (!wallet || !client || this.walletState !== 'unknown-chain') return;
    const refocus = focusKeeper(this.host);
    this.walletState = 'connecting';
    this.walletMessage = '';
    this.host.requestUpdate();
    const result = await suggestProviderChain(client, wallet, this.options.chainInfo?.());
    if (result.status === 'added') {
      this.walletState = 'ready';
      await this.connect();
      return;
    }
    this.walletState = 'unknown-chain';
    this.walletMessage =
      result.status === 'cancelled' ? `You declined adding ${this.chainName} to ${wallet.label}: nothing was added and nothing was signed.` : result.message;
    this.host.requestUpdate();
    refocus();
  }

  private readonly onPeerConnected = (event: Event): void => {
    const note = (event as CustomEvent<ConnectedNote>).detail;
    if (this.wallet?.kind === note.kind && this.walletState === 'ready') void this.connect({ quiet: true });
  };

  /** The person switched account in the wallet: read the new one (no prompt, it is enabled). */
  private async refreshAccount(): Promise<void> {
    // A proposal made for the old account is not what the new one would sign.
    this.stop("The wallet's account changed; nothing was signed.");
    if (this.walletState !== 'connected' || !this.wallet) return;
    try {
      this.account = await this.wallet.connect(await this.chainId());
    } catch {
      this.account = undefined;
      this.walletState = 'ready';
    }
    this.host.requestUpdate();
  }

  /**
   * Opens the confirmation panel for `action`, frozen with what the panel shows (`view`) and the
   * subject, wallet and account now. Nothing is signed yet. Refused (false) without a connected
   * account, or while a transaction is in flight.
   */
  propose(action: IcsAction, view: ProposalView): boolean {
    const wallet = this.wallet;
    const account = this.account?.address;
    if (this.phase === 'pending' || !wallet || account === undefined || this.walletState !== 'connected') return false;
    this.proposal = Object.freeze({
      action: frozenAction(action),
      view: Object.freeze({ ...view }),
      subject: Object.freeze({ ...this.options.subject() }),
      wallet,
      account,
    });
    this.action = this.proposal.action;
    this.result = undefined;
    this.notice = '';
    this.phase = 'confirming';
    this.host.requestUpdate();
    // The flow's code loads while the panel is read, so Confirm does not wait for it.
    prefetchFlow();
    return true;
  }

  /** Closes the confirmation panel, or the last result. */
  dismiss(): void {
    if (this.phase === 'pending') return;
    const refocus = focusKeeper(this.host);
    this.phase = 'idle';
    this.result = undefined;
    this.host.requestUpdate();
    refocus();
  }

  /**
   * Sends the proposed action: one signature request, whatever the number of clicks (the phase
   * leaves `confirming` before anything async, and the flow refuses a second transaction).
   * `latest` is the action as the panel's fields now say (e.g. with the consumer key typed); it
   * must be the proposal's action (type, chain, validator) with only the panel's value filled in.
   * The subject is compared with the frozen one first: any change closes the panel in words.
   */
  async confirm(latest?: IcsAction): Promise<TxResult | undefined> {
    const proposal = this.proposal;
    const wallet = this.wallet;
    if (this.phase !== 'confirming' || !proposal || !wallet) return undefined;
    const changed = this.difference(proposal);
    if (changed) {
      this.stop(changed);
      return undefined;
    }
    let action: IcsAction;
    try {
      action = latest ? frozenAction(latest) : proposal.action;
    } catch {
      this.stop('The transaction to sign is not the one shown; nothing was signed.');
      return undefined;
    }
    if (action.type !== proposal.action.type || action.consumerId !== proposal.action.consumerId || action.validator !== proposal.action.validator) {
      this.stop('The transaction to sign is not the one shown; nothing was signed.');
      return undefined;
    }
    const client = proposal.subject.client;
    if (!client) return undefined;
    this.action = action;
    const refocus = focusKeeper(this.host);
    this.phase = 'pending';
    this.stage = 'checking';
    const stopper = (this.stopper = new AbortController());
    this.host.requestUpdate();
    const result = await this.flows
      .flowOf(client, wallet)
      .then((flow) => flow.submit(action, { signal: stopper.signal, signer: proposal.account }), flowLoadFailure);
    this.stopper = undefined;
    this.stage = undefined;
    const base = { action: action.type, consumerId: action.consumerId, validator: action.validator };
    switch (result.status) {
      case 'cancelled':
        // Declining in the wallet is a choice: back to where the person was, no message.
        this.phase = 'idle';
        this.result = undefined;
        break;
      case 'confirmed':
        this.phase = 'confirmed';
        this.result = result;
        this.host.dispatchEvent(
          new IcsTxConfirmedEvent({ ...base, hash: result.txHash, height: result.height, code: 0, message: 'Included in a block and executed.' }),
        );
        this.options.onConfirmed?.(result);
        break;
      case 'refused':
        if (result.code === 'changed') {
          // The subject changed under the flow: closed like an open panel, in words.
          this.phase = 'idle';
          this.result = undefined;
          this.notice = result.message;
        } else {
          this.phase = 'failed';
          this.result = result;
        }
        this.host.dispatchEvent(new IcsTxFailedEvent({ ...base, hash: undefined, code: result.code, abciCode: 0, codespace: '', message: result.message }));
        break;
      case 'failed':
        this.phase = 'failed';
        this.result = result;
        this.host.dispatchEvent(
          new IcsTxFailedEvent({
            ...base,
            hash: result.txHash,
            code: result.code,
            abciCode: result.abciCode,
            codespace: result.codespace,
            message: result.message,
          }),
        );
        break;
    }
    this.host.requestUpdate();
    refocus();
    return result;
  }

  /**
   * The last result was for another chain or validator than the element shows now (its
   * attributes changed after the signature, too late to stop it): the result names the proposal's.
   */
  resultElsewhere(): boolean {
    const proposal = this.proposal;
    if (!proposal) return false;
    const now = this.options.subject();
    return now.consumerId !== proposal.subject.consumerId || now.validator !== proposal.subject.validator;
  }
}
