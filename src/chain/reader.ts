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

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Read at this height instead of the client's pinned height or the latest. */
  height?: number | undefined;
  /** Skip the cache (a load in flight is still shared). */
  fresh?: boolean | undefined;
}

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

  /** One GET, decoded, cached under its path, query and height. */
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
    return this.cache.get(
      key,
      async (signal) => {
        const response = await this.fetch(path, query, height, signal, mapError);
        return { value: decode(response.body, new Path(path)), height: response.height ?? height };
      },
      options.signal,
      height !== undefined,
    );
  }

  /**
   * Every item of a paginated list. Later pages are read at the height of the first, so a list
   * is never torn across two blocks.
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
    const key = cacheKey(path, { ...query, all: 'pages' }, pinned);
    if (options.fresh) this.cache.invalidate((k) => k === key);
    return this.cache.get(
      key,
      async (signal) => {
        const items: T[] = [];
        let height = pinned;
        let nextKey: string | undefined;
        const seen = new Set<string>();
        for (let page = 0; page < MAX_PAGES; page++) {
          const pageQuery: Record<string, string> = { ...query, 'pagination.limit': String(this.config.pageLimit) };
          if (nextKey) pageQuery['pagination.key'] = nextKey;
          const response = await this.fetch(path, pageQuery, height, signal, mapError);
          height ??= response.height;
          const body = fields(response.body, new Path(path));
          items.push(...body.list(listField, decodeItem));
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
      },
      options.signal,
      pinned !== undefined,
    );
  }

  private async fetch(
    path: string,
    query: Record<string, string> | undefined,
    height: number | undefined,
    signal: AbortSignal,
    mapError: ((error: IcsError) => IcsError) | undefined,
  ): Promise<RestResponse> {
    try {
      return await this.transport.get({ path, query, height, signal });
    } catch (error) {
      if (mapError && error instanceof IcsError) throw mapError(error);
      throw error;
    }
  }
}

function cacheKey(path: string, query: Record<string, string> | undefined, height: number | undefined): string {
  const q = query ? new URLSearchParams(Object.entries(query).sort()).toString() : '';
  return `${path}?${q}@${height ?? 'latest'}`;
}
