/**
 * The provider module's four validator messages, with its rules and errors (interchain-security
 * v7, ics-protocol.md §4.1–4.4): `validateBasic` (run for every mode before the ante handler,
 * as baseapp's validateBasicTxMsgs) and `execute` (the msg server and keeper), which changes the
 * chain state and returns the message's events. `execute` may leave a partial change behind on
 * error; the engine saves and restores the provider state around a transaction's messages.
 */
import { formatDec, parseDec } from '../../src/power/legacy-dec.js';
import { decodeAddress } from '../../src/chain/bech32.js';
import { consensusAddressFromEd25519, decodeBase64, validatorToAccount } from '../../src/staking/address.js';
import type { Bech32Prefixes } from '../../src/chain/bech32.js';
import type { IcsMessage } from '../../src/signing/message-types.js';
import {
  MSG_ASSIGN_CONSUMER_KEY_TYPE_URL,
  MSG_OPT_IN_TYPE_URL,
  MSG_OPT_OUT_TYPE_URL,
  MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
} from '../../src/signing/message-types.js';
import type { ChainState, ConsumerState, ValidatorState } from '../state.js';
import { ACTIVE_PHASES, optOutRefusal } from '../../src/ics/rules.js';
import type { TxError } from './errors.js';
import { txError } from './errors.js';

export interface TxEvent {
  type: string;
  attributes: Array<{ key: string; value: string }>;
}

const ED25519_TYPE = '/cosmos.crypto.ed25519.PubKey';
const ONE = 10n ** 18n;

/** Per message: the provider's `ErrInvalidMsg…` code. */
const INVALID_MSG_CODE: Record<IcsMessage['typeUrl'], number> = {
  [MSG_OPT_IN_TYPE_URL]: 49,
  [MSG_OPT_OUT_TYPE_URL]: 50,
  [MSG_ASSIGN_CONSUMER_KEY_TYPE_URL]: 46,
  [MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL]: 51,
};

/** Gas each message costs when it runs (deterministic, so simulation and delivery agree). */
export const MESSAGE_GAS: Record<IcsMessage['typeUrl'], bigint> = {
  [MSG_OPT_IN_TYPE_URL]: 48_000n,
  [MSG_OPT_OUT_TYPE_URL]: 42_000n,
  [MSG_ASSIGN_CONSUMER_KEY_TYPE_URL]: 61_000n,
  [MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL]: 36_000n,
};
/** Extra gas when MsgOptIn carries a key (it runs AssignConsumerKey as well). */
export const OPT_IN_KEY_GAS = 19_000n;

/** The account that must sign a message: its `signer` field (cosmos.msg.v1.signer). */
export function signerOf(message: IcsMessage): string {
  return message.value.signer;
}

/** ValidateBasic of each message; throws the provider's invalid-message error. */
export function validateBasic(message: IcsMessage, prefixes: Bech32Prefixes): void {
  const code = INVALID_MSG_CODE[message.typeUrl];
  const invalid = (field: string, reason: string) => txError('provider', code, `${field}: ${reason}`);
  const v = message.value;
  if (v.chainId.trim() !== '') throw invalid('ChainId', `found non-empty chainId(${v.chainId}); chainId is deprecated, use consumerId instead`);
  if (v.consumerId.trim() === '') throw invalid('ConsumerId', 'consumer id cannot be blank');
  if (!/^\d{1,20}$/.test(v.consumerId) || BigInt(v.consumerId) >= 2n ** 64n) {
    throw invalid('ConsumerId', `consumer id (${v.consumerId}) cannot be parsed: strconv.ParseUint: parsing "${v.consumerId}": invalid syntax`);
  }
  const provider = providerAddressError(v.providerAddr, v.signer, prefixes);
  if (provider) throw invalid('ProviderAddr', provider.log);
  switch (message.typeUrl) {
    case MSG_OPT_IN_TYPE_URL:
      if (message.value.consumerKey !== '') {
        const parse = keyJsonError(message.value.consumerKey);
        if (parse) throw invalid('ConsumerKey', parse);
      }
      return;
    case MSG_ASSIGN_CONSUMER_KEY_TYPE_URL: {
      if (message.value.consumerKey.trim() === '') throw invalid('ConsumerKey', 'consumer key cannot be blank');
      const parse = keyJsonError(message.value.consumerKey);
      if (parse) throw invalid('ConsumerKey', parse);
      return;
    }
    case MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL: {
      const rate = parseDec(message.value.rate);
      if (rate === undefined || rate < 0n || rate > ONE) throw txError('provider', code, 'consumer commission rate should be in the range [0, 1]');
      return;
    }
    case MSG_OPT_OUT_TYPE_URL:
      return;
  }
}

