/**
 * The four validator-facing ICS provider messages as plain data (ics-protocol.md §4.1–4.4):
 * camelCase fields, strings only. Kept apart from the codecs so the light flow can build
 * messages without loading `cosmjs-types`.
 */

const PROVIDER_MSG = '/interchain_security.ccv.provider.v1';

export const MSG_OPT_IN_TYPE_URL = `${PROVIDER_MSG}.MsgOptIn`;
export const MSG_OPT_OUT_TYPE_URL = `${PROVIDER_MSG}.MsgOptOut`;
export const MSG_ASSIGN_CONSUMER_KEY_TYPE_URL = `${PROVIDER_MSG}.MsgAssignConsumerKey`;
export const MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL = `${PROVIDER_MSG}.MsgSetConsumerCommissionRate`;

export interface MsgOptIn {
  /** Deprecated; the chain refuses anything but "". */
  chainId: string;
  /** Operator address (`cosmosvaloper1…`). */
  providerAddr: string;
  /** Optional: the `show-validator` JSON of an ed25519 key, or "". */
  consumerKey: string;
  /** The account with the operator's 20 bytes (`cosmos1…`). */
  signer: string;
  consumerId: string;
}

export interface MsgOptOut {
  chainId: string;
  providerAddr: string;
  signer: string;
  consumerId: string;
}

export interface MsgAssignConsumerKey {
  chainId: string;
  providerAddr: string;
  /** Required: the `show-validator` JSON of an ed25519 key. */
  consumerKey: string;
  signer: string;
  consumerId: string;
}

export interface MsgSetConsumerCommissionRate {
  providerAddr: string;
  chainId: string;
  /** A decimal in [0, 1] such as "0.05"; on the wire the LegacyDec integer scaled by 10^18. */
  rate: string;
  signer: string;
  consumerId: string;
}

/** One ICS message with its type URL, the shape of a cosmjs `EncodeObject`. */
export type IcsMessage =
  | { typeUrl: typeof MSG_OPT_IN_TYPE_URL; value: MsgOptIn }
  | { typeUrl: typeof MSG_OPT_OUT_TYPE_URL; value: MsgOptOut }
  | { typeUrl: typeof MSG_ASSIGN_CONSUMER_KEY_TYPE_URL; value: MsgAssignConsumerKey }
  | { typeUrl: typeof MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL; value: MsgSetConsumerCommissionRate };
