/**
 * Protobuf codecs of the four validator-facing ICS messages, written by hand from the field
 * tables of ics-protocol.md §4 with `cosmjs-types`' `BinaryWriter` / `BinaryReader`, in the
 * shape of a cosmjs `GeneratedType` (`encode`, `decode`, `fromPartial`).
 *
 * Heavy (loads `cosmjs-types`): imported only by the signing chunk (`cosmjs-tx.ts`), the
 * registry and the devnet, never by the read path.
 *
 * Wire rules the chain relies on:
 * - every field is a proto3 string (wire type 2); an empty string is the default and is left out,
 *   which is how the deprecated `chain_id` (always "") disappears from the bytes;
 * - `MsgSetConsumerCommissionRate` numbers `provider_addr` 1 and `chain_id` 2, the others the
 *   other way round;
 * - its `rate` is a gogoproto non-nullable `LegacyDec`: the integer scaled by 10^18, written
 *   even when zero ("0"), as gogo's generated marshaller always writes a non-nullable custom type.
 */
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { IcsError } from '../chain/errors.js';
import type { IcsMessage, MsgAssignConsumerKey, MsgOptIn, MsgOptOut, MsgSetConsumerCommissionRate } from './message-types.js';
import { MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, MSG_OPT_IN_TYPE_URL, MSG_OPT_OUT_TYPE_URL, MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL } from './message-types.js';
import { rateFromWire, rateToWire } from './rate.js';

export * from './message-types.js';

/** Length-delimited: the wire type of strings and bytes. */
const LENGTH_DELIMITED = 2;

/** One string field: its number, its key in the TS object, and how it looks on the wire. */
interface StringField<T> {
  no: number;
  key: keyof T & string;
  /** Always written, even when it equals the default (gogo non-nullable custom types). */
  always?: boolean;
  toWire?: (value: string) => string;
  fromWire?: (wire: string) => string;
}

/** A cosmjs-compatible codec of a message made only of string fields. */
export interface StringMessageCodec<T> {
  readonly typeUrl: string;
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
  fromPartial(object: Partial<T>): T;
}

function stringMessageCodec<T extends object>(typeUrl: string, fields: readonly StringField<T>[], defaults: T): StringMessageCodec<T> {
  const byNumber = new Map(fields.map((f) => [f.no, f]));
  // Encoders write fields in number order, as protoc-generated code does, so bytes are canonical.
  const ordered = [...fields].sort((a, b) => a.no - b.no);
  const name = typeUrl.slice(typeUrl.lastIndexOf('.') + 1);

  function fromPartial(object: Partial<T>): T {
    const message = { ...defaults };
    for (const field of fields) {
      const value = object[field.key];
      if (value !== undefined && value !== null) message[field.key] = String(value) as T[keyof T & string];
    }
    return message;
  }

  return {
    typeUrl,
    fromPartial,
    encode(message, writer = BinaryWriter.create()) {
      const complete = fromPartial(message);
      for (const field of ordered) {
        const value = complete[field.key] as string;
        if (value === '' && !field.always) continue;
        // Tag = field number << 3 | wire type; e.g. field 2 string → 0x12.
        writer.uint32((field.no << 3) | LENGTH_DELIMITED).string(field.toWire ? field.toWire(value) : value);
      }
      return writer;
    },
    decode(input, length) {
      const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
      const end = length === undefined ? reader.len : reader.pos + length;
      const message = { ...defaults };
      while (reader.pos < end) {
        const tag = reader.uint32();
        const field = byNumber.get(tag >>> 3);
        if (!field) {
          reader.skipType(tag & 7);
          continue;
        }
        if ((tag & 7) !== LENGTH_DELIMITED) {
          throw new IcsError('decode', `${name}: field ${field.no} (${field.key}) has wire type ${tag & 7}; a string has 2.`);
        }
        const wire = reader.string();
        message[field.key] = (field.fromWire ? field.fromWire(wire) : wire) as T[keyof T & string];
      }
      return message;
    },
  };
}

/** MsgOptIn and MsgAssignConsumerKey carry the same five fields under the same numbers. */
const CONSUMER_KEY_FIELDS: readonly StringField<MsgOptIn & MsgAssignConsumerKey>[] = [
  { no: 1, key: 'chainId' },
  { no: 2, key: 'providerAddr' },
  { no: 3, key: 'consumerKey' },
  { no: 4, key: 'signer' },
  { no: 5, key: 'consumerId' },
];
const CONSUMER_KEY_DEFAULTS = { chainId: '', providerAddr: '', consumerKey: '', signer: '', consumerId: '' };

