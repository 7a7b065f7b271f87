/**
 * The reads behind `<ics-validator-chains>`: who the validator is, every active consumer chain,
 * its validator set and opt-ins, the chains the validator has to validate, and on the chains it
 * is part of, its consumer commission and whether it assigned a consumer key. Plain async code
 * over the client, no DOM.
 */
import type { ConsumerChain, ChainContext, ReadOptions, ValidatorIdentity, ValidatorStanding } from '../../src/index.js';
import { ratio, sumPowers } from '../../src/power/index.js';
import { safeHttpsUrl } from '../../src/format/index.js';
import { isActivePhase, validatorStanding } from '../../src/index.js';
import * as queries from '../../src/queries.js';

/** Where the validator stands on a chain it is part of (a chain it is not opted in to has no row). */
export type ValidatorChainStatus = Exclude<ValidatorStanding, 'not-opted-in'>;

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
  rows: ValidatorChainRow[];
}

export async function loadValidatorChains(client: ChainContext, validator: string, options: ReadOptions): Promise<ValidatorChainsData> {
  const identity = await queries.resolveValidator(client, validator, options);
  const valcons = identity.consensusAddress;
  const [operator, chains, required] = await Promise.all([
    queries.validator(client, identity.operatorAddress, options),
    queries.consumerChains(client, { ...options, phase: 'all' }),
    queries.consumerChainsOfValidator(client, valcons, options),
  ]);
  const mustValidate = new Set(required);
  const rows = await Promise.all(
    chains
      .filter((chain) => isActivePhase(chain.phase))
      .map(async (chain): Promise<ValidatorChainRow | undefined> => {
        // The set matters on launched chains (a validator that opted out stays in it until the epoch
        // ends) and on Top-N chains (the top validators are in without opting in); elsewhere only an
        // opted-in validator can be in it, so most chains (spam among them) cost one request, not two.
        const needsSet = chain.phase === 'launched' || chain.kind === 'top-n' || mustValidate.has(chain.consumerId);
        const optedIn = await queries.optedInValidators(client, chain.consumerId, options);
        const set = needsSet || optedIn.includes(valcons) ? await queries.consumerValidators(client, chain.consumerId, options) : [];
        const member = set.find((v) => v.providerAddress === valcons);
        const status = validatorStanding({
          inSet: member !== undefined,
          optedIn: optedIn.includes(valcons),
          hasToValidate: mustValidate.has(chain.consumerId),
        });
        if (status === 'not-opted-in') return undefined;
        const [consumerAddress, commission] = await Promise.all([
          queries.consumerAddress(client, chain.consumerId, valcons, options),
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
      }),
  );
  return {
    identity,
    providerCommission: operator.commissionRate,
    website: safeHttpsUrl(operator.description.website),
    rows: rows.filter((r): r is ValidatorChainRow => r !== undefined),
  };
}
