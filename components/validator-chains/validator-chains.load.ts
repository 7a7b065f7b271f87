/**
 * The reads behind `<ics-validator-chains>`, in two steps. First who the validator is, every
 * consumer chain and the chains it has to validate: enough to show the header and a row for
 * each chain it has to validate (certainly its chains). Then, chain by chain, `readRow`: on each
 * active chain, whether the validator is part of it (opted in, in the set) and, when it is, its
 * power, share, consumer commission and whether it assigned a consumer key. Plain async code
 * over the client, no DOM.
 *
 * Why one read per chain does both (finds the row and its figures): the opted-in list and the set
 * are what say whether a chain is the validator's at all, and the same answers hold its power and
 * commission, so splitting "is it mine" from "its figures" would cost a second pass of requests.
 */
import type { ConsumerChain, ChainContext, ReadOptions, ValidatorIdentity, ValidatorStanding } from '../../src/index.js';
import { ratio, sumPowers } from '../../src/power/index.js';
import { safeHttpsUrl } from '../../src/format/index.js';
import { isActivePhase, validatorStanding } from '../../src/index.js';
import * as queries from '../../src/queries.js';

/** Where the validator stands on a chain it is part of (a chain it is not opted in to has no row). */
export type ValidatorChainStatus = Exclude<ValidatorStanding, 'not-opted-in'>;

/** A row's figures: where the validator stands on one chain, read after the rows are shown. */
export interface ValidatorChainRow {
  chain: ConsumerChain;
  status: ValidatorChainStatus;
  /** Power on the consumer and its share of the consumer's total, when in the set. */
  consumerPower: bigint | undefined;
  powerShare: number | undefined;
  /** The validator's commission on this consumer (an 18-place decimal string). */
  consumerCommission: string;
  /** True when the validator assigned a consumer key on this chain. */
  keyAssigned: boolean;
}

export interface ValidatorChainsData {
  identity: ValidatorIdentity;
  /** Commission on the provider (an 18-place decimal string). */
  providerCommission: string;
  /** The validator's website when it is an `https:` URL (anything else is dropped). */
  website: string | undefined;
  /** The active chains it has to validate, by consumer id: rows at once. */
  required: ConsumerChain[];
  /** Every other active chain, by consumer id: a row only once `readRow` finds the validator on it. */
  others: ConsumerChain[];
  /** Reads where the validator stands on one chain; undefined: it is not part of it (aborted with the load or `signal`). */
  readRow: (chain: ConsumerChain, signal: AbortSignal) => Promise<ValidatorChainRow | undefined>;
}

export async function loadValidatorChains(client: ChainContext, validator: string, options: ReadOptions): Promise<ValidatorChainsData> {
  // The chain list needs nothing of the validator: it is read while the validator is found.
  const chainList = queries.consumerChains(client, { ...options, phase: 'all' });
  chainList.catch(() => undefined);
  const identity = await queries.resolveValidator(client, validator, options);
  const [operator, chains, required] = await Promise.all([
    queries.validator(client, identity.operatorAddress, options),
    chainList,
    queries.consumerChainsOfValidator(client, identity.consensusAddress, options),
  ]);
  const mustValidate = new Set(required);
  const active = chains.filter((chain) => isActivePhase(chain.phase)).sort((a, b) => Number(BigInt(a.consumerId) - BigInt(b.consumerId)));
  const readRow = (chain: ConsumerChain, signal: AbortSignal) => {
    // Each row's reads get their own time bound: a row read late (out of view) is not out of time.
    const signals = options.signal ? [options.signal, signal] : [signal];
    const rowOptions: ReadOptions = { signal: AbortSignal.any(signals), fresh: options.fresh, deadline: Date.now() + client.config.timeoutMs };
    return rowOf(client, chain, identity.consensusAddress, mustValidate.has(chain.consumerId), rowOptions);
  };
  return {
    identity,
    providerCommission: operator.commissionRate,
    website: safeHttpsUrl(operator.description.website),
    required: active.filter((chain) => mustValidate.has(chain.consumerId)),
    others: active.filter((chain) => !mustValidate.has(chain.consumerId)),
    readRow,
  };
}

async function rowOf(
  client: ChainContext,
  chain: ConsumerChain,
  valcons: string,
  hasToValidate: boolean,
  options: ReadOptions,
): Promise<ValidatorChainRow | undefined> {
  // The set matters on launched chains (a validator that opted out stays in it until the epoch
  // ends) and on Top-N chains (the top validators are in without opting in): there it is read
  // beside the opted-in list. Elsewhere only an opted-in validator can be in it, so most chains
  // (spam among them) cost one request, not two.
  const needsSet = chain.phase === 'launched' || chain.kind === 'top-n' || hasToValidate;
  // A chain it has to validate has a row whatever the lists say: its key is read at once too.
  const key = hasToValidate ? queries.consumerAddress(client, chain.consumerId, valcons, options) : undefined;
  key?.catch(() => undefined);
  const [optedIn, setRead] = await Promise.all([
    queries.optedInValidators(client, chain.consumerId, options),
    needsSet ? queries.consumerValidators(client, chain.consumerId, options) : undefined,
  ]);
  const set = setRead ?? (optedIn.includes(valcons) ? await queries.consumerValidators(client, chain.consumerId, options) : []);
  const member = set.find((v) => v.providerAddress === valcons);
  const status = validatorStanding({ inSet: member !== undefined, optedIn: optedIn.includes(valcons), hasToValidate });
  if (status === 'not-opted-in') return undefined;
  const [consumerAddress, commission] = await Promise.all([
    key ?? queries.consumerAddress(client, chain.consumerId, valcons, options),
    member ? member.consumerCommissionRate : queries.consumerCommissionRate(client, chain.consumerId, valcons, options),
  ]);
  return {
    chain,
    status,
    consumerPower: member?.consumerPower,
    powerShare: member ? ratio(member.consumerPower, sumPowers(set.map((v) => v.consumerPower))) : undefined,
    consumerCommission: commission,
    keyAssigned: consumerAddress !== undefined && consumerAddress !== valcons,
  };
}