/** `validateProviderAddress`: a valoper whose bytes, as an account, are the signer. */
function providerAddressError(providerAddr: string, signer: string, prefixes: Bech32Prefixes): TxError | undefined {
  let account: string;
  try {
    if (decodeAddress(providerAddr).prefix !== prefixes.validator) throw new Error(`invalid Bech32 prefix; expected ${prefixes.validator}`);
    account = validatorToAccount(providerAddr, prefixes);
  } catch (error) {
    return txError('sdk', 7, `invalid provider address: ${(error as Error).message}`);
  }
  if (account !== signer) {
    return txError('sdk', 7, `ValAddress converted to AccAddress (${account}) must match the signer address (${signer})`);
  }
  return undefined;
}

/** `ParseConsumerKeyFromJson`: a JSON object; its type and key are checked by the keeper. */
function keyJsonError(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return `json: cannot unmarshal ${typeof parsed} into Go value of type types.PubKey`;
    return undefined;
  } catch (error) {
    return `consumer key is not valid JSON: ${(error as Error).message}`;
  }
}

/** Runs one message against the chain; returns its events or throws its error. */
export function execute(chain: ChainState, message: IcsMessage): TxEvent[] {
  const prefixes = chain.scenario.prefixes;
  const v = message.value;
  // Every msg server starts with x/staking's GetValidator.
  const validator = chain.validators.find((x) => x.operatorAddress === v.providerAddr);
  if (!validator) throw txError('staking', 3);
  const consumer = chain.consumer(v.consumerId);
  const base = (type: string, extra: Array<[string, string]>): TxEvent => ({
    type,
    attributes: [
      ['module', 'provider'],
      ['consumer_id', v.consumerId],
      ['consumer_chain_id', consumer?.chainId ?? ''],
      ['provider_validator_address', v.providerAddr],
      ...extra,
      ['submitter_address', v.signer],
    ].map(([key, value]) => ({ key: key!, value: value! })),
  });

  switch (message.typeUrl) {
    case MSG_OPT_IN_TYPE_URL: {
      if (!consumer || !ACTIVE_PHASES.includes(consumer.phase)) {
        throw txError('provider', 27, `cannot opt in to a consumer chain that is not in the registered, initialized, or launched phase: ${v.consumerId}`);
      }
      consumer.optedIn.add(validator.consensusAddress);
      if (message.value.consumerKey !== '') assignKey(chain, consumer, validator, parseConsumerKey(message.value.consumerKey), prefixes);
      return [base('opt_in', [['consumer_consensus_pub_key', message.value.consumerKey]])];
    }
    case MSG_OPT_OUT_TYPE_URL: {
      if (!consumer) throw txError('provider', 3, `opting out of an unknown consumer chain, consumerId(${v.consumerId})`);
      const refusal = optOutRefusal({ phase: consumer.phase, minPowerInTopN: consumer.topN > 0 ? consumer.minPowerInTopN : undefined }, validator.lastPower);
      if (refusal === 'not-launched') throw txError('provider', 27, `opting out of a consumer chain not yet launched, consumerId(${v.consumerId})`);
      if (refusal === 'top-n') {
        throw txError(
          'provider',
          20,
          `validator with power (${validator.lastPower}) cannot opt out from Top N chain with consumer id (${v.consumerId}) because all validators with at least ${consumer.minPowerInTopN} power have to validate`,
        );
      }
      consumer.optedIn.delete(validator.consensusAddress);
      return [base('opt_out', [])];
    }
    case MSG_ASSIGN_CONSUMER_KEY_TYPE_URL: {
      if (!consumer || !ACTIVE_PHASES.includes(consumer.phase)) {
        throw txError('provider', 27, `cannot assign a key to a consumer chain that is not in the registered, initialized, or launched phase: ${v.consumerId}`);
      }
      assignKey(chain, consumer, validator, parseConsumerKey(message.value.consumerKey), prefixes);
      return [base('assign_consumer_key', [['consumer_consensus_pub_key', message.value.consumerKey]])];
    }
    case MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL: {
      if (!consumer || !ACTIVE_PHASES.includes(consumer.phase)) throw txError('provider', 27, `unknown consumer chain, with id: ${v.consumerId}`);
      const rate = parseDec(message.value.rate)!;
      const min = parseDec(chain.scenario.minCommissionRate)!;
      if (rate < min) throw txError('staking', 40, `commission rate cannot be less than ${formatDec(min)}`);
      consumer.commissions.set(validator.consensusAddress, formatDec(rate));
      return [base('set_consumer_commission_rate', [['consumer_commission_rate', formatDec(rate)]])];
    }
  }
}

