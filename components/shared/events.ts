/** The elements' own events: one class each, bubbling and composed so a page can listen anywhere. */
import type { IcsError } from '../../src/index.js';
import type { IcsActionType, TxErrorCode } from '../../src/signing/index.js';

/**
 * What every element event shares: a typed `detail`, and bubbling and composed so it leaves the
 * shadow root. A subclass names itself with its static `eventName` (read here through `new.target`)
 * and declares `detail` again, with no code, so the custom-elements manifest names its detail type.
 */
abstract class IcsEvent<Detail> extends Event {
  static readonly eventName: string;
  constructor(readonly detail: Detail) {
    super((new.target as typeof IcsEvent).eventName, { bubbles: true, composed: true });
  }
}

export interface IcsSelectDetail {
  consumerId: string;
  chainId: string;
}

/** A person chose a consumer chain (click, Enter or Space on a row). */
export class IcsSelectEvent extends IcsEvent<IcsSelectDetail> {
  static override readonly eventName = 'ics-select';
  declare readonly detail: IcsSelectDetail;
}

export interface IcsErrorDetail {
  /** What failed, as the core reported it; `error.message` is written for people. */
  error: IcsError;
}

/** Loading the element's data failed (it also shows the message and a Retry button). */
export class IcsErrorEvent extends IcsEvent<IcsErrorDetail> {
  static override readonly eventName = 'ics-error';
  declare readonly detail: IcsErrorDetail;
}

/** Which transaction an `ics-tx-*` event is about. */
export interface IcsTxDetail {
  action: IcsActionType;
  consumerId: string;
  /** The validator's operator address. */
  validator: string;
  /**
   * The transaction hash (upper-case hex): known from the signed bytes, so present from
   * `ics-tx-signed` on; undefined only when the wallet failed before anything was signed.
   */
  hash: string | undefined;
}

export interface IcsTxSignedDetail extends IcsTxDetail {
  /** How it was signed: protobuf (`direct`) or amino JSON (`amino`, Ledger accounts). */
  mode: 'direct' | 'amino' | undefined;
}

/** The wallet signed; the transaction is being sent (it is not in a block yet). */
export class IcsTxSignedEvent extends IcsEvent<IcsTxSignedDetail> {
  static override readonly eventName = 'ics-tx-signed';
  declare readonly detail: IcsTxSignedDetail;
}

export interface IcsTxConfirmedDetail extends IcsTxDetail {
  hash: string;
  /** The block that included it. */
  height: number;
  /** 0: the chain executed it. */
  code: 0;
  message: string;
}

/** The transaction is in a block and the chain executed it. */
export class IcsTxConfirmedEvent extends IcsEvent<IcsTxConfirmedDetail> {
  static override readonly eventName = 'ics-tx-confirmed';
  declare readonly detail: IcsTxConfirmedDetail;
}

export interface IcsTxFailedDetail extends IcsTxDetail {
  /** Why, as a stable word (`top-n-opt-out`, `key-in-use`, `insufficient-fee`, `network`, …). */
  code: TxErrorCode;
  /** The chain's ABCI code and codespace, when the chain answered (0 and "" otherwise). */
  abciCode: number;
  codespace: string;
  /** Written for the validator; the element shows the same words. */
  message: string;
}

/**
 * The transaction was refused before signing (a check), or failed on the chain or the way to it.
 * Not fired when the person declined in the wallet: that is a choice, not a failure.
 */
export class IcsTxFailedEvent extends IcsEvent<IcsTxFailedDetail> {
  static override readonly eventName = 'ics-tx-failed';
  declare readonly detail: IcsTxFailedDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ics-select': IcsSelectEvent;
    'ics-error': IcsErrorEvent;
    'ics-tx-signed': IcsTxSignedEvent;
    'ics-tx-confirmed': IcsTxConfirmedEvent;
    'ics-tx-failed': IcsTxFailedEvent;
  }
}
