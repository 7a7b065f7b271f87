/**
 * What a validator can do with the signing path, and what comes back. Plain data, no cosmjs:
 * the elements import these types with the light entry.
 */

interface ActionBase {
  /** The validator's operator address (`cosmosvaloper1…`). */
  validator: string;
  /** The consumer chain (decimal uint64 as a string). */
  consumerId: string;
}

export interface OptInAction extends ActionBase {
  type: 'opt-in';
  /** Optional consumer key: the `show-validator` JSON of an ed25519 key. */
  consumerKey?: string | undefined;
}

export interface OptOutAction extends ActionBase {
  type: 'opt-out';
}

export interface AssignConsumerKeyAction extends ActionBase {
  type: 'assign-consumer-key';
  /** The `show-validator` JSON of an ed25519 key. */
  consumerKey: string;
}

export interface SetConsumerCommissionRateAction extends ActionBase {
  type: 'set-consumer-commission-rate';
  /** A decimal in [min_commission_rate, 1], such as "0.05". */
  rate: string;
}

export type IcsAction = OptInAction | OptOutAction | AssignConsumerKeyAction | SetConsumerCommissionRateAction;
export type IcsActionType = IcsAction['type'];

/** Why a check refused an action before anything was signed (also used for chain errors that mean the same). */
export type RefusalCode =
  /** The connected account is not the validator's operator account. */
  | 'wrong-signer'
  /** An address is not a valid bech32 address of this chain. */
  | 'bad-address'
  /** The consumer id is not a whole number. */
  | 'bad-consumer-id'
  /** The consumer key is not the `show-validator` JSON of a 32-byte ed25519 key. */
  | 'bad-key'
  /** The chain is in a phase where this action is not allowed. */
  | 'wrong-phase'
  /** The validator is in the top N of a Top-N chain and may not opt out. */
  | 'top-n-opt-out'
  /** The rate is not a decimal in [staking min_commission_rate, 1]. */
  | 'commission-range'
  /** No consumer chain with this id. */
  | 'unknown-consumer'
  /** No validator with this operator address. */
  | 'unknown-validator'
  /** The consumer key is another validator's provider key, or is (or was) assigned on this chain. */
  | 'key-in-use'
  /** The key is the validator's own provider key and no other key was assigned before. */
  | 'default-key'
  /** The configuration lacks something signing needs (an RPC endpoint). */
  | 'not-configured'
  /** A transaction of this flow is still pending. */
  | 'busy'
  /** Amino (Ledger) signing of text the chain's amino JSON escapes and the wallet's does not (U+2028, U+2029). */
  | 'amino-text'
  /**
   * What was about to be signed is no longer what was confirmed: the subject changed underneath
   * (chain, validator, account, endpoint), or the message differs from the frozen one. Nothing
   * was signed (or, when the signature came back after the change, nothing was sent).
   */
  | 'changed'
  /**
   * The wallet does not know the provider chain (Keplr: "There is no chain info for …"): offer
   * "Add <chain> to <wallet>" (`TxFlow.suggestChain()` from a click), then submit again.
   */
  | 'unknown-chain';

export type PrecheckResult = { ok: true } | { ok: false; code: RefusalCode; message: string };

/** Words for a failure the chain (or the way to it) reported. */
export type TxErrorCode =
  | RefusalCode
  | 'key-in-use'
  | 'default-key'
  | 'invalid-message'
  | 'unauthorized'
  | 'insufficient-funds'
  | 'insufficient-fee'
  | 'wrong-sequence'
  | 'out-of-gas'
  | 'ics-disabled'
  | 'timeout'
  | 'network'
  | 'unknown';

export type TxResult =
  /** Included in a block and executed. */
  | { status: 'confirmed'; txHash: string; height: number; gasUsed: bigint }
  /** The person declined in the wallet. Not an error. */
  | { status: 'cancelled' }
  /** Stopped before any signature was asked for: the chain would refuse it. */
  | { status: 'refused'; code: RefusalCode; message: string }
  /**
   * Simulation, broadcast or execution failed. `codespace` and `abciCode` are the chain's
   * (empty / 0 when the failure was not the chain's, e.g. a network error).
   */
  | { status: 'failed'; txHash?: string; code: TxErrorCode; codespace: string; abciCode: number; message: string };

/** Where a transaction is, for a status line. */
export type TxStage = 'checking' | 'connecting' | 'loading' | 'simulating' | 'signing' | 'broadcasting' | 'including';

/**
 * What a stage knows: the hash once the transaction is signed (from 'broadcasting' on), and how
 * the wallet signs (from 'simulating' on, once the flow has the wallet's signer).
 */
export interface TxStageDetail {
  txHash?: string;
  /** The wallet's signing mode: protobuf `direct`, or `amino` JSON (e.g. a Ledger). */
  mode?: 'direct' | 'amino';
}
