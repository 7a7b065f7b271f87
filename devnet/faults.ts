/**
 * Injected failures, so clients and elements can be tested against a misbehaving node: HTTP
 * errors, answers that never come, truncated JSON, JSON of the wrong shape, dropped sockets.
 */
export const FAULT_MODES = ['error', 'timeout', 'malformed-json', 'wrong-shape', 'reset'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultConfig {
  mode?: FaultMode;
  /** HTTP status for 'error' (default 500; the body is a gateway error with gRPC code 13). */
  status?: number;
  /** Only requests whose path starts with this (default: every non-control path). */
  pathPrefix?: string;
  /** Only the next N matching requests (default: until cleared). */
  times?: number;
  /** Extra latency for matching requests, in ms. */
  latencyMs?: number;
  /**
   * Only requests to this host name (the `Host` header without its port), so one devnet can be
   * a failing endpoint as "localhost" and a healthy one as "127.0.0.1".
   */
  host?: string;
  /** A `Retry-After` header (seconds or an HTTP date) on 'error' answers, e.g. with status 429. */
  retryAfter?: string;
}

export class Faults {
  private config: FaultConfig | null = null;
  private remaining = Number.POSITIVE_INFINITY;

  set(config: FaultConfig | null): void {
    this.config = config;
    this.remaining = config?.times ?? Number.POSITIVE_INFINITY;
  }

  /** The fault for this request, if any (counting it against `times`). */
  take(path: string, host?: string): FaultConfig | undefined {
    const config = this.config;
    if (!config || this.remaining <= 0) return undefined;
    if (config.pathPrefix && !path.startsWith(config.pathPrefix)) return undefined;
    if (config.host !== undefined && hostName(host) !== config.host) return undefined;
    this.remaining--;
    return config;
  }
}

/** "localhost:1317" -> "localhost", "[::1]:1317" -> "::1". */
function hostName(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  return bracketed ? bracketed[1] : host.replace(/:\d+$/, '');
}

/**
 * The same data with every integer string turned into a number: what a careless proxy or JSON
 * re-serializer does to int64 fields, and what strict decoders must refuse.
 */
export function wrongShape(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (Array.isArray(value)) return value.map(wrongShape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongShape(v)]));
  }
  return value;
}
