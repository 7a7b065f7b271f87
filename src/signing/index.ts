/**
 * ics-elements/signing: the light half of the signing path. Wallet detection, local checks,
 * the chain error words and the transaction flow; cosmjs is loaded by the flow only when a
 * transaction starts. The codecs, registry and amino converters live in modules that only the
 * signing chunk and the devnet import.
 */
export { TxFlow, affectedReads, readPrecheckState, toIcsMessage } from './flow.js';
export { frozenAction } from './frozen-action.js';
export type { FlowClient, SubmitOptions, TxBackend, TxFlowOptions } from './flow.js';
export { checkAgainstState, checkConsumerKey, checkFormat, checkSigner, precheck } from './precheck.js';
export type { PrecheckState } from './precheck.js';
export { describeChainError, inferCodespace, parseQueryError } from './errors.js';
export type { ChainErrorInput, ChainErrorWords } from './errors.js';
export { buildChainInfo, chainInfoFrom, checkChainInfo, suggestChain, COSMOS_COIN_TYPE } from './chain-info.js';
export { isUnknownChainError, readableChainName } from './unknown-chain.js';
export type { ChainInfo, ChainInfoCheck, ChainInfoClient, ChainInfoCurrency, ChainInfoFeeCurrency, ChainInfoInput, SuggestResult } from './chain-info.js';
export { detectWallet, detectWallets, extensionWallet, hostWallet, isWalletRejection } from './wallet.js';
export type {
  DetectOptions,
  HostWalletOptions,
  KeplrLike,
  SignMode,
  Wallet,
  WalletAccount,
  WalletDocument,
  WalletKind,
  WalletSigner,
  WalletWindow,
} from './wallet.js';
export type * from './actions.js';
export { MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, MSG_OPT_IN_TYPE_URL, MSG_OPT_OUT_TYPE_URL, MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL } from './message-types.js';
export type { IcsMessage, MsgAssignConsumerKey, MsgOptIn, MsgOptOut, MsgSetConsumerCommissionRate } from './message-types.js';