/** `ParseConsumerKey`: only ed25519 keys, base64 of 32 bytes. Returns the base64 key. */
function parseConsumerKey(text: string): string {
  const parsed = JSON.parse(text) as { '@type'?: unknown; key?: unknown };
  if (parsed['@type'] !== ED25519_TYPE) {
    throw txError('staking', 6, `got: ${String(parsed['@type'])}, expected: ${ED25519_TYPE}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(typeof parsed.key === 'string' ? parsed.key : '');
  } catch {
    throw txError('staking', 6, 'the consumer key is not valid base64');
  }
  if (bytes.length !== 32) throw txError('staking', 6, `ed25519 key of ${bytes.length} bytes; expected 32`);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Consumer addresses that were assigned on a chain and replaced (pruned only after the unbonding
 * period on a launched chain, so for the devnet's lifetime): consumer address → provider valcons.
 * Keyed by the live `ConsumerState`, so a devnet reset forgets them with the state.
 */
const replacedKeys = new WeakMap<ConsumerState, Map<string, string>>();

function replaced(consumer: ConsumerState): Map<string, string> {
  let map = replacedKeys.get(consumer);
  if (!map) replacedKeys.set(consumer, (map = new Map()));
  return map;
}

/** `AssignConsumerKey` with its rules (ics-protocol.md §4.3). */
function assignKey(chain: ChainState, consumer: ConsumerState, validator: ValidatorState, key: string, prefixes: Bech32Prefixes): void {
  const consumerAddress = consensusAddressFromEd25519(key, prefixes);
  const owner = chain.validators.find((x) => x.consensusAddress === consumerAddress);
  if (owner) {
    if (owner.operatorAddress !== validator.operatorAddress) throw txError('provider', 10, 'a different validator already uses the consumer key');
    if (!consumer.consumerKeys.has(validator.consensusAddress)) {
      throw txError('provider', 11, 'a validator cannot assign the default key assignment unless its key on that consumer has already been assigned');
    }
  }
  const current = [...consumer.consumerKeys.values()].some((k) => consensusAddressFromEd25519(k, prefixes) === consumerAddress);
  if (current || replaced(consumer).has(consumerAddress)) throw txError('provider', 10, 'a validator has or had assigned the consumer key already');
  const old = consumer.consumerKeys.get(validator.consensusAddress);
  // On a launched chain the old address stays reserved until pruned; before launch it goes at once.
  if (old !== undefined && consumer.phase === 'launched') replaced(consumer).set(consensusAddressFromEd25519(old, prefixes), validator.consensusAddress);
  consumer.consumerKeys.set(validator.consensusAddress, key);
}

/** What a failed transaction must not change: every consumer's opt-ins, keys and commissions. */
export interface ProviderSave {
  restore(): void;
}

export function saveProvider(chain: ChainState): ProviderSave {
  const saved = chain.consumers.map((c) => ({
    consumer: c,
    optedIn: new Set(c.optedIn),
    keys: new Map(c.consumerKeys),
    commissions: new Map(c.commissions),
    replaced: new Map(replaced(c)),
  }));
  return {
    restore() {
      for (const s of saved) {
        s.consumer.optedIn = s.optedIn;
        s.consumer.consumerKeys = s.keys;
        s.consumer.commissions = s.commissions;
        replacedKeys.set(s.consumer, s.replaced);
      }
    },
  };
}
