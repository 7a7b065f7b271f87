/**
 * The reads behind `<ics-consumer-list>`: chains in a phase, and for each active one its
 * validator set (and, when needed, who opted in), the bonded pool for the stake share, and the
 * spawn time of chains waiting to launch. Plain async code over the client, no DOM.
 */
import type { ConsumerChain, ConsumerPhase, ConsumerValidator, ChainContext, ReadOptions, ValidatorStanding } from '../../src/index.js';
import { nameSkeleton } from '../../src/format/index.js';
import { isActivePhase, validatorStanding } from '../../src/index.js';
import { stakeShare } from '../shared/stake.js';
import * as queries from '../../src/queries.js';

export interface ChainRow {
  chain: ConsumerChain;
  /** Validators in the set; undefined for stopped and deleted chains. */
  validators: number | undefined;
  /** Provider tokens of the set / bonded tokens of the provider. */
  stakeShare: number | undefined;
  /** Opted-in validators, when read (chains with an empty set, or with `validator` given). */
  optedIn: number | undefined;
  spawnTime: Date | undefined;
  standing: ValidatorStanding | undefined;
  /** Consumer ids of other chains whose names look the same as this one's. */
  lookAlikes: string[];
}

export interface ConsumerListData {
  phase: ConsumerPhase | 'all';
  rows: ChainRow[];
  /** The validator's moniker, when `validator` was given. */
  validatorName: string | undefined;
}

export interface ListQuery {
  phase: ConsumerPhase | 'all';
  validator: string | undefined;
}

export async function loadConsumerList(client: ChainContext, query: ListQuery, options: ReadOptions): Promise<ConsumerListData> {
  const [chains, pool, me] = await Promise.all([
    queries.consumerChains(client, { ...options, phase: query.phase }),
    queries.pool(client, options),
    query.validator ? whoIs(client, query.validator, options) : Promise.resolve(undefined),
  ]);
  const skeletons = lookAlikeGroups(chains);
  const rows = await Promise.all(
    chains.map(async (chain): Promise<ChainRow> => {
      const lookAlikes = (skeletons.get(nameSkeleton(chain.metadata.name)) ?? []).filter((id) => id !== chain.consumerId);
      if (!isActivePhase(chain.phase)) {
        return { chain, validators: undefined, stakeShare: undefined, optedIn: undefined, spawnTime: undefined, standing: undefined, lookAlikes };
      }
      const [set, spawnTime] = await Promise.all([
        queries.consumerValidators(client, chain.consumerId, options),
        // Only an initialized chain has a spawn time (a registered one has none yet).
        chain.phase === 'initialized' ? queries.consumerChain(client, chain.consumerId, options).then((d) => d.initParams?.spawnTime) : undefined,
      ]);
      const opted = set.length === 0 || me ? await queries.optedInValidators(client, chain.consumerId, options) : undefined;
      return {
        chain,
        validators: set.length,
        stakeShare: stakeShare(set, pool.bondedTokens),
        optedIn: opted?.length,
        spawnTime,
        standing: me ? standingOn(chain, set, opted ?? [], me) : undefined,
        lookAlikes,
      };
    }),
  );
  return { phase: query.phase, rows, validatorName: me?.moniker };
}

interface Me {
  consensusAddress: string;
  moniker: string;
  hasToValidate: Set<string>;
}

async function whoIs(client: ChainContext, validator: string, options: ReadOptions): Promise<Me> {
  const identity = await queries.resolveValidator(client, validator, options);
  const ids = await queries.consumerChainsOfValidator(client, identity.consensusAddress, options);
  return { consensusAddress: identity.consensusAddress, moniker: identity.moniker, hasToValidate: new Set(ids) };
}

function standingOn(chain: ConsumerChain, set: ConsumerValidator[], optedIn: string[], me: Me): ValidatorStanding {
  return validatorStanding({
    inSet: set.some((v) => v.providerAddress === me.consensusAddress),
    optedIn: optedIn.includes(me.consensusAddress),
    hasToValidate: me.hasToValidate.has(chain.consumerId),
  });
}

/** Consumer ids grouped by name skeleton: groups of two or more are look-alikes. */
function lookAlikeGroups(chains: readonly ConsumerChain[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const chain of chains) {
    const key = nameSkeleton(chain.metadata.name);
    if (key === '') continue;
    const group = groups.get(key) ?? [];
    group.push(chain.consumerId);
    groups.set(key, group);
  }
  return groups;
}
