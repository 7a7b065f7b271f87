/**
 * REST transport over plain `fetch`: a per-request timeout, the caller's `AbortSignal`, failover
 * between endpoints on network errors, timeouts and 5xx, the height header, and every failure
 * turned into an `IcsError` with words. Endpoints that worked are tried first next time.
 */
import type { ProviderConfig } from './config.js';
import { abortError, throwIfAborted } from './cache.js';
import { IcsError } from './errors.js';
import { Limiter } from './limiter.js';
import { GRPC_CODES, HEIGHT_HEADER } from './wire.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RestRequest {
  /** Path below the endpoint, starting with "/". */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Ask for this block height (`x-cosmos-block-height`). */
  height?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface RestResponse {
  body: unknown;
  /** The height the node answered at, when it said. */
  height: number | undefined;
  url: string;
}

export class RestTransport {
  /** HTTP requests sent, for request-count measurements. */
  requests = 0;
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
    let lastError: IcsError | undefined;
    for (let attempt = 0; attempt < endpoints.length; attempt++) {
      const index = (this.preferred + attempt) % endpoints.length;
      throwIfAborted(request.signal);
      try {
        const response = await this.limiter.run(() => this.once(endpoints[index]!, request));
        this.preferred = index;
        return response;
      } catch (error) {
        if (!(error instanceof IcsError) || !shouldFailOver(error)) throw error;
        lastError = error;
      }
    }
    if (lastError && endpoints.length > 1) {
      throw new IcsError(lastError.kind, `${lastError.message} (all ${endpoints.length} endpoints failed)`, {
        url: lastError.url,
        status: lastError.status,
        cause: lastError,
      });
    }
    throw lastError ?? new IcsError('network', 'No REST endpoint is configured.');
  }

  private async once(endpoint: string, request: RestRequest): Promise<RestResponse> {
    throwIfAborted(request.signal);
    const url = endpoint + request.path + queryString(request.query);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.height !== undefined) headers[HEIGHT_HEADER] = String(request.height);
    try {
      this.requests++;
      let response: Response;
      try {
        response = await this.fetchFn(url, { headers, signal: controller.signal });
      } catch (cause) {
        throw this.failure(cause, url, timedOut, request.signal);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw this.failure(cause, url, timedOut, request.signal);
      }
      // A node's gateway forwards the gRPC header as grpc-metadata-…; proxies may pass it plain.
      const height = parseHeight(response.headers.get(`grpc-metadata-${HEIGHT_HEADER}`) ?? response.headers.get(HEIGHT_HEADER));
      if (!response.ok) throw httpError(response.status, text, url, request.height);
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

  private failure(cause: unknown, url: string, timedOut: boolean, signal: AbortSignal | undefined): IcsError {
    if (signal?.aborted) return abortError();
    if (timedOut) {
      return new IcsError('timeout', `The node at ${origin(url)} did not answer within ${this.config.timeoutMs / 1000} s.`, {
        url,
        cause,
      });
    }
    return new IcsError('network', `Could not reach ${origin(url)}. Check the address and that the node allows this page (CORS).`, {
      url,
      cause,
    });
  }
}

function shouldFailOver(error: IcsError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  // 501 is the node's real answer that a route does not exist there; other 5xx are the node's trouble.
  return error.kind === 'http' && error.status !== undefined && error.status >= 500 && error.status !== 501;
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

function httpError(status: number, text: string, url: string, height: number | undefined): IcsError {
  const grpc = gatewayError(text);
  const options = { url, status, grpcCode: grpc?.code };
  const said = grpc?.message ? `: ${grpc.message}` : '';
  if (grpc && height !== undefined && /version does not exist|height in the future|invalid height|pruned/i.test(grpc.message)) {
    return new IcsError('height-unavailable', `The node at ${origin(url)} cannot answer at height ${height}${said}`, options);
  }
  if (status === 404 || grpc?.code === GRPC_CODES.NOT_FOUND) {
    return new IcsError('not-found', `Not found at ${origin(url)}${said || ` (${routeOf(new URL(url).pathname)})`}`, options);
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
