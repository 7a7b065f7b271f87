/**
 * Cached, deduplicated reads of decoded JSON, and lists followed through every page. The unit
 * the query modules build on: one place decides cache keys, heights and pagination.
 */
import type { ProviderConfig } from './config.js';
import { RequestCache } from './cache.js';
import type { FetchLike, RestResponse } from './transport.js';
import { RestTransport } from './transport.js';
import { Path, fields } from './decode.js';
import { IcsError } from './errors.js';
import { mapInSlices } from './tasks.js';
import type { WaitWatch, Waiting } from './waits.js';
import { routeWords, seconds } from './waits.js';

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Read at this height instead of the client's pinned height or the latest. */
  height?: number | undefined;
  /** Skip the cache (a load in flight is still shared). */
  fresh?: boolean | undefined;
  /**
   * Give up at this time (`Date.now()` scale) with a `timeout` error. Unset: `timeoutMs` from
   * the call. Pass one deadline to several reads to bound them together.
   */
  deadline?: number | undefined;
  /** Collects what the read is waiting on, to say so while it waits. */
  watch?: WaitWatch | undefined;
}

/** A waiter whose deadline passed gives the load this long to fail in its own words first. */
const DEADLINE_GRACE_MS = 200;

export interface Read<T> {
  value: T;
  /** Height the node answered at, when it said. */
  height: number | undefined;
}

/** Upper bound on pages, so a node that keeps sending a next_key cannot loop a page forever. */
const MAX_PAGES = 1000;

export class Reader {
  readonly transport: RestTransport;
  readonly cache: RequestCache;

  constructor(
    readonly config: ProviderConfig,
    fetchFn?: FetchLike,
  ) {
    this.transport = new RestTransport(config, fetchFn);
    this.cache = new RequestCache(config.cacheTtlMs);
  }

  /**
   * One GET, decoded, cached under its path, query and height. The cache keeps the raw body and
   * each caller decodes it, so two readers of one route with different decoders (ICS detection
   * and `providerParams`, say) share the request but never each other's decoded value.
   */
  async get<T>(
    path: string,
    decode: (body: unknown, path: Path) => T,
    options: ReadOptions = {},
    query?: Record<string, string>,
    mapError?: (error: IcsError) => IcsError,
  ): Promise<Read<T>> {
    const height = options.height ?? this.config.height;
    const key = cacheKey(path, query, height);
    if (options.fresh) this.cache.invalidate((k) => k === key);
    const raw = await this.bounded(key, path, options, mapError, (signal, deadline) =>
      this.cache.get(
        key,
        (loadSignal) =>
          this.tracked(key, async (): Promise<Read<unknown>> => {
            const response = await this.fetch(key, path, query, height, loadSignal, deadline);
            return { value: response.body, height: response.height ?? height };
          }),
        signal,
        height !== undefined,
      ),
    );
    return { value: decode(raw.value, new Path(path)), height: raw.height };
  }

  /**
   * Every item of a paginated list. Later pages are read at the height of the first, so a list
   * is never torn across two blocks. The cache keeps the raw items; each caller decodes them.
   */
  async getAll<T>(
    path: string,
    listField: string,
    decodeItem: (item: unknown, path: Path) => T,
    options: ReadOptions = {},
    query: Record<string, string> = {},
    mapError?: (error: IcsError) => IcsError,
  ): Promise<Read<T[]>> {
    const pinned = options.height ?? this.config.height;
    const key = cacheKey(path, { ...query, all: listField }, pinned);
    if (options.fresh) this.cache.invalidate((k) => k === key);
    const raw = await this.bounded(key, path, options, mapError, (signal, deadline) =>
      this.cache.get(
        key,
        (loadSignal) => this.tracked(key, () => this.allPages(key, path, listField, query, pinned, loadSignal, deadline)),
        signal,
        pinned !== undefined,
      ),
    );
    const listPath = new Path(path).field(listField);
    // A long list (500 validators) decodes a slice per task, so no one task runs long.
    return { value: await mapInSlices(raw.value, (item, i) => decodeItem(item, listPath.index(i)), options.signal), height: raw.height };
  }

