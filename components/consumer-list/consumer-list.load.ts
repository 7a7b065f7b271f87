/**
 * The reads behind `<ics-consumer-list>`: first the chains in a phase, the bonded pool and (with
 * `validator`) who that validator is, which is enough to show every row; then, row by row, the
 * figures: a chain's validator set (and, when needed, who opted in) for its count, stake share
 * and the validator's standing, and the spawn time of a chain waiting to launch. Plain async
 * code over the client, no DOM.
 */
import type { ConsumerChain, ConsumerPhase, ConsumerValidator, ChainContext, ReadOptions, ValidatorStanding } from '../../src/index.js';
import { nameSkeleton } from '../../src/format/index.js';
import { isActivePhase, validatorStanding } from '../../src/index.js';
import { stakeShare } from '../shared/stake.js';
import * as queries from '../../src/queries.js';

/** A row as the chain list gives it: shown at once. */
export interface ChainRow {
  chain: ConsumerChain;
  /** Consumer ids of other chains whose names look the same as this one's. */
  lookAlikes: string[];
  /** The figures, when the chain list already says them (a stopped or deleted chain has no set to read). */
  known: RowFigures | undefined;
}

/** A row's figures: read one row at a time, after the rows are shown. */
export interface RowFigures {
  /** Validators in the set; undefined for stopped and deleted chains. */
  validators: number | undefined;
  /** Provider tokens of the set / bonded tokens of the provider. */
  stakeShare: number | undefined;
  /** Opted-in validators, when read (chains with an empty set, or with `validator` given). */
  optedIn: number | undefined;
  spawnTime: Date | undefined;
  standing: ValidatorStanding | undefined;
}

export interface ConsumerListData {
  phase: ConsumerPhase | 'all';
  rows: ChainRow[];
  /** The validator's moniker, when `validator` was given. */
  validatorName: string | undefined;
  /** Reads one row's figures (the load's client, pool and validator; aborted with the load or `signal`). */
  readFigures: (chain: ConsumerChain, signal: AbortSignal) => Promise<RowFigures>;
}

export interface ListQuery {
  phase: ConsumerPhase | 'all';
  validator: string | undefined;
}

const NO_SET: RowFigures = { validators: undefined, stakeShare: undefined, optedIn: undefined, spawnTime: undefined, standing: undefined };

export async function loadConsumerList(client: ChainContext, query: ListQuery, options: ReadOptions): Promise<ConsumerListData> {
  const [chains, pool, me] = await Promise.all([
    queries.consumerChains(client, { ...options, phase: query.phase }),
    queries.pool(client, options),
    query.validator ? whoIs(client, query.validator, options) : Promise.resolve(undefined),
  ]);
  const skeletons = lookAlikeGroups(chains);
  const rows = chains.map((chain): ChainRow => ({
    chain,
    lookAlikes: (skeletons.get(nameSkeleton(chain.metadata.name)) ?? []).filter((id) => id !== chain.consumerId),
    known: isActivePhase(chain.phase) ? undefined : NO_SET,
  }));
  const readFigures = (chain: ConsumerChain, signal: AbortSignal) => {
    // Each row's reads get their own time bound: a row read late (out of view) is not out of time.
    const signals = options.signal ? [options.signal, signal] : [signal];
    const rowOptions: ReadOptions = { signal: AbortSignal.any(signals), fresh: options.fresh, deadline: Date.now() + client.config.timeoutMs };
    return figuresOf(client, chain, pool.bondedTokens, me, rowOptions);
  };
  return { phase: query.phase, rows, validatorName: me?.moniker, readFigures };
}

async function figuresOf(client: ChainContext, chain: ConsumerChain, bonded: bigint, me: Me | undefined, options: ReadOptions): Promise<RowFigures> {
  const [set, spawnTime] = await Promise.all([
    queries.consumerValidators(client, chain.consumerId, options),
    // Only an initialized chain has a spawn time (a registered one has none yet).
    chain.phase === 'initialized' ? queries.consumerChain(client, chain.consumerId, options).then((d) => d.initParams?.spawnTime) : undefined,
  ]);
  const opted = set.length === 0 || me ? await queries.optedInValidators(client, chain.consumerId, options) : undefined;
  return {
    validators: set.length,
    stakeShare: stakeShare(set, bonded),
    optedIn: opted?.length,
    spawnTime,
    standing: me ? standingOn(chain, set, opted ?? [], me) : undefined,
  };
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
