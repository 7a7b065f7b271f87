/**
 * SDK pagination over an ordered list: `pagination.key` (an opaque key this node handed out as
 * `next_key`), `offset`, `limit` (default 100), `count_total`, `reverse`, with the SDK's rules.
 */
import { GrpcError } from './http.js';

export interface Page<T> {
  items: T[];
  pagination: { next_key: string | null; total: string };
}

const DEFAULT_LIMIT = 100;

export function paginate<T>(all: readonly T[], keyOf: (item: T) => string, query: URLSearchParams): Page<T> {
  const key = query.get('pagination.key');
  const offsetText = query.get('pagination.offset');
  const limitText = query.get('pagination.limit');
  // As the SDK: without a limit (or limit 0) it counts the total anyway.
  const countTotal = query.get('pagination.count_total') === 'true' || !limitText || limitText === '0';
  const reverse = query.get('pagination.reverse') === 'true';
  if (key && offsetText && offsetText !== '0') throw new GrpcError(3, 'invalid request, either offset or key is expected, got both');
  const limit = limitText ? parseUint(limitText, 'limit') : DEFAULT_LIMIT;
  const list = reverse ? [...all].reverse() : [...all];
  let start: number;
  if (key) {
    const wanted = decodeKey(key);
    start = list.findIndex((item) => keyOf(item) === wanted);
    if (start < 0) start = list.length;
  } else {
    start = offsetText ? parseUint(offsetText, 'offset') : 0;
  }
  const end = Math.min(list.length, start + (limit === 0 ? DEFAULT_LIMIT : limit));
  const items = list.slice(start, end);
  const next = end < list.length ? encodeKey(keyOf(list[end]!)) : null;
  return { items, pagination: { next_key: next, total: countTotal && !key ? String(list.length) : '0' } };
}

function parseUint(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new GrpcError(3, `strconv.ParseUint: parsing "${text}": invalid syntax: invalid ${name}`);
  return Number(text);
}

function encodeKey(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64');
}

function decodeKey(key: string): string {
  return Buffer.from(key, 'base64').toString('utf8');
}
