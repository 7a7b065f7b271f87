/**
 * The provider chain's state and its block machine: staking (tokens, last power, status),
 * consumer chains and their phases, opt-ins, assigned keys and commissions, the stored
 * consumer sets, and the epoch-end recomputation with the module's own rules
 * (`computeConsumerSet` from src/power). A `Snapshot` is the read-only view a query answers
 * from; one is kept per block for historical reads.
 */
import { computeConsumerSet, activeValidators } from '../src/power/consumer-set.js';
import type { ConsumerSetMember, ProviderValidatorState } from '../src/power/consumer-set.js';
import { parseDec } from '../src/power/legacy-dec.js';
import { ACTIVE_PHASES, tokensToConsensusPower } from '../src/ics/rules.js';
import { sumPowers } from '../src/power/shares.js';
import { consensusAddressFromEd25519 } from '../src/staking/address.js';
import type { Bech32Prefixes } from '../src/chain/bech32.js';
import type { WireBondStatus } from '../src/staking/wire.js';
import type { ResolvedConsumer, ResolvedScenario } from './scenario.js';
import { cloneAccounts, genesisAccounts } from './tx/accounts.js';
import type { AccountState } from './tx/accounts.js';

/** Provider params the throttle reads (the params route writes the same values). */
export const SLASH_METER_REPLENISH_FRACTION = '0.05';
export const SLASH_METER_REPLENISH_PERIOD_SECONDS = 3600;

const DEC_ONE = 10n ** 18n;

/**
 * The keeper's `GetSlashMeterAllowance`: the replenish fraction times the total power
 * (staking's last total power), rounded as LegacyDec's RoundInt64 (half to even); never 0.
 */
export function slashMeterAllowance(totalPower: bigint, fraction = SLASH_METER_REPLENISH_FRACTION): bigint {
  const product = (parseDec(fraction) ?? 0n) * totalPower;
  const quotient = product / DEC_ONE;
  const twice = (product % DEC_ONE) * 2n;
  const rounded = twice < DEC_ONE ? quotient : twice > DEC_ONE ? quotient + 1n : quotient % 2n === 0n ? quotient : quotient + 1n;
  return rounded === 0n ? 1n : rounded;
}

/** Staking's last total power: the sum of the bonded validators' last powers. */
export function lastTotalPower(validators: readonly ValidatorState[]): bigint {
  return sumPowers(validators.map((v) => v.lastPower));
}

/** A validator's bond status by its wire name (never UNSPECIFIED on a live validator). */
export type BondStatusName = Exclude<WireBondStatus, 'BOND_STATUS_UNSPECIFIED'>;

export interface ValidatorState {
  index: number;
  operatorAddress: string;
  consensusAddress: string;
  consensusKey: string;
  moniker: string;
  website: string;
  details: string;
  commission: string;
  tokens: bigint;
  /** Staking's last validator power: tokens / 10^6 at the end of the last block, 0 when not bonded. */
  lastPower: bigint;
  jailed: boolean;
  status: BondStatusName;
}

/**
 * A consumer chain as the devnet keeps it: the scenario's fields (its spawn offset resolved to a
 * time), opt-ins as a set, and what the chain's life adds.
 */
export interface ConsumerState extends Omit<ResolvedConsumer, 'optedIn' | 'spawnOffsetSeconds'> {
  /** Set when the chain launched (for the genesis-time query). */
  launchTime: Date | undefined;
  /** Height at which the chain stopped (it is deleted some blocks later). */
  stoppedAt: number | undefined;
  /** -1 for opt-in chains. */
  minPowerInTopN: bigint;
  optedIn: Set<string>;
  /** The stored consumer set of the last epoch end (launched chains). */
  storedSet: ConsumerSetMember[];
  /**
   * Set when the chain is deleted: its power-shaping lists as registered. The keeper keeps the
   * power-shaping parameters (`consumer_chain` shows them) but deletes the allow, deny and
   * priority list indexes (`allowlist`, `denylist`, `prioritylist` above, then empty), which
   * `consumer_chains` and the set computation read.
   */
  registeredLists?: { allowlist: string[]; denylist: string[]; prioritylist: string[] };
  /** What the consumer genesis is made of, kept from launch until deletion. */
  genesis: ConsumerGenesisRecord | undefined;
}

/** The launch's part of the consumer genesis (`MakeConsumerGenesis`): the height and the first set. */
export interface ConsumerGenesisRecord {
  /** The provider height whose header the consumer's client of the provider starts from. */
  height: number;
  /** The initial validator updates: consumer key and power, in the order the set was computed. */
  validators: Array<{ key: string; power: bigint }>;
}

