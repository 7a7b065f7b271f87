/**
 * Strict decoding of JSON from a node. Each reader checks one field and names the path in its
 * error ("chains[3].top_N should be a number"), so a malformed or unexpected body becomes an
 * `IcsError('decode')` a person can act on, never a crash and never a silently wrong number.
 *
 * Missing fields that a later ICS or SDK release added are read with their proto default when
 * the reader is given one (`optional`); a field that is present with the wrong type is an error.
 */
import { IcsError } from './errors.js';

/** Where a value sits in the body, for error messages. */
export class Path {
  constructor(
    readonly route: string,
    readonly segments: readonly string[] = [],
  ) {}

  field(name: string): Path {
    return new Path(this.route, [...this.segments, this.segments.length === 0 ? name : `.${name}`]);
  }

  index(i: number): Path {
    return new Path(this.route, [...this.segments, `[${i}]`]);
  }

  fail(expected: string, got: unknown): never {
    const where = this.segments.length > 0 ? `field "${this.segments.join('')}"` : 'the body';
    throw new IcsError('decode', `Unexpected response from ${this.route}: ${where} should be ${expected}, got ${describe(got)}.`, { url: this.route });
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `a string "${value.slice(0, 37)}…"` : `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export type Json = Record<string, unknown>;

export function object(value: unknown, path: Path): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) path.fail('an object', value);
  return value as Json;
}

/** Reads `obj[name]`; when absent and a fallback is given, returns the fallback (a newer field). */
function read<T>(obj: Json, name: string, path: Path, reader: (v: unknown, p: Path) => T, fallback?: () => T): T {
  const value = obj[name];
  if (value === undefined && fallback) return fallback();
  return reader(value, path.field(name));
}

export function string(value: unknown, path: Path): string {
  if (typeof value !== 'string') path.fail('a string', value);
  return value;
}

/**
 * `bytes` fields: base64 text. The gateway marshals through Go's encoding/json, which writes a
 * nil byte slice as `null` (empty bytes from the store come back nil), so `null` reads as empty ("").
 */
export function bytes(value: unknown, path: Path): string {
  if (value === null) return '';
  if (typeof value !== 'string') path.fail('a base64 string or null', value);
  return value;
}

export function boolean(value: unknown, path: Path): boolean {
  if (typeof value !== 'boolean') path.fail('true or false', value);
  return value;
}

/** uint32 / int32 fields: JSON numbers. */
export function uint32(value: unknown, path: Path): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    path.fail('a whole number', value);
  }
  return value;
}

const INT_PATTERN = /^-?\d{1,40}$/;

/** int64 / uint64 / cosmos.Int fields: integer strings, read as bigint. */
export function bigInteger(value: unknown, path: Path): bigint {
  if (typeof value !== 'string' || !INT_PATTERN.test(value)) path.fail('an integer string', value);
  return BigInt(value);
}

/** int64 counts and heights that fit a JS number exactly. */
export function safeInteger(value: unknown, path: Path): number {
  const big = bigInteger(value, path);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    path.fail('an integer below 2^53', value);
  }
  return Number(big);
}

const DEC_PATTERN = /^-?\d{1,40}(\.\d{1,18})?$/;

/** LegacyDec fields: decimal strings such as "0.050000000000000000". Kept as text, checked. */
export function decimal(value: unknown, path: Path): string {
  if (typeof value !== 'string' || !DEC_PATTERN.test(value)) path.fail('a decimal string', value);
  return value;
}

/** RFC 3339 timestamps. The zero time ("0001-01-01T00:00:00Z") reads as undefined: "not set". */
export function timestamp(value: unknown, path: Path): Date | undefined {
  const text = string(value, path);
  if (text.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) path.fail('an RFC 3339 time', value);
  return new Date(ms);
}

/** Protobuf Duration in JSON ("600s", "9223372036.854775807s"), read as seconds. */
export function durationSeconds(value: unknown, path: Path): number {
  const text = string(value, path);
  const match = /^(-?\d+(?:\.\d{1,9})?)s$/.exec(text);
  if (!match) path.fail('a duration such as "600s"', value);
  return Number(match[1]);
}

export function array<T>(value: unknown, path: Path, item: (v: unknown, p: Path) => T): T[] {
  if (!Array.isArray(value)) path.fail('a list', value);
  return value.map((v, i) => item(v, path.index(i)));
}

/** A reader for an object's fields, with the path handled. */
export function fields(value: unknown, path: Path) {
  const obj = object(value, path);
  return {
    obj,
    string: (name: string, fallback?: string) => read(obj, name, path, string, opt(fallback)),
    /** A bytes field: base64 text, `null` read as "". */
    bytes: (name: string, fallback?: string) => read(obj, name, path, bytes, opt(fallback)),
    boolean: (name: string, fallback?: boolean) => read(obj, name, path, boolean, opt(fallback)),
    uint32: (name: string, fallback?: number) => read(obj, name, path, uint32, opt(fallback)),
    bigInteger: (name: string, fallback?: bigint) => read(obj, name, path, bigInteger, opt(fallback)),
    safeInteger: (name: string, fallback?: number) => read(obj, name, path, safeInteger, opt(fallback)),
    decimal: (name: string, fallback?: string) => read(obj, name, path, decimal, opt(fallback)),
    timestamp: (name: string) => read(obj, name, path, timestamp),
    duration: (name: string, fallback?: number) => read(obj, name, path, durationSeconds, opt(fallback)),
    strings: (name: string, fallback?: string[]) => read(obj, name, path, (v, p) => array(v, p, string), opt(fallback)),
    /** A nested message; `null` and (when allowed) a missing one read as undefined. */
    message: <T>(name: string, reader: (v: unknown, p: Path) => T, allowMissing = false): T | undefined => {
      const v = obj[name];
      if (v === null || (v === undefined && allowMissing)) return undefined;
      return reader(v, path.field(name));
    },
    list: <T>(name: string, reader: (v: unknown, p: Path) => T, allowMissing = false): T[] => {
      const v = obj[name];
      if (v === undefined && allowMissing) return [];
      return array(v, path.field(name), reader);
    },
  };
}

function opt<T>(fallback: T | undefined): (() => T) | undefined {
  return fallback === undefined ? undefined : () => fallback;
}
