/**
 * Read cache with a time to live and in-flight dedupe: ten elements asking for the same list at
 * once make one request. A shared load is aborted only when every caller waiting on it has
 * aborted, so one element leaving the page does not fail the others. Errors are not cached.
 */
import { IcsError } from './errors.js';

interface Fresh {
  value: unknown;
  expires: number;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export interface CacheStats {
  /** Loads started (each may be one or several HTTP requests). */
  loads: number;
  /** Calls answered from a fresh entry. */
  hits: number;
  /** Calls that joined a load already in flight. */
  joined: number;
}

/** Entries pinned to a past height never change; they stay until evicted by size. */
const FOREVER = Number.POSITIVE_INFINITY;
const MAX_ENTRIES = 500;

export class RequestCache {
  private readonly fresh = new Map<string, Fresh>();
  private readonly inFlight = new Map<string, InFlight>();
  readonly stats: CacheStats = { loads: 0, hits: 0, joined: 0 };

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The value for `key`: fresh from the cache, joined to a load in flight, or loaded now.
   * @param immutable true for reads pinned to a past height
   */
  async get<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, immutable = false): Promise<T> {
    throwIfAborted(signal);
    const hit = this.fresh.get(key);
    if (hit && hit.expires > this.now()) {
      this.stats.hits++;
      return hit.value as T;
    }
    let flight = this.inFlight.get(key);
    // A load every earlier waiter abandoned is aborted but still listed until its rejection
    // settles: a new caller starts its own load rather than join one that can only fail.
    if (flight && !flight.controller.signal.aborted) {
      this.stats.joined++;
    } else {
      flight = this.start(key, load, immutable);
    }
    return this.wait(flight, signal) as Promise<T>;
  }

  /** Drops entries whose key satisfies the predicate (all when none), e.g. after a transaction. */
  invalidate(predicate: (key: string) => boolean = () => true): void {
    for (const key of [...this.fresh.keys()]) if (predicate(key)) this.fresh.delete(key);
  }

  private start<T>(key: string, load: (signal: AbortSignal) => Promise<T>, immutable: boolean): InFlight {
    this.stats.loads++;
    const controller = new AbortController();
    const flight: InFlight = { promise: Promise.resolve(), controller, waiters: 0 };
    flight.promise = load(controller.signal).then(
      (value) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        if (immutable || this.ttlMs > 0) {
          this.fresh.set(key, { value, expires: immutable ? FOREVER : this.now() + this.ttlMs });
          this.evict();
        }
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        throw error;
      },
    );
    // A load every waiter abandoned must not surface as an unhandled rejection.
    flight.promise.catch(() => undefined);
    this.inFlight.set(key, flight);
    return flight;
  }

  private wait(flight: InFlight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        flight.waiters--;
        if (flight.waiters === 0) flight.controller.abort(signal.reason);
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private evict(): void {
    while (this.fresh.size > MAX_ENTRIES) {
      const oldest = this.fresh.keys().next().value;
      if (oldest === undefined) break;
      this.fresh.delete(oldest);
    }
  }
}

export function abortError(): IcsError {
  return new IcsError('aborted', 'The request was cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
