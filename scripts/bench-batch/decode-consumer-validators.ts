/**
 * The bench's own reader of `QueryConsumerValidatorsResponse` in protobuf (the bytes an
 * `abci_query` answers), for scripts/bench-batch.ts: field numbers from ics-protocol.md §3,
 * written small on purpose, so its minified size is what keeping a batched RPC path would add to
 * an element. It yields the same `ConsumerValidator` values as the SDK's REST decoder
 * (src/ics/decode.ts); the bench asserts that for every chain.
 *
 * Not the SDK: it trusts the node's bytes (no shape checks with words, as the REST decoder has).
 */
import type { ConsumerValidator } from '../../src/ics/models.js';
import type { BondStatus } from '../../src/staking/models.js';

/** A field's value: a varint, or the bytes of a length-delimited field (strings, messages). */
type Value = bigint | Uint8Array;

const VARINT = 0;
const LENGTH_DELIMITED = 2;
const BOND_STATUSES: BondStatus[] = ['unspecified', 'unbonded', 'unbonding', 'bonded'];
const utf8 = new TextDecoder();

/** A message's fields in order, as [field number, value]; only the two wire types these messages use. */
function fields(bytes: Uint8Array): Array<[number, Value]> {
  let at = 0;
  const varint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('protobuf: truncated varint');
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  const out: Array<[number, Value]> = [];
  while (at < bytes.length) {
    const key = Number(varint());
    const wire = key & 7;
    if (wire === VARINT) out.push([key >> 3, varint()]);
    else if (wire === LENGTH_DELIMITED) {
      const length = Number(varint());
      out.push([key >> 3, bytes.subarray(at, (at += length))]);
    } else throw new Error(`protobuf: wire type ${wire} not expected here`);
  }
  return out;
}

const text = (v: Value) => utf8.decode(v as Uint8Array);

/** LegacyDec travels as its integer scaled by 10^18; JSON writes it with 18 places ("0.050000000000000000"). */
function legacyDec(v: Value): string {
  const digits = text(v);
  const negative = digits.startsWith('-');
  const padded = (negative ? digits.slice(1) : digits).padStart(19, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -18)}.${padded.slice(-18)}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function validator(bytes: Uint8Array): ConsumerValidator {
  const v: ConsumerValidator = {
    providerAddress: '',
    operatorAddress: '',
    consumerKey: undefined,
    consumerPower: 0n,
    providerPower: 0n,
    providerTokens: 0n,
    consumerCommissionRate: legacyDec(new Uint8Array()),
    providerCommissionRate: legacyDec(new Uint8Array()),
    description: { moniker: '', identity: '', website: '', securityContact: '', details: '' },
    jailed: false,
    status: 'unspecified',
    validatesCurrentEpoch: false,
  };
  for (const [no, value] of fields(bytes)) {
    if (no === 1) v.providerAddress = text(value);
    // tendermint.crypto.PublicKey: a oneof of ed25519 (1) and secp256k1 (2) bytes.
    else if (no === 2)
      for (const [k, key] of fields(value as Uint8Array)) v.consumerKey = { type: k === 1 ? 'ed25519' : 'secp256k1', key: base64(key as Uint8Array) };
    else if (no === 5) v.consumerPower = BigInt.asIntN(64, value as bigint);
    else if (no === 6) v.consumerCommissionRate = legacyDec(value);
    else if (no === 7) v.providerCommissionRate = legacyDec(value);
    else if (no === 8) v.description = description(value as Uint8Array);
    else if (no === 9) v.operatorAddress = text(value);
    else if (no === 10) v.jailed = value !== 0n;
    else if (no === 11) v.status = BOND_STATUSES[Number(value)] ?? 'unspecified';
    else if (no === 12) v.providerTokens = BigInt(text(value));
    else if (no === 13) v.providerPower = BigInt.asIntN(64, value as bigint);
    else if (no === 14) v.validatesCurrentEpoch = value !== 0n;
    // 3 (power) and 4 (rate) are deprecated and never populated in v7.
  }
  return v;
}

function description(bytes: Uint8Array): ConsumerValidator['description'] {
  const d = { moniker: '', identity: '', website: '', securityContact: '', details: '' };
  const names = [undefined, 'moniker', 'identity', 'website', 'securityContact', 'details'] as const;
  for (const [no, value] of fields(bytes)) {
    const name = names[no];
    if (name) d[name] = text(value);
  }
  return d;
}

/** `QueryConsumerValidatorsResponse { repeated QueryConsumerValidatorsValidator validators = 1; }` */
export function decodeConsumerValidators(bytes: Uint8Array): ConsumerValidator[] {
  return fields(bytes)
    .filter(([no]) => no === 1)
    .map(([, value]) => validator(value as Uint8Array));
}
