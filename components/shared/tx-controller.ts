/**
 * The confirm / sign / pending / result machinery the acting elements share
 * (`<ics-opt-in-button>`, `<ics-validator-settings>`): finds the wallet (the host's, else a
 * Keplr-compatible extension), connects it, follows account switches, shows the message in words
 * before the wallet opens, runs one `TxFlow` transaction at a time, fires the `ics-tx-*` events,
 * and renders the pending line and the result.
 *
 * No cosmjs here: `TxFlow` loads it with a dynamic `import()` when a transaction starts.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { checkSigner, detectWallet, frozenAction, isUnknownChainError, readableChainName, suggestChain, TxFlow } from '../../src/signing/index.js';
import type { ChainInfoInput, IcsAction, TxResult, TxStage, Wallet, WalletAccount } from '../../src/signing/index.js';
import type { ChainContext } from '../../src/index.js';
import type { FlowClient } from '../../src/signing/index.js';
import { chainId as readChainId } from '../../src/queries.js';
import * as queries from '../../src/queries.js';
import { clip, neutralise, safeHttpsUrl } from '../../src/format/index.js';
import { IcsTxConfirmedEvent, IcsTxFailedEvent, IcsTxSignedEvent } from './events.js';

/**
 * Where the wallet is: looking, none installed, found (not connected), connecting, connected, or
 * found but without the provider chain (it must be added first: `addChain()`, from a click).
 */
export type WalletState = 'detecting' | 'none' | 'ready' | 'connecting' | 'connected' | 'unknown-chain';

/** Where the transaction is: nothing yet, the confirmation panel, in flight, and its end. */
export type TxPhase = 'idle' | 'confirming' | 'pending' | 'confirmed' | 'failed';

/**
 * What a proposal is bound to, as the element's attributes say it now: any change to it while a
 * proposal is open (or in flight, before the signature) cancels the proposal.
 */
export interface TxSubject {
  consumerId: string | undefined;
  validator: string | undefined;
  rest: string | undefined;
  rpc: string | undefined;
  chainId: string | undefined;
  /** The client the element resolved (own attributes, `<ics-provider-chain>`, or the page default). */
  client: ChainContext | undefined;
}

/** What the confirmation panel shows, copied from the element's data when the person opened it. */
export interface ProposalView {
  chainName: string;
  consumerId: string;
  chainId: string;
  moniker: string;
  operatorAddress: string;
  /** The operator account, which signs. */
  accountAddress: string;
}

/**
 * A transaction the person opened the confirmation panel for, frozen at that click: the action,
 * what the panel shows, the subject, the wallet and the account. The panel renders this, never
 * the element's live state, and Confirm signs this (plus the value typed into the panel).
 */
export interface Proposal {
  readonly action: Readonly<IcsAction>;
  readonly view: Readonly<ProposalView>;
  readonly subject: Readonly<TxSubject>;
  readonly wallet: Wallet;
  /** The connected account when the panel opened. */
  readonly account: string;
}

export interface TxControllerOptions {
  /** The client transactions go through (its `rpc` endpoint signs); undefined while unresolved. */
  client: () => ChainContext | undefined;
  /** The element's subject now (attributes and resolved client). */
  subject: () => TxSubject;
  /** The wallet the host page passed (`wallet` property); undefined means detect an extension. */
  hostWallet: () => Wallet | undefined;
  /** After a confirmed transaction (the element reloads what it shows). */
  onConfirmed?: (result: Extract<TxResult, { status: 'confirmed' }>) => void;
  /** The host's chain info for a wallet that does not know the chain (wins field by field). */
  chainInfo?: () => ChainInfoInput | undefined;
}

/** A page-wide note that one element connected a wallet, so the others follow without a prompt. */
const CONNECTED_EVENT = 'ics-elements-wallet-connected';
interface ConnectedNote {
  kind: Wallet['kind'];
  chainId: string;
}
const CONNECTED_KEY = Symbol.for('ics-elements/wallet-connected');
function connectedNotes(): ConnectedNote[] {
  const holder = globalThis as typeof globalThis & { [CONNECTED_KEY]?: ConnectedNote[] };
  return (holder[CONNECTED_KEY] ??= []);
}

/** Forgets which wallets the page connected (tests; an app after a log-out). */
export function forgetWalletConnections(): void {
  connectedNotes().length = 0;
}

