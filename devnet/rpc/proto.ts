/**
 * Small protobuf helpers for the hand-written ICS query codecs: a writer that follows proto3's
 * rules (default values left out, non-nullable embedded messages always written, fields in
 * number order as the callers call them) and a reader of a request's fields by number.
 */
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';

/**
 * A gRPC query the devnet answers over ABCI: the request's bytes → the REST path (and query
 * string) that answers it, and the encoder of that route's JSON as the protobuf response.
 */
export interface AbciQuery {
  rest(request: Uint8Array): { path: string; query?: URLSearchParams };
  encode(body: Record<string, unknown>): Uint8Array;
}

const VARINT = 0;
const LENGTH_DELIMITED = 2;

export class ProtoWriter {
  private readonly w = BinaryWriter.create();

  string(no: number, value: string): this {
    if (value !== '') this.w.uint32((no << 3) | LENGTH_DELIMITED).string(value);
    return this;
  }

  strings(no: number, values: readonly string[]): this {
    // Repeated strings are written even when empty strings (each element is present).
    for (const v of values) this.w.uint32((no << 3) | LENGTH_DELIMITED).string(v);
    return this;
  }

  bytes(no: number, value: Uint8Array): this {
    if (value.length > 0) this.w.uint32((no << 3) | LENGTH_DELIMITED).bytes(value);
    return this;
  }

  int64(no: number, value: bigint | string | number): this {
    const v = BigInt(value);
    if (v !== 0n) this.w.uint32((no << 3) | VARINT).int64(v);
    return this;
  }

  uint64(no: number, value: bigint | string | number): this {
    const v = BigInt(value);
    if (v !== 0n) this.w.uint32((no << 3) | VARINT).uint64(v);
    return this;
  }

  uint32(no: number, value: number): this {
    if (value !== 0) this.w.uint32((no << 3) | VARINT).uint32(value);
    return this;
  }

  int32(no: number, value: number): this {
    if (value !== 0) this.w.uint32((no << 3) | VARINT).int32(value);
    return this;
  }

  bool(no: number, value: boolean): this {
    if (value) this.w.uint32((no << 3) | VARINT).bool(true);
    return this;
  }

  /** An embedded message; gogoproto non-nullable fields are written even when empty. */
  message(no: number, build: (p: ProtoWriter) => void): this {
    const sub = new ProtoWriter();
    build(sub);
    this.w.uint32((no << 3) | LENGTH_DELIMITED).bytes(sub.finish());
    return this;
  }

  /** Bytes another codec produced (e.g. a cosmjs-types message) as an embedded message. */
  encoded(no: number, bytes: Uint8Array): this {
    this.w.uint32((no << 3) | LENGTH_DELIMITED).bytes(bytes);
    return this;
  }

  finish(): Uint8Array {
    return this.w.finish();
  }
}

/** A request's fields: length-delimited as bytes, varints as bigint (repeated values in order). */
export function readFields(bytes: Uint8Array): Map<number, Array<Uint8Array | bigint>> {
  const reader = new BinaryReader(bytes);
  const fields = new Map<number, Array<Uint8Array | bigint>>();
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const no = tag >>> 3;
    let value: Uint8Array | bigint;
    if ((tag & 7) === LENGTH_DELIMITED) value = reader.bytes();
    else if ((tag & 7) === VARINT) value = reader.uint64();
    else {
      reader.skipType(tag & 7);
      continue;
    }
    fields.set(no, [...(fields.get(no) ?? []), value]);
  }
  return fields;
}

export function fieldString(fields: Map<number, Array<Uint8Array | bigint>>, no: number): string {
  const v = fields.get(no)?.at(-1);
  return v instanceof Uint8Array ? new TextDecoder().decode(v) : '';
}

export function fieldBytes(fields: Map<number, Array<Uint8Array | bigint>>, no: number): Uint8Array | undefined {
  const v = fields.get(no)?.at(-1);
  return v instanceof Uint8Array ? v : undefined;
}

export function fieldVarint(fields: Map<number, Array<Uint8Array | bigint>>, no: number): bigint {
  const v = fields.get(no)?.at(-1);
  return typeof v === 'bigint' ? v : 0n;
}

/** RFC 3339 → google.protobuf.Timestamp fields (the gateway JSON's times back to seconds and nanos). */
export function timestampParts(text: string): { seconds: bigint; nanos: number } {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!match) throw new Error(`not an RFC 3339 UTC time: ${text}`);
  const [year, rest] = [Number(match[1]!.slice(0, 4)), match[1]!.slice(4)];
  // Date handles years 1..9999 only through setUTCFullYear (so year 1 is not read as 1901).
  const date = new Date(`2000${rest}Z`);
  date.setUTCFullYear(year);
  const millis = BigInt(date.getTime());
  const seconds = millis >= 0n ? millis / 1000n : -((-millis + 999n) / 1000n);
  return { seconds, nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

export function writeTimestamp(p: ProtoWriter, text: string): void {
  const { seconds, nanos } = timestampParts(text);
  p.int64(1, seconds).int32(2, nanos);
}

/** "1728000s" or "9223372036.854775807s" → google.protobuf.Duration fields. */
export function durationParts(text: string): { seconds: bigint; nanos: number } {
  const match = /^(-?\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  if (!match) throw new Error(`not a JSON duration: ${text}`);
  return { seconds: BigInt(match[1]!), nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

export function writeDuration(p: ProtoWriter, text: string): void {
  const { seconds, nanos } = durationParts(text);
  p.int64(1, seconds).int32(2, nanos);
}
