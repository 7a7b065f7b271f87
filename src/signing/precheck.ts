/**
 * Local checks of what the provider chain would refuse, said in words a validator understands,
 * before anything is signed (ics-protocol.md §4). Pure: the caller reads the chain state.
 * No cosmjs.
 */
import type { ConsumerKind, ConsumerPhase } from '../ics/models.js';
import { isActivePhase, optOutRefusal } from '../ics/rules.js';
import type { Bech32Prefixes } from '../chain/bech32.js';
import { addressKind, decodeBase64, validatorToAccount } from '../staking/address.js';
import { parseDec } from '../power/legacy-dec.js';
import type { IcsAction, PrecheckResult, RefusalCode } from './actions.js';
import { trimDecimal, words } from './words.js';

/** What the checks need to know about the chain, as read just before the action. */
export interface PrecheckState {
  prefixes: Bech32Prefixes;
  /** The validator as x/staking has it; undefined when there is none. */
  validator: { operatorAddress: string; power: bigint } | undefined;
  /** The consumer chain; undefined when the provider does not know it. */
  consumer:
    | {
        consumerId: string;
        chainId: string;
        /** Display name from the chain's metadata, when there is one. */
        name?: string | undefined;
        phase: ConsumerPhase;
        kind: ConsumerKind;
        /** Min power to be in the top N; undefined on opt-in chains. */
        minPowerInTopN: bigint | undefined;
      }
    | undefined;
  /** Staking `min_commission_rate` (needed only for the commission action). */
  minCommissionRate?: string | undefined;
  /**
   * Who uses the action's consumer key (only for actions that carry one), as the module's
   * AssignConsumerKey checks it. Keys replaced on a launched chain stay reserved until pruned and
   * are not visible to queries, so the chain may still refuse a key this allows.
   */
  keyUse?:
    | {
        /** Operator address of the validator whose provider consensus key this is, if any. */
        providerKeyOf: string | undefined;
        /** Some validator has this key assigned on this chain now. */
        assignedOnChain: boolean;
        /** The acting validator has a key assigned on this chain. */
        ownAssigned: boolean;
      }
    | undefined;
}

const OK: PrecheckResult = { ok: true };
const ED25519_TYPE = '/cosmos.crypto.ed25519.PubKey';
const ONE = 10n ** 18n;

function refuse(code: RefusalCode, message: string): PrecheckResult {
  return { ok: false, code, message };
}

/** Every check: addresses, signer, validator, chain, phase and the action's own rules. */
export function precheck(action: IcsAction, signer: string, state: PrecheckState): PrecheckResult {
  const format = checkFormat(action, state.prefixes);
  if (!format.ok) return format;
  const signerCheck = checkSigner(action.validator, signer, state.prefixes);
  if (!signerCheck.ok) return signerCheck;
  return checkAgainstState(action, state);
}

/** The signer must be the account with the operator's 20 bytes (`validateProviderAddress`). */
export function checkSigner(validator: string, signer: string, prefixes: Bech32Prefixes): PrecheckResult {
  let operatorAccount: string;
  try {
    operatorAccount = validatorToAccount(validator, prefixes);
  } catch {
    return refuse('bad-address', `"${validator}" is not a ${prefixes.validator}1… operator address.`);
  }
  return signer === operatorAccount ? OK : refuse('wrong-signer', words.wrongSigner(operatorAccount, signer || undefined));
}

/** Checks that need no chain state: address kinds, consumer id, key JSON, rate syntax and [0, 1]. */
export function checkFormat(action: IcsAction, prefixes: Bech32Prefixes): PrecheckResult {
  let kind: string | undefined;
  try {
    kind = addressKind(action.validator, prefixes);
  } catch {
    kind = undefined;
  }
  if (kind !== 'validator') return refuse('bad-address', `"${action.validator}" is not a ${prefixes.validator}1… operator address.`);
  if (!/^\d{1,20}$/.test(action.consumerId) || BigInt(action.consumerId) > 2n ** 64n - 1n) {
    return refuse('bad-consumer-id', `A consumer id is a whole number such as "0" or "12"; got "${action.consumerId}".`);
  }
  switch (action.type) {
    case 'opt-in':
      return action.consumerKey ? checkConsumerKey(action.consumerKey) : OK;
    case 'assign-consumer-key':
      return checkConsumerKey(action.consumerKey);
    case 'set-consumer-commission-rate':
      return checkRateSyntax(action.rate);
    case 'opt-out':
      return OK;
  }
}

/**
 * A consumer key is the `show-validator` JSON of an ed25519 key: `@type` exactly
 * "/cosmos.crypto.ed25519.PubKey" and `key` the base64 of 32 bytes (`ParseConsumerKey`).
 */
