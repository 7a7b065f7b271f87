/**
 * ICS provider queries (consumer chains, validator sets, opt-ins, commissions, keys, params,
 * epochs, detection), as plain functions over a `ChainContext`: a bundle keeps only those it
 * calls. Routes of ICS v6/v7, keyed by consumer id.
 */
import type { ChainContext } from '../chain/context.js';
import { fields } from '../chain/decode.js';
import { IcsError } from '../chain/errors.js';
import type { ReadOptions } from '../chain/reader.js';
import { chainId } from '../chain/queries.js';
import { consensusAddressOf } from '../staking/queries.js';
import {
  decodeAddressPair,
  decodeChain,
  decodeConsumerChainDetails,
  decodeConsumerValidator,
  decodeProviderParams,
  decodeThrottleState,
  phaseSegment,
} from './decode.js';
import type { IcsStatus } from './detect.js';
import { ICS_BASE, detectIcs as probeIcs, isMissingRoute } from './detect.js';
import { parseConsumerId } from './rules.js';
import type { AddressPair, ConsumerChain, ConsumerChainDetails, ConsumerPhase, ConsumerValidator, ProviderParams, ThrottleState } from './models.js';

/** Whether the node has the ICS provider module (v6+), an older one, or none. */
export async function detectIcs(chain: ChainContext, options: ReadOptions = {}): Promise<IcsStatus> {
  const bounded = chain.bounded(options);
  const id = await chainId(chain, bounded).catch((error: unknown) => {
    // A node that does not answer at all is the answer; one without node_info may still have ICS.
    if (error instanceof IcsError && (error.kind === 'timeout' || error.kind === 'aborted')) throw error;
    return chain.config.chainId ?? 'this chain';
  });
  return probeIcs(chain.reader, id, { ...bounded, height: options.height ?? chain.config.height });
}

/** Consumer chains in a phase (default launched), every page. */
export async function consumerChains(chain: ChainContext, options: ReadOptions & { phase?: ConsumerPhase | 'all' } = {}): Promise<ConsumerChain[]> {
  const phase = options.phase ?? 'launched';
  const { value } = await chain.reader.getAll(`${ICS_BASE}/consumer_chains/${phaseSegment(phase)}`, 'chains', decodeChain, options, {}, icsError(chain));
  return value;
}

/** One consumer chain in full (an unknown id is `not-found`). */
export async function consumerChain(chain: ChainContext, consumerId: string, options: ReadOptions = {}): Promise<ConsumerChainDetails> {
  const id = checkConsumerId(consumerId);
  const { value } = await chain.reader.get(`${ICS_BASE}/consumer_chain/${id}`, decodeConsumerChainDetails, options, undefined, icsError(chain, id));
  return value;
}

/** The consumer's validator set: stored at the last epoch end (launched) or computed now (pre-launch). */
export async function consumerValidators(chain: ChainContext, consumerId: string, options: ReadOptions = {}): Promise<ConsumerValidator[]> {
  const id = checkConsumerId(consumerId);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/consumer_validators/${id}`,
    (body, path) => fields(body, path).list('validators', decodeConsumerValidator),
    options,
    undefined,
    icsError(chain, id),
  );
  return value;
}

/** Consensus addresses of the validators opted in to a chain (changes at once, not at the epoch). */
export async function optedInValidators(chain: ChainContext, consumerId: string, options: ReadOptions = {}): Promise<string[]> {
  const id = checkConsumerId(consumerId);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/opted_in_validators/${id}`,
    (body, path) => fields(body, path).strings('validators_provider_addresses'),
    options,
    undefined,
    icsError(chain, id),
  );
  return value;
}

/** Consumer ids a validator validates now or would if the epoch ended now (launched chains). */
export async function consumerChainsOfValidator(chain: ChainContext, validator: string, options: ReadOptions = {}): Promise<string[]> {
  const valcons = await consensusAddressOf(chain, validator, options);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/consumer_chains_per_validator/${valcons}`,
    (body, path) => fields(body, path).strings('consumer_ids'),
    options,
    undefined,
    icsError(chain),
  );
  return value;
}

/** A validator's commission on a consumer (falls back to its provider rate on chain). */
export async function consumerCommissionRate(chain: ChainContext, consumerId: string, validator: string, options: ReadOptions = {}): Promise<string> {
  const id = checkConsumerId(consumerId);
  // Two reads in sequence, one time bound.
  const read = chain.bounded(options);
  const valcons = await consensusAddressOf(chain, validator, read);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/consumer_commission_rate/${id}/${valcons}`,
    (body, path) => fields(body, path).decimal('rate'),
    read,
    undefined,
    icsError(chain, id),
  );
  return value;
}