  private async allPages(
    key: string,
    path: string,
    listField: string,
    query: Record<string, string>,
    pinned: number | undefined,
    signal: AbortSignal,
    deadline: number,
  ): Promise<Read<unknown[]>> {
    const items: unknown[] = [];
    let height = pinned;
    let nextKey: string | undefined;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES; page++) {
      const pageQuery: Record<string, string> = { ...query, 'pagination.limit': String(this.config.pageLimit) };
      if (nextKey) pageQuery['pagination.key'] = nextKey;
      const response = await this.fetch(key, path, pageQuery, height, signal, deadline);
      height ??= response.height;
      const body = fields(response.body, new Path(path));
      items.push(...body.list(listField, (item) => item));
      const pagination = body.message('pagination', (v, p) => fields(v, p).obj, true);
      const next = pagination?.next_key;
      if (next === null || next === undefined || next === '') return { value: items, height };
      const text = typeof next === 'string' ? next : new Path(path).field('pagination').field('next_key').fail('a string or null', next);
      if (seen.has(text)) {
        throw new IcsError('decode', `The node at ${new URL(response.url).origin} sent the same page key twice for ${path}.`);
      }
      seen.add(text);
      nextKey = text;
    }
    throw new IcsError('decode', `${path} has more than ${MAX_PAGES} pages; stopped reading.`);
  }

  /**
   * Runs `wait` (a cache read) under the caller's deadline: a caller that joined a slower load
   * still gets its answer, or a `timeout` error naming what it waited on, by its own deadline.
   * The deadline also bounds the load this caller starts.
   */
  private async bounded<T>(
    key: string,
    path: string,
    options: ReadOptions,
    mapError: ((error: IcsError) => IcsError) | undefined,
    wait: (signal: AbortSignal, deadline: number) => Promise<T>,
  ): Promise<T> {
    const deadline = options.deadline ?? this.deadline();
    const controller = new AbortController();
    let expired = false;
    const timer = setTimeout(
      () => {
        expired = true;
        controller.abort();
      },
      Math.max(0, deadline - Date.now()) + DEADLINE_GRACE_MS,
    );
    const onAbort = () => controller.abort();
    if (options.signal?.aborted) controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const unwatch = options.watch?.add(() => this.waiting.get(key));
    try {
      return await mapped(wait(controller.signal, deadline), mapError);
    } catch (error) {
      if (expired && !options.signal?.aborted && error instanceof IcsError && error.kind === 'aborted') {
        const waiting = this.waiting.get(key);
        const where = waiting ? `The node at ${waiting.origin}` : 'The node';
        throw new IcsError('timeout', `${where} did not answer within ${seconds(this.config.timeoutMs)} s (${routeWords(path)}).`, {
          cause: error,
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      unwatch?.();
    }
  }

  /** A deadline `timeoutMs` from now, to share between the reads of one logical load. */
  deadline(): number {
    return Date.now() + this.config.timeoutMs;
  }

  /** The attempt each load in flight is on, by cache key, for `WaitWatch`. */
  private readonly waiting = new Map<string, Waiting>();

  private async tracked<T>(key: string, load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } finally {
      this.waiting.delete(key);
    }
  }

  private fetch(
    key: string,
    path: string,
    query: Record<string, string> | undefined,
    height: number | undefined,
    signal: AbortSignal,
    deadline: number,
  ): Promise<RestResponse> {
    const what = routeWords(path);
    const onAttempt = (url: string) => this.waiting.set(key, { origin: new URL(url).origin, what, since: Date.now() });
    return this.transport.get({ path, query, height, signal, deadline, onAttempt });
  }
}

/** Applies a caller's error mapping outside the shared load, so each caller maps in its own terms. */
async function mapped<T>(promise: Promise<T>, mapError: ((error: IcsError) => IcsError) | undefined): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (mapError && error instanceof IcsError) throw mapError(error);
    throw error;
  }
}

function cacheKey(path: string, query: Record<string, string> | undefined, height: number | undefined): string {
  const q = query ? new URLSearchParams(Object.entries(query).sort()).toString() : '';
  return `${path}?${q}@${height ?? 'latest'}`;
}