export function checkConsumerKey(consumerKey: string): PrecheckResult {
  const text = consumerKey.trim();
  if (text === '') return refuse('bad-key', words.badKey('it is empty.'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const looksLikeBase64 = /^[A-Za-z0-9+/]{43}=$/.test(text);
    return refuse('bad-key', words.badKey(looksLikeBase64 ? 'it is only the base64 key, not the JSON around it.' : 'it is not JSON.'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('bad-key', words.badKey('it is not a JSON object.'));
  }
  const { '@type': type, key } = parsed as Record<string, unknown>;
  if (type !== ED25519_TYPE) {
    return refuse('bad-key', words.badKey(`its "@type" is ${JSON.stringify(type ?? null)}; only "${ED25519_TYPE}" is accepted.`));
  }
  if (typeof key !== 'string') return refuse('bad-key', words.badKey('it has no "key" string.'));
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(key);
  } catch {
    return refuse('bad-key', words.badKey('its "key" is not valid base64.'));
  }
  if (bytes.length !== 32) return refuse('bad-key', words.badKey(`its "key" has ${bytes.length} bytes; an ed25519 key has 32.`));
  return OK;
}

function checkRateSyntax(rate: string): PrecheckResult {
  const value = typeof rate === 'string' ? parseDec(rate.trim()) : undefined;
  if (value === undefined) {
    return refuse('commission-range', `A commission rate is a decimal such as "0.05" (5%), with at most 18 places; got "${String(rate)}".`);
  }
  if (value < 0n || value > ONE) return refuse('commission-range', words.commissionAboveOne());
  return OK;
}

/** The rules that depend on what the chain holds now. */
export function checkAgainstState(action: IcsAction, state: PrecheckState): PrecheckResult {
  if (!state.validator) return refuse('unknown-validator', words.unknownValidator(action.validator));
  const consumer = state.consumer;
  if (!consumer) return refuse('unknown-consumer', words.unknownConsumer(action.consumerId));
  const chain = chainLabel(consumer);
  const active = isActivePhase(consumer.phase);

  switch (action.type) {
    case 'opt-in':
      if (!active) return refuse('wrong-phase', words.optInPhase(chain, consumer.phase));
      return action.consumerKey ? checkKeyUse(action.validator, state) : OK;
    case 'opt-out': {
      const min = consumer.kind === 'top-n' ? consumer.minPowerInTopN : undefined;
      const refusal = optOutRefusal({ phase: consumer.phase, minPowerInTopN: min }, state.validator.power);
      if (refusal === 'not-launched') return refuse('wrong-phase', words.optOutPhase(chain, consumer.phase));
      if (refusal === 'top-n') return refuse('top-n-opt-out', words.topNOptOut(chain, state.validator.power, min ?? 0n));
      return OK;
    }
    case 'assign-consumer-key':
      if (!active) return refuse('wrong-phase', words.inactivePhase(chain, consumer.phase, 'You can assign a consumer key'));
      return checkKeyUse(action.validator, state);
    case 'set-consumer-commission-rate': {
      if (!active) return refuse('wrong-phase', words.inactivePhase(chain, consumer.phase, 'You can set a commission rate'));
      const rate = parseDec(action.rate.trim());
      const min = state.minCommissionRate === undefined ? undefined : parseDec(state.minCommissionRate);
      if (rate === undefined) return checkRateSyntax(action.rate);
      if (min !== undefined && rate < min) return refuse('commission-range', words.commissionBelowMin(trimDecimal(state.minCommissionRate!)));
      if (rate > ONE || rate < 0n) return refuse('commission-range', words.commissionAboveOne());
      return OK;
    }
  }
}

/** AssignConsumerKey's rules on what the chain shows: another's provider key, own default key, in use here. */
function checkKeyUse(validator: string, state: PrecheckState): PrecheckResult {
  const use = state.keyUse;
  if (!use) return OK;
  if (use.providerKeyOf !== undefined && use.providerKeyOf !== validator) return refuse('key-in-use', words.keyInUse());
  if (use.providerKeyOf === validator && !use.ownAssigned) return refuse('default-key', words.defaultKey());
  if (use.assignedOnChain) return refuse('key-in-use', words.keyInUse());
  return OK;
}

/** "Neutron (consumer 0, neutron-1)": names are written by anyone, so ids always go with them. */
function chainLabel(consumer: NonNullable<PrecheckState['consumer']>): string {
  const ids = `consumer ${consumer.consumerId}, ${consumer.chainId}`;
  return consumer.name ? `${consumer.name} (${ids})` : `chain ${consumer.chainId} (consumer ${consumer.consumerId})`;
}