/** Everything a query reads, frozen at the end of one block. */
export interface Snapshot {
  chainId: string;
  height: number;
  time: Date;
  prefixes: Bech32Prefixes;
  denom: string;
  denomMetadata: ResolvedScenario['denomMetadata'];
  blocksPerEpoch: number;
  maxProviderConsensusValidators: number;
  maxValidators: number;
  minCommissionRate: string;
  validators: readonly ValidatorState[];
  consumers: readonly ConsumerState[];
  /** Bank and auth accounts by address (the RPC's auth and bank queries read them). */
  accounts: ReadonlyMap<string, AccountState>;
  /** The throttle's stored slash meter and its next replenish time candidate. */
  slashMeter: bigint;
  slashMeterReplenishCandidate: Date;
}

export class ChainState {
  /** The genesis block is height 1, as on a CometBFT chain. */
  height = 1;
  time: Date;
  validators: ValidatorState[];
  consumers: ConsumerState[];
  accounts: Map<string, AccountState>;
  /** The throttle (no slash packets here, so the meter only follows the allowance). */
  slashMeter = 0n;
  slashMeterReplenishCandidate: Date;

  constructor(
    readonly scenario: ResolvedScenario,
    readonly startTime: Date,
    readonly blockSeconds: number,
  ) {
    this.time = startTime;
    this.accounts = genesisAccounts(scenario.accounts);
    this.validators = scenario.validators.map((v, index) => ({
      index,
      operatorAddress: v.operatorAddress,
      consensusAddress: v.consensusAddress,
      consensusKey: v.consensusKey,
      moniker: v.moniker,
      website: v.website,
      details: v.details,
      commission: v.commission,
      tokens: v.tokens,
      lastPower: 0n,
      jailed: v.jailed,
      status: 'BOND_STATUS_UNBONDED',
    }));
    this.updateStaking();
    // InitGenesis: InitializeSlashMeter (meter = allowance, candidate one period on).
    this.slashMeter = slashMeterAllowance(lastTotalPower(this.validators));
    this.slashMeterReplenishCandidate = this.replenishCandidateFromNow();
    this.consumers = scenario.consumers.map((c) => this.consumerFromScenario(c)).sort((a, b) => compareIds(a.consumerId, b.consumerId));
    // Genesis is the end of an epoch for launched chains: their sets exist from the start.
    for (const consumer of this.consumers) {
      if (consumer.phase === 'deleted') deleteConsumerState(consumer);
      if (consumer.phase === 'launched') this.recompute(consumer);
      // Chains that start launched or stopped launched before genesis: their genesis holds the set of now.
      if (consumer.phase === 'launched' || consumer.phase === 'stopped') consumer.genesis = this.genesisRecord(consumer, this.computeSet(consumer).members);
      // The module stores the threshold when top_N is set (UpdateMinimumPowerInTopN), before launch too.
      else if (consumer.topN > 0 && ACTIVE_PHASES.includes(consumer.phase)) consumer.minPowerInTopN = this.computeSet(consumer).minPowerInTopN ?? 0n;
    }
  }

  private consumerFromScenario(c: ResolvedConsumer): ConsumerState {
    const { optedIn, spawnOffsetSeconds, commissions, consumerKeys, ...fields } = c;
    const spawnTime = c.spawnTime ?? (spawnOffsetSeconds === undefined ? undefined : new Date(this.startTime.getTime() + spawnOffsetSeconds * 1000));
    return {
      ...fields,
      spawnTime: c.phase === 'registered' ? undefined : spawnTime,
      launchTime: c.phase === 'launched' || c.phase === 'stopped' ? (spawnTime ?? this.startTime) : undefined,
      stoppedAt: c.phase === 'stopped' ? 0 : undefined,
      minPowerInTopN: -1n,
      optedIn: new Set(optedIn),
      commissions: new Map(commissions),
      consumerKeys: new Map(consumerKeys),
      storedSet: [],
      genesis: undefined,
    };
  }

  // ---- blocks --------------------------------------------------------------------------------

  /**
   * Runs one block: BeginBlock (launches, deletions), the block's transactions (`deliverTxs`,
   * from the devnet's mempool), EndBlock (staking powers, epoch end).
   */
  produceBlock(deliverTxs?: () => void): void {
    this.height++;
    this.time = new Date(this.startTime.getTime() + (this.height - 1) * this.blockSeconds * 1000);
    this.beginBlock();
    deliverTxs?.();
    this.updateStaking();
    if (this.height % this.scenario.blocksPerEpoch === 0) {
      for (const consumer of this.consumers) if (consumer.phase === 'launched') this.recompute(consumer);
    }
  }

