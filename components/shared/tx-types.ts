/** The types of the transaction controller's state and options (`tx-controller.ts`). */
import type { ChainInfoInput, IcsAction, TxResult, Wallet } from '../../src/signing/index.js';
import type { ChainContext } from '../../src/index.js';

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
