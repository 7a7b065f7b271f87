/**
 * Staking queries of the provider chain (validators, pool, params) and validator identity, as
 * plain functions over a `ChainContext`: a bundle keeps only those it calls.
 */
import type { ChainContext } from '../chain/context.js';
import { fields } from '../chain/decode.js';
import { IcsError } from '../chain/errors.js';
import { decodeAddress } from '../chain/bech32.js';
import type { Bech32Prefixes } from '../chain/bech32.js';
import type { ReadOptions } from '../chain/reader.js';
import { SLICE } from '../chain/tasks.js';
import type { AddressKind } from './address.js';
import { accountToValidator, addressKind, validatorToAccount } from './address.js';
import { decodePool, decodeStakingParams, decodeStakingValidator } from './decode.js';
import type { DecodedValidator } from './decode.js';
import type { StakingParams, StakingPool, StakingValidator } from './models.js';

export interface ValidatorIdentity {
  operatorAddress: string;
  accountAddress: string;
  consensusAddress: string;
  moniker: string;
}

export type BondStatusFilter = 'bonded' | 'unbonding' | 'unbonded' | 'all';

const STATUS_FILTER: Record<Exclude<BondStatusFilter, 'all'>, string> = {
  bonded: 'BOND_STATUS_BONDED',
  unbonding: 'BOND_STATUS_UNBONDING',
  unbonded: 'BOND_STATUS_UNBONDED',
};

/** Provider validators (default: bonded), every page. */
export async function validators(chain: ChainContext, options: ReadOptions & { status?: BondStatusFilter } = {}): Promise<StakingValidator[]> {
  const status = options.status ?? 'bonded';
  const prefixes = await chain.prefixes(options);
  const query: Record<string, string> = status === 'all' ? {} : { status: STATUS_FILTER[status] };
  const { value } = await chain.reader.getAll('/cosmos/staking/v1beta1/validators', 'validators', decodeStakingValidator, options, query);
  // Keys hashed a slice at a time: each slice's digests answer in a later task, so the bech32
  // encoding of 500 addresses does not land in one task (a key seen before costs nothing).
  const out: StakingValidator[] = [];
  for (let i = 0; i < value.length; i += SLICE) {
    out.push(...(await Promise.all(value.slice(i, i + SLICE).map((v) => withConsensusAddress(chain, v, prefixes)))));
    options.signal?.throwIfAborted();
  }
  return out;
}

/** One validator by operator address (`cosmosvaloper1…`). */
export async function validator(chain: ChainContext, operatorAddress: string, options: ReadOptions = {}): Promise<StakingValidator> {
  // An address that looks like an operator's is read while the chain's prefix is read (a round
  // trip or two), and checked against it before its answer is used. A prefix already at hand (read,
  // or given by the page) is checked first: a foreign address is then never sent.
  const early = !chain.prefixesKnown && looksLikeOperator(operatorAddress) ? readValidator(chain, operatorAddress, options) : undefined;
  early?.catch(() => undefined);
  const prefixes = await chain.prefixes(options);
  expectKind(prefixes, operatorAddress, 'validator');
  return withConsensusAddress(chain, await (early ?? readValidator(chain, operatorAddress, options)), prefixes);
}

async function readValidator(chain: ChainContext, operatorAddress: string, options: ReadOptions): Promise<DecodedValidator> {
  const { value } = await chain.reader.get(
    `/cosmos/staking/v1beta1/validators/${operatorAddress}`,
    (body, path) => decodeStakingValidator(fields(body, path).obj.validator, path.field('validator')),
    options,
    undefined,
    (error) =>
      error.kind === 'not-found' || (error.status === 400 && /not found/i.test(error.message))
        ? new IcsError('not-found', `No validator ${operatorAddress} on ${chain.config.chainId ?? 'this chain'}.`, {
            url: error.url,
            status: error.status,
            field: 'validator',
            cause: error,
          })
        : error,
  );
  return value;
}

/**
 * Whether an address may be read before the chain's prefix is known: lowercase bech32 (checksum
 * checked) whose prefix is letters and digits ending in "valoper", so nothing else reaches a URL.
 */
function looksLikeOperator(address: string): boolean {
  try {
    return address === address.toLowerCase() && /^[a-z0-9]+valoper$/.test(decodeAddress(address).prefix);
  } catch {
    return false;
  }
}

export async function pool(chain: ChainContext, options: ReadOptions = {}): Promise<StakingPool> {
  return (await chain.reader.get('/cosmos/staking/v1beta1/pool', decodePool, options)).value;
}

export async function stakingParams(chain: ChainContext, options: ReadOptions = {}): Promise<StakingParams> {
  return (await chain.reader.get('/cosmos/staking/v1beta1/params', decodeStakingParams, options)).value;
}

/**
 * All three addresses and the moniker of a validator given by any of them (operator, account
 * or consensus address). A consensus address is looked up among all validators.
 */
export async function resolveValidator(chain: ChainContext, address: string, options: ReadOptions = {}): Promise<ValidatorIdentity> {
  // An operator address (what a validator's page gives) is read at once: `validator` checks it
  // against the chain's prefix before its answer is used.
  const early = looksLikeOperator(address) ? validator(chain, address, options) : undefined;
  early?.catch(() => undefined);
  const prefixes = await chain.prefixes(options);
  const kind = kindOf(prefixes, address);
  let found: StakingValidator | undefined;
  if (kind === 'consensus') {
    found = (await validators(chain, { ...options, status: 'all' })).find((v) => v.consensusAddress === address);
    if (!found) throw new IcsError('not-found', `No validator has the consensus address ${address}.`, { field: 'validator' });
  } else {
    found = await (kind === 'validator' && early ? early : validator(chain, kind === 'account' ? accountToValidator(address, prefixes) : address, options));
  }
  return {
    operatorAddress: found.operatorAddress,
    accountAddress: validatorToAccount(found.operatorAddress, prefixes),
    consensusAddress: found.consensusAddress,
    moniker: found.description.moniker,
  };
}

/** The consensus address ICS queries take, from an operator or consensus address. */
export async function consensusAddressOf(chain: ChainContext, address: string, options: ReadOptions = {}): Promise<string> {
  if (kindOf(await chain.prefixes(options), address) === 'consensus') return address;
  return (await resolveValidator(chain, address, options)).consensusAddress;
}

async function withConsensusAddress(chain: ChainContext, decoded: DecodedValidator, prefixes: Bech32Prefixes): Promise<StakingValidator> {
  return { ...decoded, consensusAddress: await chain.consensusAddressOfKey(decoded.consensusPubkey.key, prefixes) };
}

/** The kind of a validator address given as input; a malformed one is an input error naming `validator`. */
function kindOf(prefixes: Bech32Prefixes, address: string): AddressKind {
  try {
    return addressKind(address, prefixes);
  } catch (error) {
    if (error instanceof IcsError && error.kind === 'invalid-input' && error.field === undefined) {
      throw new IcsError('invalid-input', error.message, { field: 'validator', cause: error });
    }
    throw error;
  }
}

function expectKind(prefixes: Bech32Prefixes, address: string, expected: AddressKind): void {
  if (kindOf(prefixes, address) !== expected) {
    const want = expected === 'validator' ? prefixes.validator : prefixes[expected];
    throw new IcsError('invalid-input', `Expected a "${want}1…" address, got "${address}".`, { field: 'validator' });
  }
}