/** The consumer consensus address a validator assigned on a chain, or undefined when none. */
export async function consumerAddress(chain: ChainContext, consumerId: string, validator: string, options: ReadOptions = {}): Promise<string | undefined> {
  const id = checkConsumerId(consumerId);
  // Two reads in sequence, one time bound.
  const read = chain.bounded(options);
  const valcons = await consensusAddressOf(chain, validator, read);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/validator_consumer_addr/${id}/${valcons}`,
    (body, path) => fields(body, path).string('consumer_address'),
    read,
    undefined,
    icsError(chain, id),
  );
  return value === '' ? undefined : value;
}

/** Provider ↔ consumer consensus addresses and keys of a chain's validators. */
export async function addressPairs(chain: ChainContext, consumerId: string, options: ReadOptions = {}): Promise<AddressPair[]> {
  const id = checkConsumerId(consumerId);
  const { value } = await chain.reader.get(
    `${ICS_BASE}/address_pairs/${id}`,
    (body, path) => fields(body, path).list('pair_val_con_addr', decodeAddressPair),
    options,
    undefined,
    icsError(chain, id),
  );
  return value;
}

export async function providerParams(chain: ChainContext, options: ReadOptions = {}): Promise<ProviderParams> {
  const { value } = await chain.reader.get(
    `${ICS_BASE}/params`,
    (body, path) => decodeProviderParams(fields(body, path).obj.params, path.field('params')),
    options,
    undefined,
    icsError(chain),
  );
  return value;
}

export async function blocksUntilNextEpoch(chain: ChainContext, options: ReadOptions = {}): Promise<number> {
  const { value } = await chain.reader.get(
    `${ICS_BASE}/blocks_until_next_epoch`,
    (body, path) => fields(body, path).safeInteger('blocks_until_next_epoch'),
    options,
    undefined,
    icsError(chain),
  );
  return value;
}

export async function consumerIdFromClientId(chain: ChainContext, clientId: string, options: ReadOptions = {}): Promise<string> {
  if (!/^[\w.-]{1,64}$/.test(clientId)) throw new IcsError('invalid-input', `"${clientId}" is not an IBC client id.`, { field: 'clientId' });
  const { value } = await chain.reader.get(
    `${ICS_BASE}/consumer_id/${clientId}`,
    (body, path) => fields(body, path).string('consumer_id'),
    options,
    undefined,
    icsError(chain),
  );
  return value;
}

export async function throttleState(chain: ChainContext, options: ReadOptions = {}): Promise<ThrottleState> {
  const { value } = await chain.reader.get(`${ICS_BASE}/throttle_state`, decodeThrottleState, options, undefined, icsError(chain));
  return value;
}

export async function registeredConsumerRewardDenoms(chain: ChainContext, options: ReadOptions = {}): Promise<string[]> {
  const { value } = await chain.reader.get(
    `${ICS_BASE}/registered_consumer_reward_denoms`,
    (body, path) => fields(body, path).strings('denoms'),
    options,
    undefined,
    icsError(chain),
  );
  return value;
}

/** Maps errors of ICS routes: a missing route means no ICS; an unknown id means not found. */
function icsError(chain: ChainContext, consumerId?: string): (error: IcsError) => IcsError {
  const name = chain.config.chainId ?? 'this chain';
  return (error) => {
    const notFound = (message: string, field: string) =>
      new IcsError('not-found', message, { url: error.url, status: error.status, grpcCode: error.grpcCode, field, cause: error });
    if (isMissingRoute(error)) {
      return new IcsError('ics-absent', `ICS is not available on ${name}: the node has no provider module.`, {
        url: error.url,
        status: error.status,
        grpcCode: error.grpcCode,
        cause: error,
      });
    }
    // A v7 node answers InvalidArgument (400), not NotFound, for these unknowns.
    if (error.grpcCode === 3 && /no known consumer chain for this client id/i.test(error.message)) {
      return notFound(`No consumer chain has this client id on ${name}.`, 'clientId');
    }
    if (error.grpcCode === 3 && /unknown validator/i.test(error.message)) {
      return notFound(`No validator with this consensus address on ${name}.`, 'validator');
    }
    if (
      consumerId !== undefined &&
      error.grpcCode === 3 &&
      /unknown consumer|cannot (retrieve|get)|not found|no consumer|invalid consumer id/i.test(error.message)
    ) {
      return notFound(`There is no active consumer chain with id ${consumerId} on ${name}.`, 'consumerId');
    }
    return error;
  };
}

function checkConsumerId(consumerId: string): string {
  const id = parseConsumerId(typeof consumerId === 'string' ? consumerId : String(consumerId));
  if (id === undefined) {
    throw new IcsError('invalid-input', `A consumer id is a whole number such as "0" or "12"; got "${String(consumerId)}".`, { field: 'consumerId' });
  }
  return id;
}