const STAGE_WORDS: Record<TxStage, string> = {
  checking: 'Checking with the chain…',
  connecting: 'Connecting to the wallet…',
  loading: 'Loading the signing code…',
  simulating: 'Estimating the gas…',
  signing: 'Waiting for your signature in the wallet…',
  broadcasting: 'Signed. Sending the transaction…',
  including: 'Sent. Waiting for it to be in a block…',
};

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
  private flow: TxFlow | undefined;
  private flowFor: [ChainContext, Wallet] | undefined;
  private signMode: 'direct' | 'amino' | undefined;
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

  /** Focus is inside the element now (checked when a step starts). */
  private focusInside(): boolean {
    return Boolean(this.host.shadowRoot?.activeElement);
  }

  /**
   * After a step that removed the focused control (Connect, Confirm, Close, Cancel), focus goes to
   * the element's first control (delegatesFocus) instead of falling back to the page's body.
   */
  private refocus(had: boolean): void {
    if (!had) return;
    const root = this.host.shadowRoot;
    void (this.host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() => {
      if (root && !root.activeElement) this.host.focus();
    });
  }

  /** Connects the wallet (its prompt the first time). A refusal in the wallet is not an error. */
  async connect(options: { quiet?: boolean } = {}): Promise<void> {
    const wallet = this.wallet;
    if (!wallet || this.walletState === 'connecting') return;
    const generation = this.generation;
    const hadFocus = this.focusInside();
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
        this.host.requestUpdate();
        this.refocus(hadFocus);
        return;
      }
      this.walletState = 'ready';
      const rejected = /rejected|denied|cancel/i.test(error instanceof Error ? error.message : String(error));
      if (!rejected && !options.quiet) this.walletMessage = `${wallet.label} could not connect: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.host.requestUpdate();
    this.refocus(hadFocus);
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
    const hadFocus = this.focusInside();
    this.walletState = 'connecting';
    this.walletMessage = '';
    this.host.requestUpdate();
    const result = await suggestChain(clientOf(client), wallet, this.options.chainInfo?.());
    if (result.status === 'added') {
      this.walletState = 'ready';
      await this.connect();
      return;
    }
    this.walletState = 'unknown-chain';
    this.walletMessage =
      result.status === 'cancelled'
        ? `You declined adding ${this.chainName} to ${wallet.label}: nothing was added and nothing was signed.`
        : result.message;
    this.host.requestUpdate();
    this.refocus(hadFocus);
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
    return true;
  }

  /** Closes the confirmation panel, or the last result. */
  dismiss(): void {
    if (this.phase === 'pending') return;
    const hadFocus = this.focusInside();
    this.phase = 'idle';
    this.result = undefined;
    this.host.requestUpdate();
    this.refocus(hadFocus);
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
    const hadFocus = this.focusInside();
    this.phase = 'pending';
    this.stage = 'checking';
    this.signMode = undefined;
    const stopper = (this.stopper = new AbortController());
    this.host.requestUpdate();
    const result = await this.flowOf(client, wallet).submit(action, { signal: stopper.signal, signer: proposal.account });
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
          new IcsTxFailedEvent({ ...base, hash: result.txHash, code: result.code, abciCode: result.abciCode, codespace: result.codespace, message: result.message }),
        );
        break;
    }
    this.host.requestUpdate();
    this.refocus(hadFocus);
    return result;
  }

  /** One flow per client and wallet, so its one-at-a-time guard spans every click. */
  private flowOf(client: ChainContext, wallet: Wallet): TxFlow {
    if (this.flow && this.flowFor?.[0] === client && this.flowFor[1] === wallet) return this.flow;
    // The flow sees the wallet through this wrapper so the element learns the signing mode.
    const watched: Wallet = {
      kind: wallet.kind,
      label: wallet.label,
      connect: (chainId) => wallet.connect(chainId),
      signer: async (chainId) => {
        const signer = await wallet.signer(chainId);
        this.signMode = signer.mode;
        return signer;
      },
      onAccountChange: (listener) => wallet.onAccountChange(listener),
    };
    this.flow = new TxFlow({
      client: clientOf(client),
      wallet: watched,
      onStage: (stage, detail) => {
        if (this.phase !== 'pending') return;
        this.stage = stage;
        if (stage === 'broadcasting' && this.action) {
          const { type, consumerId, validator } = this.action;
          this.host.dispatchEvent(new IcsTxSignedEvent({ action: type, consumerId, validator, hash: detail?.txHash, mode: this.signMode }));
        }
        this.host.requestUpdate();
      },
    });
    this.flowFor = [client, wallet];
    return this.flow;
  }

  /** What the live region says about the transaction now, neutralised as the screen's text is. */
  liveText(): string {
    return neutralise(this.liveWords());
  }

  private liveWords(): string {
    switch (this.phase) {
      case 'confirming':
        return 'Check the transaction below, then confirm to open your wallet.';
      case 'pending':
        return this.stage ? STAGE_WORDS[this.stage] : '';
      case 'confirmed':
        return 'The transaction is in a block.';
      case 'failed':
        return this.result && this.result.status !== 'confirmed' ? this.result.message : '';
      default:
        return this.notice;
    }
  }

  /**
   * When the element's chain or validator changed after the signature (too late to stop it), the
   * result names what it was for: the frozen proposal, not what the element shows now.
   */
  private renderResultSubject(): TemplateResult | typeof nothing {
    const proposal = this.proposal;
    if (!proposal) return nothing;
    const now = this.options.subject();
    if (now.consumerId === proposal.subject.consumerId && now.validator === proposal.subject.validator) return nothing;
    const { view } = proposal;
    return html`<p class="warn">This was for ${chainValue(view.chainName, view.consumerId, view.chainId)}, validator
      <span class="mono">${view.operatorAddress}</span>, not what is shown now.</p>`;
  }

  /** Why the last proposal closed without signing, until the next one. */
  renderNotice(): TemplateResult | typeof nothing {
    if (!this.notice || this.phase !== 'idle') return nothing;
    return html`<p class="tx notice warn" part="notice">${neutralise(this.notice)}</p>`;
  }

  // ---- rendering shared by the elements ----------------------------------------------------------

  /** The pending line: what is happening now; the element's controls are disabled meanwhile. */
  renderPending(): TemplateResult | typeof nothing {
    if (this.phase !== 'pending') return nothing;
    return html`<p class="tx pending" part="status"><span class="spinner" aria-hidden="true"></span>${this.stage ? STAGE_WORDS[this.stage] : ''}</p>`;
  }

  /** The end of a transaction: its hash (linked through `explorerTx` when given), or the refusal. */
  renderResult(explorerTx: string | undefined, after: TemplateResult | typeof nothing = nothing): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result || (this.phase !== 'confirmed' && this.phase !== 'failed')) return nothing;
    const hash = result.status === 'refused' ? undefined : result.txHash;
    const ok = result.status === 'confirmed';
    return html`<div class="tx result ${ok ? 'ok' : 'bad'}" part="result">
      <p>${ok ? html`<strong>Done.</strong> The transaction is in block ${result.height}.` : neutralise(result.message)}</p>
      ${this.renderResultSubject()}
      ${hash ? html`<p class="hash">Transaction ${renderHash(hash, explorerTx)}</p>` : nothing} ${ok ? after : nothing}
      <button type="button" class="secondary" part="button" @click=${() => this.dismiss()}>${ok ? 'Close' : 'Back'}</button>
    </div>`;
  }
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

/**
 * The reads the signing flow makes, as the query functions over the element's context (its
 * cache shared), so the element does not carry `ProviderClient` and every query with it.
 */
function clientOf(context: ChainContext): FlowClient {
  return {
    get config() {
      return context.config;
    },
    chainParams: (options) => context.chainParams(options),
    invalidate: (fragment) => context.invalidate(fragment),
    chainId: (options) => readChainId(context, options),
    validator: (address, options) => queries.validator(context, address, options),
    validators: (options) => queries.validators(context, options),
    stakingParams: (options) => queries.stakingParams(context, options),
    consumerChain: (id, options) => queries.consumerChain(context, id, options),
    consumerChains: (options) => queries.consumerChains(context, options),
    addressPairs: (id, options) => queries.addressPairs(context, id, options),
  };
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

/** Styles of the shared pieces: wallet line, confirmation panel, pending line, result. */
export const txStyles = css`
  @layer ics {
    button.secondary {
      color: var(--_accent);
      background: transparent;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .wallet,
    .tx {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .warn {
      color: var(--_warning);
    }
    .error,
    .tx.bad p:first-child {
      color: var(--_danger);
      margin: 0;
    }
    .tx.ok p:first-child {
      color: var(--_success);
    }
    .tx.result {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      justify-items: start;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-2);
    }
    .tx.result p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .tx.pending {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    .spinner {
      inline-size: 1em;
      block-size: 1em;
      flex: none;
      border-radius: 50%;
      border: 2px solid var(--_border);
      border-block-start-color: var(--_accent);
    }
    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: ics-spin 0.9s linear infinite;
      }
    }
    @keyframes ics-spin {
      to {
        transform: rotate(1turn);
      }
    }
    .confirm {
      display: grid;
      gap: var(--_space);
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .confirm-title {
      margin: 0;
      font-size: 1em;
    }
    /* One label column for every row, so the values line up. */
    .confirm dl {
      display: grid;
      grid-template-columns: minmax(5rem, max-content) minmax(0, 1fr);
      gap: 0.35em 0.75em;
      margin: 0;
    }
    .confirm-row {
      display: contents;
    }
    .confirm dt {
      color: var(--_muted);
    }
    .confirm dd {
      margin: 0;
      overflow-wrap: anywhere;
      min-inline-size: 0;
    }
    /* A name is cut with an ellipsis inside its row (full text in its title); ids wrap. */
    .confirm dd .clip {
      display: inline-block;
      max-inline-size: 100%;
      vertical-align: bottom;
    }
    .confirm p {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    label {
      display: grid;
      gap: 0.25em;
    }
    textarea,
    input {
      font: inherit;
      font-family: var(--_mono);
      font-size: 0.85em;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 0.4em 0.5em;
      inline-size: 100%;
    }
    textarea {
      resize: vertical;
      min-block-size: 4.5em;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .hint {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0;
    }
  }
`;
