/**
 * The reads behind `<ics-validator-settings>`: the chain, the validator, its consumer key on the
 * chain (or none: the provider key is used), its commission there and on the provider, the
 * provider's minimum commission, and the blocks until the next epoch. Plain async code, no DOM.
 */
import { isActivePhase } from '../../src/index.js';
import type { ChainContext, ConsumerChainDetails, ReadOptions, ValidatorIdentity } from '../../src/index.js';
import * as queries from '../../src/queries.js';
import { oneConsumerChain } from '../shared/one-chain.js';

export interface SettingsData {
  chain: ConsumerChainDetails;
  identity: ValidatorIdentity;
  /** The consumer consensus address of an assigned key; undefined when the provider key is in use. */
  consumerAddress: string | undefined;
  /** 18-place decimal strings ("" for a chain that is not active). */
  consumerCommission: string;
  providerCommission: string;
  minCommission: string;
  blocksUntilEpoch: number;
}

export async function loadSettings(client: ChainContext, consumerId: string, validator: string, options: ReadOptions): Promise<SettingsData> {
  const [identity, chain, params] = await Promise.all([
    queries.resolveValidator(client, validator, options),
    oneConsumerChain(client, consumerId, options),
    queries.stakingParams(client, options),
  ]);
  const valcons = identity.consensusAddress;
  // A stopped or deleted chain answers neither query (the module keeps no settings for it).
  const active = isActivePhase(chain.phase);
  const [address, consumerCommission, providerValidator, blocksUntilEpoch] = await Promise.all([
    active ? queries.consumerAddress(client, consumerId, valcons, options) : Promise.resolve(undefined),
    active ? queries.consumerCommissionRate(client, consumerId, valcons, options) : Promise.resolve(''),
    queries.validator(client, identity.operatorAddress, options),
    queries.blocksUntilNextEpoch(client, options),
  ]);
  return {
    chain,
    identity,
    // The query answers the provider's own address when no key was assigned.
    consumerAddress: address !== undefined && address !== valcons ? address : undefined,
    consumerCommission,
    providerCommission: providerValidator.commissionRate,
    minCommission: params.minCommissionRate,
    blocksUntilEpoch,
  };
}

/**
 * "7.5" (percent, as a person types it) → "0.075" (the decimal the message carries); undefined
 * when it is not a number from 0 to 100 with at most 16 decimals.
 */
export function percentToDecimal(text: string): string | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{0,16}))?$/.exec(text.trim());
  if (!match) return undefined;
  const scaled = BigInt(match[1]! + (match[2] ?? '').padEnd(16, '0'));
  const one = 10n ** 18n;
  if (scaled > one) return undefined;
  const fraction = (scaled % one).toString().padStart(18, '0').replace(/0+$/, '');
  return `${scaled / one}${fraction ? `.${fraction}` : ''}`;
}
