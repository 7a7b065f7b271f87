/**
 * The sentences a validator reads when an action is refused, shared by the local pre-checks
 * and the chain error mapping so the same problem is always said the same way.
 */
import type { ConsumerPhase } from '../ics/models.js';

export const words = {
  wrongSigner: (operatorAccount: string, connected?: string): string =>
    `Only the validator's operator account (${operatorAccount}) can sign this` +
    (connected ? `; the wallet is connected to ${connected}. Switch to the operator account in your wallet.` : '.'),
  badKey: (detail: string): string =>
    `The consumer key is not valid: ${detail} Paste the whole output of "<daemon> comet show-validator" ` +
    `(or "tendermint show-validator") run on the consumer node, for example ` +
    `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"…"}.`,
  optInPhase: (chain: string, phase: ConsumerPhase | undefined): string =>
    `You can opt in to ${chain} only while it is registered, initialized or launched; it is ${phase ?? 'in another phase'}.`,
  optOutPhase: (chain: string, phase: ConsumerPhase | undefined): string =>
    `You can opt out of ${chain} only once it has launched; it is ${phase ?? 'not launched'}.`,
  inactivePhase: (chain: string, phase: ConsumerPhase | undefined, what: string): string =>
    `${what} only on a chain that is registered, initialized or launched; ${chain} is ${phase ?? 'not active'}.`,
  topNOptOut: (chain: string, power?: bigint, minPower?: bigint): string =>
    `${chain} is a Top-N chain and every validator with at least ` +
    `${minPower === undefined ? 'its minimum' : minPower.toString()} power must validate it` +
    (power === undefined ? '' : `; yours is ${power.toString()}`) +
    `. You can opt out once your power falls below that threshold.`,
  commissionBelowMin: (min: string): string => `The commission rate must be at least the provider's minimum commission rate, ${min}.`,
  commissionAboveOne: (): string => 'The commission rate must be between 0 and 1 (1 = 100%).',
  unknownConsumer: (consumerId: string): string => `There is no consumer chain with id ${consumerId}.`,
  unknownValidator: (validator: string): string => `There is no validator ${validator} on the provider chain.`,
  keyInUse: (): string =>
    'This consumer key is already used: another validator uses it, or a validator has or had it assigned on this chain ' +
    '(an old key stays reserved until it is pruned after the unbonding period). Generate a new key.',
  defaultKey: (): string =>
    'This is your provider consensus key. It is already the key used on consumer chains by default, so it cannot be ' +
    'assigned unless you assigned a different key before.',
};

/** "0.050000000000000000" → "0.05", for a sentence. */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
