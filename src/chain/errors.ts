/**
 * One error type for everything the core can fail at, with a `kind` a caller can switch on and
 * a message a person can act on. Elements show `message`; code branches on `kind`.
 */
export type IcsErrorKind =
  /** The endpoint could not be reached (DNS, refused, reset, CORS). */
  | 'network'
  /** No answer within the read's time bound (`timeoutMs`: every endpoint, retry and pause included). */
  | 'timeout'
  /** The caller aborted through its `AbortSignal`. */
  | 'aborted'
  /** The node answered with an HTTP error (4xx/5xx) that none of the kinds below explains. */
  | 'http'
  /** The body was not JSON, or not the JSON this route returns. */
  | 'decode'
  /** The thing asked for does not exist (unknown consumer id, validator, ...). */
  | 'not-found'
  /** The node has no ICS provider module (e.g. Cosmos Hub since Gaia v28). */
  | 'ics-absent'
  /** The node runs an ICS version before v6 (chain-id keyed), which this SDK does not read. */
  | 'ics-legacy'
  /** The requested height is pruned on this node, or in its future. */
  | 'height-unavailable'
  /** An argument given to the SDK is not valid (bad address, bad consumer id, bad URL). */
  | 'invalid-input';

export interface IcsErrorOptions {
  /** The URL that failed, when there was one. */
  url?: string;
  /** HTTP status, when the node answered. */
  status?: number;
  /** gRPC code from the gateway's error body, when there was one. */
  grpcCode?: number;
  /**
   * The config field or input that is wrong, for `invalid-input` errors (and a `not-found` caused
   * by an input): `'rest'`, `'rpc'`, `'height'`, `'bech32Prefix'`, `'consumerId'`, `'validator'`…
   * Lets a caller point at what to fix without reading the message.
   */
  field?: string;
  cause?: unknown;
}

export class IcsError extends Error {
  override readonly name = 'IcsError';
  readonly kind: IcsErrorKind;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly grpcCode: number | undefined;
  /** The config field or input that is wrong, when one is (see `IcsErrorOptions.field`). */
  readonly field: string | undefined;

  constructor(kind: IcsErrorKind, message: string, options: IcsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = options.url;
    this.status = options.status;
    this.grpcCode = options.grpcCode;
    this.field = options.field;
  }
}

export function isIcsError(value: unknown): value is IcsError {
  return value instanceof IcsError;
}

/** What a caught value says, for a message: an error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A value as an error message quotes it: whole when short, else its first 67 characters and "…". */
export function shortenForMessage(value: string): string {
  return value.length > 70 ? `${value.slice(0, 67)}…` : value;
}
