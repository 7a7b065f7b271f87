/**
 * The reads behind `<ics-power-chart>` and the numbers it draws, worked out once per load with
 * the core's power maths (`src/power`): each validator's share and running share, the Nakamoto
 * coefficient, the 2/3 mark, the Top-N cut, and who is opted in but outside the set (and why,
 * from `computeConsumerSet`'s `excluded` reasons). Plain async code over the client, no DOM.
 */
import type { ConsumerChainDetails, ConsumerValidator, ChainContext, ReadOptions, StakingValidator } from '../../src/index.js';
import { isIcsError } from '../../src/index.js';
import {
  activeValidators,
  computeConsumerSet,
  countInTopN,
  cumulativeCurve,
  minPowerInTopN,
  nakamotoCoefficient,
  ratio,
  sumPowers,
} from '../../src/power/index.js';
import type { ExclusionReason, ProviderValidatorState } from '../../src/power/index.js';
import { consensusPower, isActivePhase, tokensToConsensusPower } from '../../src/index.js';
import { nextTask } from '../../src/index.js';
import * as queries from '../../src/queries.js';

/**
 * Where a validator stands: in the set; opted in and joining at the next epoch end (`pending`);
 * opted in (or required by Top-N) but kept out by a list, the minimum stake or the set cap
 * (`left-out`); bonded on the provider but outside its active set (`inactive`, provider chart only).
 */
export type ChartStatus = 'in-set' | 'pending' | 'left-out' | 'inactive';

export interface ChartValidator {
  /** Provider consensus address (`cosmosvalcons1…`), the key of the row. */
  consensusAddress: string;
  /** Operator address (`cosmosvaloper1…`); "" when the provider does not list the validator as bonded. */
  operatorAddress: string;
  moniker: string;
  /** The power charted: consumer power for a set member, provider power otherwise. */
  power: bigint;
  /** Power on the provider (bonded tokens / 10^6). */
  providerPower: bigint;
  /** 1-based rank by `power` in its group (the set, or the validators outside it). */
  rank: number;
  /** `power` / the set's total (for validators outside the set: what they would hold of it). */
  share: number;
  /** Share held by this validator and every one ranked above it (set members only; 0 outside). */
  cumulative: number;
  status: ChartStatus;
  /** Why a `left-out` (or `inactive`) validator is not in the set. */
  reason: ExclusionReason | undefined;
  /** In the top N% of provider power on a Top-N chain (so it must validate). */
  inTopN: boolean;
}

export interface TopNCut {
  /** N, in percent. */
  n: number;
  /** `min_power_in_top_N`: the least provider power that is still in the top N%. */
  minPower: bigint;
  /** Active provider validators with at least `minPower`: the validators the rule requires. */
  count: number;
}

export type PowerChartData =
  | { found: false; message: string }
  | {
      found: true;
      /** The consumer chain; undefined when the chart is of the provider's own set. */
      chain: ConsumerChainDetails | undefined;
      /** The provider's chain id (named in the summary of a provider chart). */
      providerChainId: string;
      /** The set, ranked by power (largest first). */
      set: ChartValidator[];
      /** Validators outside the set worth showing: opted in (pending or left out), or inactive. */
      outside: ChartValidator[];
      total: bigint;
      /** The fewest validators with more than 1/3 of the power (can halt the chain). */
      nakamoto: number;
      /** The fewest validators with more than 2/3 of the power (can make blocks alone). */
      twoThirds: number;
      topN: TopNCut | undefined;
    };

type Found = Extract<PowerChartData, { found: true }>;

/** `consumerId` undefined: the provider's own active set, the stake that Top-N thresholds are taken on. */
export async function loadPowerChart(client: ChainContext, consumerId: string | undefined, options: ReadOptions): Promise<PowerChartData> {
  const [bonded, params, providerChainId] = [queries.validators(client, options), queries.providerParams(client, options), queries.chainId(client, options)];
  // Not awaited yet: a not-found chain answers before these, and must not leave them unhandled.
  for (const p of [bonded, params, providerChainId]) (p as Promise<unknown>).catch(() => undefined);
  if (consumerId === undefined) {
    const [validators, { maxProviderConsensusValidators }, chainId] = await Promise.all([bonded, params, providerChainId]);
    // The sums and ranks in a task of their own, not the one that decoded the last response.
    await nextTask();
    return providerChart(validators, maxProviderConsensusValidators, chainId);
  }
  let chain: ConsumerChainDetails;
  try {
    chain = await queries.consumerChain(client, consumerId, options);
  } catch (error) {
    if (isIcsError(error) && error.kind === 'not-found') return { found: false, message: error.message };
    throw error;
  }
  if (!isActivePhase(chain.phase)) {
    return { found: false, message: `Consumer chain ${consumerId} (${chain.chainId}) is ${chain.phase}: it has no validator set.` };
  }
  const [set, optedIn, validators, { maxProviderConsensusValidators }, chainId] = await Promise.all([
    queries.consumerValidators(client, consumerId, options),
    queries.optedInValidators(client, consumerId, options),
    bonded,
    params,
    providerChainId,
  ]);
  await nextTask();
  return consumerChart(chain, set, optedIn, validators, maxProviderConsensusValidators, chainId);
}