export const MsgOptInCodec = stringMessageCodec<MsgOptIn>(MSG_OPT_IN_TYPE_URL, CONSUMER_KEY_FIELDS, CONSUMER_KEY_DEFAULTS);

/** Note: `signer` is 3 and `consumer_id` 4 here, unlike MsgOptIn. */
export const MsgOptOutCodec = stringMessageCodec<MsgOptOut>(
  MSG_OPT_OUT_TYPE_URL,
  [
    { no: 1, key: 'chainId' },
    { no: 2, key: 'providerAddr' },
    { no: 3, key: 'signer' },
    { no: 4, key: 'consumerId' },
  ],
  { chainId: '', providerAddr: '', signer: '', consumerId: '' },
);

export const MsgAssignConsumerKeyCodec = stringMessageCodec<MsgAssignConsumerKey>(MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, CONSUMER_KEY_FIELDS, CONSUMER_KEY_DEFAULTS);

/** `provider_addr` is field 1 and `chain_id` field 2 here; `rate` travels as a 10^18-scaled integer. */
export const MsgSetConsumerCommissionRateCodec = stringMessageCodec<MsgSetConsumerCommissionRate>(
  MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
  [
    { no: 1, key: 'providerAddr' },
    { no: 2, key: 'chainId' },
    { no: 3, key: 'rate', always: true, toWire: rateToWire, fromWire: rateFromWire },
    { no: 4, key: 'signer' },
    { no: 5, key: 'consumerId' },
  ],
  { providerAddr: '', chainId: '', rate: '0.000000000000000000', signer: '', consumerId: '' },
);

/** Type URL → codec, for the registry and for decoding the messages of a tx. */
export const ICS_MESSAGE_CODECS = {
  [MSG_OPT_IN_TYPE_URL]: MsgOptInCodec,
  [MSG_OPT_OUT_TYPE_URL]: MsgOptOutCodec,
  [MSG_ASSIGN_CONSUMER_KEY_TYPE_URL]: MsgAssignConsumerKeyCodec,
  [MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL]: MsgSetConsumerCommissionRateCodec,
} as const;

export type IcsTypeUrl = keyof typeof ICS_MESSAGE_CODECS;

export function isIcsTypeUrl(typeUrl: string): typeUrl is IcsTypeUrl {
  return Object.hasOwn(ICS_MESSAGE_CODECS, typeUrl);
}

/**
 * Decodes one message of a tx body (a protobuf `Any`: type URL and bytes) if it is one of the
 * four ICS messages; undefined for any other type. For the devnet's tx processing.
 */
export function decodeIcsMessage(any: { typeUrl: string; value: Uint8Array }): IcsMessage | undefined {
  switch (any.typeUrl) {
    case MSG_OPT_IN_TYPE_URL:
      return { typeUrl: any.typeUrl, value: MsgOptInCodec.decode(any.value) };
    case MSG_OPT_OUT_TYPE_URL:
      return { typeUrl: any.typeUrl, value: MsgOptOutCodec.decode(any.value) };
    case MSG_ASSIGN_CONSUMER_KEY_TYPE_URL:
      return { typeUrl: any.typeUrl, value: MsgAssignConsumerKeyCodec.decode(any.value) };
    case MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL:
      return { typeUrl: any.typeUrl, value: MsgSetConsumerCommissionRateCodec.decode(any.value) };
    default:
      return undefined;
  }
}

/** Encodes one ICS message to its protobuf bytes (the `value` of its `Any`). */
export function encodeIcsMessage(message: IcsMessage): Uint8Array {
  switch (message.typeUrl) {
    case MSG_OPT_IN_TYPE_URL:
      return MsgOptInCodec.encode(message.value).finish();
    case MSG_OPT_OUT_TYPE_URL:
      return MsgOptOutCodec.encode(message.value).finish();
    case MSG_ASSIGN_CONSUMER_KEY_TYPE_URL:
      return MsgAssignConsumerKeyCodec.encode(message.value).finish();
    case MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL:
      return MsgSetConsumerCommissionRateCodec.encode(message.value).finish();
  }
}