  private beginBlock(): void {
    for (const consumer of this.consumers) {
      if (consumer.phase === 'initialized' && consumer.spawnTime && consumer.spawnTime <= this.time) this.launch(consumer);
      if (consumer.phase === 'stopped' && consumer.stoppedAt !== undefined && this.height - consumer.stoppedAt >= this.scenario.stoppedToDeletedBlocks) {
        deleteConsumerState(consumer);
      }
    }
    this.checkForSlashMeterReplenishment();
  }

  private replenishCandidateFromNow(): Date {
    return new Date(this.time.getTime() + SLASH_METER_REPLENISH_PERIOD_SECONDS * 1000);
  }

  /** BeginBlockCIS: replenish when the candidate time has come; a full meter follows the allowance. */
  private checkForSlashMeterReplenishment(): void {
    const allowance = slashMeterAllowance(lastTotalPower(this.validators));
    if (this.time >= this.slashMeterReplenishCandidate) {
      const meter = this.slashMeter + allowance;
      this.slashMeter = meter > allowance ? allowance : meter;
      this.slashMeterReplenishCandidate = this.replenishCandidateFromNow();
    }
    if (this.slashMeter >= allowance) {
      this.slashMeterReplenishCandidate = this.replenishCandidateFromNow();
      this.slashMeter = allowance;
    }
  }

  /** As the module: launch only when the computed set has an active validator, else back to registered. */
  private launch(consumer: ConsumerState): void {
    const active = new Set(activeValidators(this.powerStates(), this.scenario.maxProviderConsensusValidators).map((v) => v.consensusAddress));
    const set = this.computeSet(consumer);
    if (!set.members.some((m) => active.has(m.consensusAddress))) {
      consumer.phase = 'registered';
      consumer.spawnTime = undefined;
      return;
    }
    consumer.phase = 'launched';
    consumer.launchTime = this.time;
    consumer.clientId ||= `07-tendermint-${consumer.consumerId}`;
    this.recompute(consumer);
    consumer.genesis = this.genesisRecord(consumer, consumer.storedSet);
  }

  private genesisRecord(consumer: ConsumerState, members: readonly ConsumerSetMember[]): ConsumerGenesisRecord {
    const keys = new Map(this.validators.map((v) => [v.consensusAddress, v.consensusKey]));
    return {
      height: this.height,
      validators: members.map((m) => ({ key: consumer.consumerKeys.get(m.consensusAddress) ?? keys.get(m.consensusAddress) ?? '', power: m.power })),
    };
  }

  /** Staking's EndBlock: bonded set by tokens (jailed ones and those with no power out), last power = tokens' consensus power. */
  private updateStaking(): void {
    const ranked = this.validators
      .filter((v) => !v.jailed && tokensToConsensusPower(v.tokens) > 0n)
      .sort((a, b) => (a.tokens === b.tokens ? a.index - b.index : a.tokens > b.tokens ? -1 : 1));
    const bonded = new Set(ranked.slice(0, this.scenario.maxValidators));
    for (const v of this.validators) {
      const wasBonded = v.status === 'BOND_STATUS_BONDED';
      if (bonded.has(v)) {
        v.status = 'BOND_STATUS_BONDED';
        v.lastPower = tokensToConsensusPower(v.tokens);
      } else {
        v.status = wasBonded || v.jailed ? 'BOND_STATUS_UNBONDING' : 'BOND_STATUS_UNBONDED';
        v.lastPower = 0n;
      }
    }
  }

  // ---- consumer sets -------------------------------------------------------------------------

  powerStates(): ProviderValidatorState[] {
    return powerStates(this.validators);
  }

  computeSet(consumer: ConsumerState) {
    return computeSetNow(this.validators, consumer, this.scenario.maxProviderConsensusValidators);
  }

  /** The epoch end for one chain: Top-N threshold and auto opt-in, then the stored set. */
  private recompute(consumer: ConsumerState): void {
    const result = this.computeSet(consumer);
    if (consumer.topN > 0) {
      consumer.minPowerInTopN = result.minPowerInTopN ?? 0n;
      for (const address of result.autoOptedIn) consumer.optedIn.add(address);
    }
    consumer.storedSet = result.members;
  }

  // ---- changes (control API now; transactions later) -------------------------------------------

  consumer(consumerId: string): ConsumerState | undefined {
    return this.consumers.find((c) => c.consumerId === consumerId);
  }

