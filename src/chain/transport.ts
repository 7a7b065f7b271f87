/**
 * REST transport over plain `fetch`: a time bound per read, the caller's `AbortSignal`, failover
 * between endpoints on network errors, timeouts, 429 and 5xx, a bounded retry with backoff for
 * transient answers (503, 502, 504, 429 with `Retry-After`, a reset socket), the height header,
 * and every failure turned into an `IcsError` with words.
 *
 * Each read tries the endpoints in order, each once per round, starting from the one that last
 * answered (a snapshot taken when the read starts: concurrent reads moving the preference never
 * change an order already begun). When every endpoint failed and some only transiently, a
 * later round tries those again after a backoff, up to `retries` rounds, all inside the read's
 * deadline (`timeoutMs` from its start unless the caller set an earlier one).
 */
import type { ProviderConfig } from './config.js';
import { abortError, throwIfAborted } from './cache.js';
import { IcsError } from './errors.js';
import { Limiter } from './limiter.js';
import { routeWords, seconds } from './waits.js';
import { GRPC_CODES, HEIGHT_HEADER } from './wire.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RestRequest {
  /** Path below the endpoint, starting with "/". */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Ask for this block height (`x-cosmos-block-height`). */
  height?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Give up at this time (`Date.now()` scale); default `timeoutMs` from now. */
  deadline?: number | undefined;
  /** Told the URL of each HTTP attempt as it starts. */
  onAttempt?: ((url: string) => void) | undefined;
}

export interface RestResponse {
  body: unknown;
  /** The height the node answered at, when it said. */
  height: number | undefined;
  url: string;
}

/** First retry round waits about this long; each later round twice as long (plus up to a quarter more). */
export const RETRY_BACKOFF_MS = 250;
/** The longest `Retry-After` honoured; a node asking for longer is not asked again in this read. */
export const RETRY_AFTER_MAX_MS = 5_000;
/**
 * A retry round starts only with this much of the read's time left after its pause (or half the
 * bound, when that is shorter): a retry cut short by the deadline would only turn the node's own
 * answer into a timeout.
 */
const RETRY_MIN_TIME_MS = 1_000;

/** Why one endpoint failed in one round, and whether a later round may try it again. */
interface Failure {
  index: number;
  error: IcsError;
  /** A transient answer: worth another try after a pause. */
  again: boolean;
  /** The pause the node asked for (`Retry-After`), in ms. */
  retryAfterMs: number;
}

export class RestTransport {
  /** HTTP requests sent, for request-count measurements. */
  requests = 0;
  /** The endpoint that answered last: where the next read starts. Read once per read. */
  private preferred = 0;
  private readonly limiter: Limiter;

  constructor(
    private readonly config: ProviderConfig,
    private readonly fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init),
  ) {
    this.limiter = new Limiter(config.maxConcurrent);
  }

  /** The endpoint tried first. */
  get endpoint(): string {
    return this.config.rest[this.preferred]!;
  }

  async get(request: RestRequest): Promise<RestResponse> {
    const endpoints = this.config.rest;
    const deadline = request.deadline ?? Date.now() + this.config.timeoutMs;
    // The order is fixed here, once: other reads changing `preferred` meanwhile do not touch it.
    const start = this.preferred;
    let round = endpoints.map((_, i) => (start + i) % endpoints.length);
    let last: Failure | undefined;
    let asked = 0;
    let tries = 0;
    for (let r = 0; r <= this.config.retries && round.length > 0; r++) {
      if (r > 0) {
        const pause = Math.max(backoff(r), asked);
        if (Date.now() + pause + Math.min(RETRY_MIN_TIME_MS, this.config.timeoutMs / 2) > deadline) break;
        await sleep(pause, request.signal);
      }
      const again: Failure[] = [];
      for (let i = 0; i < round.length; i++) {
        const index = round[i]!;
        throwIfAborted(request.signal);
        if (deadline - Date.now() <= 0) break;
        tries++;
        try {
          const response = await this.limiter.run(() => this.once(endpoints[index]!, request, deadline, round.length - i));
          this.preferred = index;
          return response;
        } catch (error) {
          if (!(error instanceof IcsError) || !shouldFailOver(error)) throw error;
          last = failure(index, error);
          if (last.again) again.push(last);
        }
      }
      round = again.map((f) => f.index);
      asked = Math.max(0, ...again.map((f) => f.retryAfterMs));
    }
    if (!last) {
      throw new IcsError('timeout', `No endpoint was tried: the read's ${seconds(this.config.timeoutMs)} s ran out first (${routeWords(request.path)}).`);
    }
    const notes: string[] = [];
    if (endpoints.length > 1) notes.push(`all ${endpoints.length} endpoints failed`);
    if (tries > endpoints.length) notes.push(`${tries} tries`);
    const error = last.error;
    if (notes.length === 0) throw error;
    throw new IcsError(error.kind, `${error.message} (${notes.join(', ')})`, {
      url: error.url,
      status: error.status,
      grpcCode: error.grpcCode,
      cause: error,
    });
  }

  /**
   * One HTTP attempt. It may use its share of the time left: all of it for the last endpoint of
   * the round, an equal part while others wait behind it, so a stalled first endpoint leaves the
   * next one time to answer.
   */
  private async once(endpoint: string, request: RestRequest, deadline: number, endpointsLeft: number): Promise<RestResponse> {
    throwIfAborted(request.signal);
    const url = endpoint + request.path + queryString(request.query);
    const remaining = Math.max(1, deadline - Date.now());
    const timeoutMs = endpointsLeft > 1 ? Math.ceil(remaining / endpointsLeft) : remaining;
    // A read cut at its deadline is reported against the whole bound, a share against the share.
    const boundMs = endpointsLeft > 1 ? timeoutMs : Math.max(timeoutMs, this.config.timeoutMs);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.height !== undefined) headers[HEIGHT_HEADER] = String(request.height);
    try {
      this.requests++;
      request.onAttempt?.(url);
      let response: Response;
      try {
        response = await this.fetchFn(url, { headers, signal: controller.signal });
      } catch (cause) {
        throw this.failure(cause, url, request, timedOut, boundMs);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw this.failure(cause, url, request, timedOut, boundMs);
      }
      // A node's gateway forwards the gRPC header as grpc-metadata-…; proxies may pass it plain.
      const height = parseHeight(response.headers.get(`grpc-metadata-${HEIGHT_HEADER}`) ?? response.headers.get(HEIGHT_HEADER));
      if (!response.ok) throw httpError(response.status, text, url, request.height, response.headers.get('retry-after'));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new IcsError('decode', `The node at ${origin(url)} answered ${routeOf(request.path)} with a body that is not JSON.`, {
          url,
          status: response.status,
          cause,
        });
      }
      return { body, height, url };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  private failure(cause: unknown, url: string, request: RestRequest, timedOut: boolean, boundMs: number): IcsError {
    if (request.signal?.aborted) return abortError();
    if (timedOut) {
      return new IcsError('timeout', `The node at ${origin(url)} did not answer within ${seconds(boundMs)} s (${routeWords(request.path)}).`, { url, cause });
    }
    return new IcsError('network', `Could not reach ${origin(url)}. Check the address and that the node allows this page (CORS).`, {
      url,
      cause,
    });
  }
}

