/**
 * SDK pagination over a store, as `query.FilteredPaginate` (and `GenericFilteredPaginate`, the
 * same walk) does it in v0.50–v0.53: `pagination.key` (a store key this node handed out as
 * `next_key`, base64), `offset`, `limit` (default 100; 0 or none also turns `count_total` on),
 * `count_total`, `reverse`.
 *
 * The walk is over every stored entry in key order; the filter decides which are hits:
 * * with a key: start at the first stored key >= it, take hits until `limit` of them, and
 *   `next_key` is the key of the next stored entry, whatever it holds (a hit or not; so a later page
 *   may hold fewer hits than `limit`, even none); no total;
 * * with an offset: skip `offset` hits, take `limit`, and `next_key` is the key of the first hit
 *   after the page; `total` (when counted) is the number of hits in the whole store.
 * Reverse with a key starts at the first stored key >= it and walks down (the SDK's iterator ends
 * just after that entry).
 */
import { GrpcError } from './http.js';

export interface Page<T> {
  items: T[];
  pagination: { next_key: string | null; total: string };
}

const DEFAULT_LIMIT = 100;

export function filteredPaginate<T>(stored: readonly T[], storeKey: (item: T) => Uint8Array, isHit: (item: T) => boolean, query: URLSearchParams): Page<T> {
  const keyText = query.get('pagination.key');
  const offsetText = query.get('pagination.offset');
  const limitText = query.get('pagination.limit');
  const offset = offsetText ? parseUint(offsetText, 'offset') : 0;
  let limit = limitText ? parseUint(limitText, 'limit') : 0;
  let countTotal = query.get('pagination.count_total') === 'true';
  const reverse = query.get('pagination.reverse') === 'true';
  // As the SDK: an empty key is no key.
  const decoded = keyText ? Buffer.from(keyText, 'base64') : undefined;
  const key = decoded && decoded.length > 0 ? decoded : undefined;
  if (offset > 0 && key) throw new GrpcError(3, 'invalid request, either offset or key is expected, got both');
  if (limit === 0) {
    limit = DEFAULT_LIMIT;
    countTotal = true;
  }

  const entries = stored.map((item) => ({ item, key: Buffer.from(storeKey(item)) })).sort((a, b) => Buffer.compare(a.key, b.key));
  let walk: typeof entries;
  if (!reverse) {
    walk = key ? entries.filter((e) => Buffer.compare(e.key, key) >= 0) : entries;
  } else {
    // ReverseIterator(nil, end): end is the key after the first key >= start (none: to the last entry).
    const first = key ? entries.findIndex((e) => Buffer.compare(e.key, key) >= 0) : -1;
    const end = first >= 0 && first + 1 < entries.length ? first + 1 : entries.length;
    walk = entries.slice(0, end).reverse();
  }

  const items: T[] = [];
  let hits = 0;
  let nextKey: Buffer | undefined;
  if (key) {
    for (const e of walk) {
      if (hits === limit) {
        nextKey = e.key;
        break;
      }
      if (isHit(e.item)) {
        items.push(e.item);
        hits++;
      }
    }
    return { items, pagination: { next_key: nextKey ? nextKey.toString('base64') : null, total: '0' } };
  }
  const end = offset + limit;
  for (const e of walk) {
    if (isHit(e.item)) {
      if (hits >= offset && hits < end) items.push(e.item);
      hits++;
    }
    if (hits === end + 1) {
      nextKey ??= e.key;
      if (!countTotal) break;
    }
  }
  return { items, pagination: { next_key: nextKey ? nextKey.toString('base64') : null, total: countTotal ? String(hits) : '0' } };
}

function parseUint(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new GrpcError(3, `strconv.ParseUint: parsing "${text}": invalid syntax: invalid ${name}`);
  return Number(text);
}

/** The store key of a string id with its length (ICS `StringIdWithLenKey` without its prefix byte): uint64 big-endian length, then the id. */
export function stringIdWithLenKey(id: string): Uint8Array {
  const text = Buffer.from(id, 'utf8');
  const out = Buffer.alloc(8 + text.length);
  out.writeBigUInt64BE(BigInt(text.length));
  text.copy(out, 8);
  return out;
}

/** The store key of an address with its length (`address.MustLengthPrefix`): one length byte, then the bytes. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([bytes.length, ...bytes]);
}