  validator(ref: string): ValidatorState | undefined {
    return this.validators.find((v) => v.operatorAddress === ref || v.consensusAddress === ref);
  }

  optIn(consumerId: string, validatorRef: string): void {
    const { consumer, validator } = this.pair(consumerId, validatorRef);
    if (!ACTIVE_PHASES.includes(consumer.phase)) throw new Error(`consumer ${consumerId} is ${consumer.phase}: cannot opt in`);
    consumer.optedIn.add(validator.consensusAddress);
  }

  optOut(consumerId: string, validatorRef: string): void {
    const { consumer, validator } = this.pair(consumerId, validatorRef);
    consumer.optedIn.delete(validator.consensusAddress);
  }

  setTokens(validatorRef: string, tokens: bigint): void {
    const validator = this.validator(validatorRef);
    if (!validator) throw new Error(`unknown validator ${validatorRef}`);
    validator.tokens = tokens;
  }

  private pair(consumerId: string, validatorRef: string): { consumer: ConsumerState; validator: ValidatorState } {
    const consumer = this.consumer(consumerId);
    if (!consumer) throw new Error(`unknown consumer id ${consumerId}`);
    const validator = this.validator(validatorRef);
    if (!validator) throw new Error(`unknown validator ${validatorRef}`);
    return { consumer, validator };
  }

  // ---- snapshots -----------------------------------------------------------------------------

  snapshot(): Snapshot {
    const s = this.scenario;
    return {
      chainId: s.chainId,
      height: this.height,
      time: this.time,
      prefixes: s.prefixes,
      denom: s.denom,
      denomMetadata: s.denomMetadata,
      blocksPerEpoch: s.blocksPerEpoch,
      maxProviderConsensusValidators: s.maxProviderConsensusValidators,
      maxValidators: s.maxValidators,
      minCommissionRate: s.minCommissionRate,
      validators: this.validators.map((v) => ({ ...v })),
      consumers: this.consumers.map((c) => ({
        ...c,
        allowlist: [...c.allowlist],
        denylist: [...c.denylist],
        prioritylist: [...c.prioritylist],
        optedIn: new Set(c.optedIn),
        commissions: new Map(c.commissions),
        consumerKeys: new Map(c.consumerKeys),
        storedSet: c.storedSet.map((m) => ({ ...m })),
      })),
      accounts: cloneAccounts(this.accounts),
      slashMeter: this.slashMeter,
      slashMeterReplenishCandidate: this.slashMeterReplenishCandidate,
    };
  }
}

export function powerStates(validators: readonly ValidatorState[]): ProviderValidatorState[] {
  return validators.map((v) => ({
    consensusAddress: v.consensusAddress,
    tokens: v.tokens,
    power: v.lastPower,
    bonded: v.status === 'BOND_STATUS_BONDED',
  }));
}

/**
 * `DeleteConsumerChain`: the phase becomes deleted and the chain loses its client id (and the
 * client-id-to-consumer-id index, which queries find through it), consumer genesis, key
 * assignments, min power in top N, commission rates, allow/deny/priority lists, opt-ins and
 * consumer set. Chain id, phase, metadata, initialization and power-shaping parameters stay.
 */
export function deleteConsumerState(consumer: ConsumerState): void {
  consumer.phase = 'deleted';
  consumer.registeredLists ??= { allowlist: [...consumer.allowlist], denylist: [...consumer.denylist], prioritylist: [...consumer.prioritylist] };
  consumer.clientId = '';
  consumer.consumerKeys = new Map();
  consumer.minPowerInTopN = -1n;
  consumer.commissions = new Map();
  consumer.allowlist = [];
  consumer.denylist = [];
  consumer.prioritylist = [];
  consumer.optedIn = new Set();
  consumer.storedSet = [];
  consumer.genesis = undefined;
}

/** The set a chain would get if the epoch ended now (no state change). */
export function computeSetNow(validators: readonly ValidatorState[], consumer: ConsumerState, maxProviderConsensusValidators: number) {
  return computeConsumerSet({
    validators: powerStates(validators),
    shaping: consumer,
    optedIn: consumer.optedIn,
    maxProviderConsensusValidators,
  });
}

/** Consumer ids sort as the store keys them: by length, then by text (so numerically). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The consumer consensus address of an assigned key, with the provider's prefix (as the module answers). */
export function consumerAddressOfKey(key: string, prefixes: Bech32Prefixes): string {
  return consensusAddressFromEd25519(key, prefixes);
}