/** An error thrown by a node that says when to ask again (`Retry-After`, in ms). */
class RetryAfterError extends IcsError {
  constructor(
    message: string,
    options: ConstructorParameters<typeof IcsError>[2],
    readonly retryAfterMs: number | undefined,
  ) {
    super('http', message, options);
  }
}

function shouldFailOver(error: IcsError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  // 501 is the node's real answer that a route does not exist there; other 5xx are the node's
  // trouble, and 429 is this node's limit, not the chain's answer.
  return error.kind === 'http' && error.status !== undefined && ((error.status >= 500 && error.status !== 501) || error.status === 429);
}

/** Transient answers: the same node may well answer a moment later. */
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

function failure(index: number, error: IcsError): Failure {
  const retryAfterMs = error instanceof RetryAfterError ? (error.retryAfterMs ?? 0) : 0;
  const transient = error.kind === 'network' || (error.kind === 'http' && error.status !== undefined && TRANSIENT_STATUS.has(error.status));
  // A node asking for a longer pause than we wait is not asked again before then.
  return { index, error, again: transient && retryAfterMs <= RETRY_AFTER_MAX_MS, retryAfterMs };
}

/** The pause before retry round `round` (1, 2, …): 250, 500, 1000 ms…, each up to a quarter longer. */
function backoff(round: number): number {
  return Math.round(RETRY_BACKOFF_MS * 2 ** (round - 1) * (1 + Math.random() / 4));
}

/** Resolves after `ms`, or rejects with an abort error when the signal aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `Retry-After` in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent
 * or not one of those.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - now);
}

/** The gRPC-gateway error body `{"code", "message"}`, or undefined when the body is something else. */
function gatewayError(text: string): { code: number; message: string } | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null) {
      const { code, message } = body as { code?: unknown; message?: unknown };
      if (typeof code === 'number' && typeof message === 'string') return { code, message };
    }
  } catch {
    // Not JSON: a proxy's HTML error page, for instance.
  }
  return undefined;
}

function httpError(status: number, text: string, url: string, height: number | undefined, retryAfter: string | null): IcsError {
  const grpc = gatewayError(text);
  const options = { url, status, grpcCode: grpc?.code };
  const said = grpc?.message ? `: ${grpc.message}` : '';
  if (grpc && height !== undefined && /version does not exist|height in the future|invalid height|pruned/i.test(grpc.message)) {
    return new IcsError('height-unavailable', `The node at ${origin(url)} cannot answer at height ${height}${said}`, options);
  }
  if (status === 404 || grpc?.code === GRPC_CODES.NOT_FOUND) {
    return new IcsError('not-found', `Not found at ${origin(url)}${said || ` (${routeOf(new URL(url).pathname)})`}`, options);
  }
  if (status === 429 || status === 503) {
    const waitMs = parseRetryAfter(retryAfter);
    const busy = status === 429 ? 'is limiting requests (HTTP 429)' : 'is unavailable for now (HTTP 503)';
    const asks = waitMs !== undefined && waitMs > RETRY_AFTER_MAX_MS ? `; it asks to wait ${seconds(waitMs)} s` : '';
    return new RetryAfterError(`The node at ${origin(url)} ${busy}${said}${asks}`, options, waitMs);
  }
  return new IcsError('http', `The node at ${origin(url)} answered HTTP ${status}${said}`, options);
}

function queryString(query: RestRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseHeight(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const height = Number(value);
  return Number.isSafeInteger(height) ? height : undefined;
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function routeOf(path: string): string {
  return path.split('?')[0] ?? path;
}