/** The provider's power states, as the module's set computation takes them. */
function powerStates(bonded: readonly StakingValidator[]): ProviderValidatorState[] {
  return bonded.map((v) => ({
    consensusAddress: v.consensusAddress,
    tokens: v.tokens,
    power: consensusPower(v.tokens, v.status === 'bonded'),
    bonded: v.status === 'bonded',
  }));
}

function providerChart(bonded: readonly StakingValidator[], maxActive: number, providerChainId: string): Found {
  const byTokens = [...bonded].sort((a, b) => (a.tokens === b.tokens ? a.consensusAddress.localeCompare(b.consensusAddress) : a.tokens > b.tokens ? -1 : 1));
  const toRow = (v: StakingValidator, status: ChartStatus): ChartValidator => ({
    consensusAddress: v.consensusAddress,
    operatorAddress: v.operatorAddress,
    moniker: v.description.moniker,
    power: tokensToConsensusPower(v.tokens),
    providerPower: tokensToConsensusPower(v.tokens),
    rank: 0,
    share: 0,
    cumulative: 0,
    status,
    reason: status === 'inactive' ? 'inactive' : undefined,
    inTopN: false,
  });
  const set = byTokens.slice(0, maxActive).map((v) => toRow(v, 'in-set'));
  const outside = byTokens.slice(maxActive).map((v) => toRow(v, 'inactive'));
  return summarise({ chain: undefined, providerChainId, set, outside, topN: undefined });
}

function consumerChart(
  chain: ConsumerChainDetails,
  members: readonly ConsumerValidator[],
  optedIn: readonly string[],
  bonded: readonly StakingValidator[],
  maxActive: number,
  providerChainId: string,
): Found {
  const states = powerStates(bonded);
  const next = computeConsumerSet({ validators: states, shaping: chain.powerShaping, optedIn: new Set(optedIn), maxProviderConsensusValidators: maxActive });
  const staking = new Map(bonded.map((v) => [v.consensusAddress, v]));
  const active = activeValidators(states, maxActive);
  let topN: TopNCut | undefined;
  if (chain.kind === 'top-n' && chain.powerShaping.topN > 0) {
    const powers = active.map((v) => v.power);
    const minPower = minPowerInTopN(powers, chain.powerShaping.topN);
    if (minPower !== undefined) topN = { n: chain.powerShaping.topN, minPower, count: countInTopN(powers, minPower) };
  }
  const inTopN = (power: bigint) => topN !== undefined && power >= topN.minPower;

  const set: ChartValidator[] = members.map((m) => ({
    consensusAddress: m.providerAddress,
    operatorAddress: m.operatorAddress,
    moniker: m.description.moniker,
    power: m.consumerPower,
    providerPower: m.providerPower,
    rank: 0,
    share: 0,
    cumulative: 0,
    status: 'in-set',
    reason: undefined,
    inTopN: inTopN(m.providerPower),
  }));

  // Opted in (by hand or by the Top-N rule) and not in the current set: joining at the next epoch
  // end when the recomputed set takes them, else left out for the reason the computation gives.
  const inSet = new Set(members.map((m) => m.providerAddress));
  const nextSet = new Map(next.members.map((m) => [m.consensusAddress, m]));
  const candidates = new Set([...optedIn, ...next.autoOptedIn, ...next.members.map((m) => m.consensusAddress)]);
  const outside: ChartValidator[] = [];
  for (const address of candidates) {
    if (inSet.has(address)) continue;
    const v = staking.get(address);
    const member = nextSet.get(address);
    const reason = member ? undefined : next.excluded.get(address);
    // Not bonded at all: nothing to chart (no power on the provider).
    if (!member && (reason === undefined || reason === 'not-bonded')) continue;
    const providerPower = v ? tokensToConsensusPower(v.tokens) : 0n;
    outside.push({
      consensusAddress: address,
      operatorAddress: v?.operatorAddress ?? '',
      moniker: v?.description.moniker ?? '',
      power: member ? member.power : providerPower,
      providerPower,
      rank: 0,
      share: 0,
      cumulative: 0,
      status: member ? 'pending' : 'left-out',
      reason,
      inTopN: inTopN(providerPower),
    });
  }
  return summarise({ chain, providerChainId, set, outside, topN });
}

/** Ranks both groups and fills in shares, running shares and the 1/3 and 2/3 marks. */
function summarise(input: Pick<Found, 'chain' | 'providerChainId' | 'set' | 'outside' | 'topN'>): Found {
  const byPower = (a: ChartValidator, b: ChartValidator) =>
    a.power === b.power ? a.consensusAddress.localeCompare(b.consensusAddress) : a.power > b.power ? -1 : 1;
  const set = [...input.set].sort(byPower);
  const outside = [...input.outside].sort(byPower);
  const powers = set.map((v) => v.power);
  const total = sumPowers(powers);
  // cumulativeCurve sorts the same powers the same way (descending), so point i is set[i].
  const curve = cumulativeCurve(powers);
  set.forEach((v, i) => {
    v.rank = i + 1;
    v.share = curve[i]!.share;
    v.cumulative = curve[i]!.cumulative;
  });
  outside.forEach((v, i) => {
    v.rank = i + 1;
    v.share = ratio(v.power, total);
  });
  return {
    found: true,
    ...input,
    set,
    outside,
    total,
    nakamoto: nakamotoCoefficient(powers),
    twoThirds: nakamotoCoefficient(powers, 2n, 3n),
  };
}
