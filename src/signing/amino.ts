/**
 * Amino JSON converters of the four ICS messages, for Ledger signing (experimental: reasoned
 * from cosmos-sdk x/tx, not yet proven on a chain; ics-protocol.md §4.9).
 *
 * ICS registers no amino names, and x/tx (>= 0.12) then uses the type URL as the amino type.
 * Values use the proto field names (snake_case), leave out empty fields (x/tx's default
 * omitempty; so the deprecated `chain_id` never appears) and write `rate` as an 18-place
 * decimal ("0.050000000000000000"), as x/tx renders a `cosmos.Dec` since v0.13.6.
 * Keys are written sorted; cosmjs sorts them again when it serializes the sign doc.
 */
import type { AminoConverter, AminoConverters } from '@cosmjs/stargate';
import type { IcsMessage, MsgAssignConsumerKey, MsgOptIn, MsgOptOut, MsgSetConsumerCommissionRate } from './message-types.js';
import { MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, MSG_OPT_IN_TYPE_URL, MSG_OPT_OUT_TYPE_URL, MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL } from './message-types.js';
import { rateToDecimal18 } from './rate.js';

export interface AminoMsgOptIn {
  consumer_id?: string;
  consumer_key?: string;
  provider_addr?: string;
  signer?: string;
}

export interface AminoMsgOptOut {
  consumer_id?: string;
  provider_addr?: string;
  signer?: string;
}

export type AminoMsgAssignConsumerKey = AminoMsgOptIn;

export interface AminoMsgSetConsumerCommissionRate {
  consumer_id?: string;
  provider_addr?: string;
  rate: string;
  signer?: string;
}

/** Sorted keys, empty strings left out (chain_id is always "", so never written). */
function compact<T extends object>(entries: Record<string, string>): T {
  const out: Record<string, string> = {};
  for (const key of Object.keys(entries).sort()) {
    const value = entries[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as T;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A converter with typed sides; cosmjs's own `AminoConverter` is typed with `any`. */
function converter<P, A>(aminoType: string, toAmino: (value: P) => A, fromAmino: (value: A) => P): AminoConverter {
  return { aminoType, toAmino, fromAmino };
}

/** MsgOptIn and MsgAssignConsumerKey carry the same fields, so their amino sides are the same too. */
function consumerKeyToAmino(v: MsgOptIn | MsgAssignConsumerKey): AminoMsgOptIn {
  return compact({ consumer_id: v.consumerId, consumer_key: v.consumerKey, provider_addr: v.providerAddr, signer: v.signer });
}

function consumerKeyFromAmino(a: AminoMsgOptIn): MsgOptIn & MsgAssignConsumerKey {
  return {
    chainId: '',
    providerAddr: text(a.provider_addr),
    consumerKey: text(a.consumer_key),
    signer: text(a.signer),
    consumerId: text(a.consumer_id),
  };
}

export const optInAminoConverter = converter<MsgOptIn, AminoMsgOptIn>(MSG_OPT_IN_TYPE_URL, consumerKeyToAmino, consumerKeyFromAmino);

export const optOutAminoConverter = converter<MsgOptOut, AminoMsgOptOut>(
  MSG_OPT_OUT_TYPE_URL,
  (v) => compact({ consumer_id: v.consumerId, provider_addr: v.providerAddr, signer: v.signer }),
  (a) => ({ chainId: '', providerAddr: text(a.provider_addr), signer: text(a.signer), consumerId: text(a.consumer_id) }),
);

export const assignConsumerKeyAminoConverter = converter<MsgAssignConsumerKey, AminoMsgAssignConsumerKey>(
  MSG_ASSIGN_CONSUMER_KEY_TYPE_URL,
  consumerKeyToAmino,
  consumerKeyFromAmino,
);

export const setConsumerCommissionRateAminoConverter = converter<MsgSetConsumerCommissionRate, AminoMsgSetConsumerCommissionRate>(
  MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
  (v) =>
    compact({
      consumer_id: v.consumerId,
      provider_addr: v.providerAddr,
      // The rate is always present: a zero LegacyDec is still a set field on the wire.
      rate: rateToDecimal18(v.rate === '' ? '0' : v.rate),
      signer: v.signer,
    }),
  (a) => ({
    providerAddr: text(a.provider_addr),
    chainId: '',
    rate: rateToDecimal18(text(a.rate) || '0'),
    signer: text(a.signer),
    consumerId: text(a.consumer_id),
  }),
);

/** The four converters keyed by type URL, to merge with `createDefaultAminoConverters()`. */
export function createIcsAminoConverters(): AminoConverters {
  return {
    [MSG_OPT_IN_TYPE_URL]: optInAminoConverter,
    [MSG_OPT_OUT_TYPE_URL]: optOutAminoConverter,
    [MSG_ASSIGN_CONSUMER_KEY_TYPE_URL]: assignConsumerKeyAminoConverter,
    [MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL]: setConsumerCommissionRateAminoConverter,
  };
}

/**
 * U+2028 and U+2029: the chain writes the amino JSON sign doc with Go's encoding/json, which
 * escapes them (`\u2028`, `\u2029`, as it escapes `&`, `<` and `>`); cosmjs's serializer and the
 * wallets (Keplr, a Ledger) escape only `&`, `<` and `>`. A string holding one of them is signed
 * over other bytes than the chain checks, and the chain refuses the signature.
 */
const GO_ONLY_ESCAPES = /[\u2028\u2029]/;

function holdsSeparator(value: unknown): boolean {
  if (typeof value === 'string') return GO_ONLY_ESCAPES.test(value);
  if (Array.isArray(value)) return value.some(holdsSeparator);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsSeparator);
  return false;
}

/**
 * Why an amino JSON (Ledger) signature over this memo and these messages would not verify on
 * the chain, in words; undefined when it would. Direct signing (protobuf bytes) has no such limit.
 */
export function aminoSigningProblem(messages: readonly IcsMessage[], memo: string): string | undefined {
  const where = GO_ONLY_ESCAPES.test(memo) ? 'The memo' : messages.some((m) => holdsSeparator(m.value)) ? 'A field of the message' : undefined;
  if (!where) return undefined;
  return (
    `${where} holds a line or paragraph separator (U+2028 or U+2029). This account signs amino JSON (a Ledger), ` +
    'where the chain writes that character escaped and the wallet does not, so the chain would reject the signature. ' +
    'Remove the character and try again.'
  );
}
