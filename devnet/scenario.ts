/**
 * Scenarios: the devnet's starting state, as JSON a person can read and write. Validators are
 * listed or generated from a stake curve; consumer chains name validators by index in that list
 * (or by address). `loadScenario` checks every field and names the bad one.
 */
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeAddress, prefixesFor } from '../src/chain/bech32.js';
import { consensusAddressFromEd25519, encodeBase64 } from '../src/staking/address.js';
import type { Bech32Prefixes } from '../src/chain/bech32.js';
import { parseDec } from '../src/power/legacy-dec.js';
import { CONSUMER_PHASES } from '../src/ics/models.js';
import type { ConsumerPhase, PowerShaping } from '../src/ics/models.js';
import { hasPrefix } from './addresses.js';

/** A validator by its index in the scenario's list, or by operator or consensus address. */
export type ValidatorRef = number | string;

export interface ScenarioValidator {
  moniker?: string;
  /** Bonded tokens in the base denom, as a decimal string. */
  tokens: string;
  /** Provider commission rate, e.g. "0.05". */
  commission?: string;
  jailed?: boolean;
  /** Bech32 operator address; by default derived from the scenario seed and the index. */
  operatorAddress?: string;
  /** base64 ed25519 consensus key (32 bytes); by default derived likewise. */
  consensusKey?: string;
  website?: string;
  details?: string;
}

export interface GeneratedValidators {
  count: number;
  /** Total bonded tokens (base denom) spread over the curve. */
  totalTokens: string;
  /** Share of validator i ∝ 1 / (i + offset)^exponent, with a little deterministic jitter. */
  exponent?: number;
  offset?: number;
  /** Per-index changes, e.g. `{ "index": 190, "jailed": true }`. */
  overrides?: Array<Partial<ScenarioValidator> & { index: number }>;
}

/**
 * A consumer chain as a scenario writes it. The power-shaping numbers and flag have the core's
 * types; the lists name validators (`ValidatorRef`) and `minStake` is a decimal string, as JSON holds them.
 */
export interface ScenarioConsumer extends Partial<Pick<PowerShaping, 'topN' | 'validatorsPowerCap' | 'validatorSetCap' | 'allowInactiveVals'>> {
  consumerId: string;
  chainId: string;
  phase: ConsumerPhase;
  name: string;
  description?: string;
  metadata?: string;
  owner?: string;
  clientId?: string;
  allowlist?: ValidatorRef[];
  denylist?: ValidatorRef[];
  prioritylist?: ValidatorRef[];
  minStake?: string;
  /** Validators opted in at the start (Top-N chains add the top validators at each epoch end). */
  optedIn?: ValidatorRef[];
  /** Spawn time: RFC 3339, or relative to the devnet's start such as "+300s" or "-3600s". */
  spawnTime?: string;
  /** Per-validator consumer commission rates, by validator index or address. */
  commissions?: Record<string, string>;
  /** Per-validator assigned consumer keys (base64 ed25519), by validator index or address. */
  consumerKeys?: Record<string, string>;
}

export interface Scenario {
  chainId: string;
  /** Seed for derived addresses and keys (default: the chain id). */
  seed?: string;
  bech32Prefix?: string;
  denom?: string;
  /**
   * Bank denom metadata of the staking denom (what `/cosmos/bank/v1beta1/denoms_metadata/{denom}`
   * answers): its display unit and that unit's exponent. Absent: the node has none (NotFound).
   */
  denomMetadata?: ScenarioDenomMetadata;
  params?: {
    blocksPerEpoch?: number;
    maxProviderConsensusValidators?: number;
    maxValidators?: number;
    minCommissionRate?: string;
    /** Blocks after which a stopped chain becomes deleted. */
    stoppedToDeletedBlocks?: number;
  };
  validators: ScenarioValidator[] | GeneratedValidators;
  consumers: ScenarioConsumer[];
  /** Funded bank accounts at genesis (e.g. the test operators' accounts, so they can pay fees). */
  accounts?: ScenarioAccount[];
}

export interface ScenarioDenomMetadata {
  /** The display unit's denom, e.g. "om". */
  display: string;
  /** Its exponent over the base denom, e.g. 6. */
  exponent: number;
  /** e.g. "OM". */
  symbol?: string;
  name?: string;
  description?: string;
}

export interface ScenarioAccount {
  /** Bech32 account address (`cosmos1…`). */
  address: string;
  /** Balance in the base denom, as a decimal string. */
  balance: string;
}

/** A scenario with every default filled in and every reference resolved. */
export interface ResolvedScenario {
  chainId: string;
  prefixes: Bech32Prefixes;
  denom: string;
  denomMetadata: Required<ScenarioDenomMetadata> | undefined;
  blocksPerEpoch: number;
  maxProviderConsensusValidators: number;
  maxValidators: number;
  minCommissionRate: string;
  stoppedToDeletedBlocks: number;
  validators: ResolvedValidator[];
  consumers: ResolvedConsumer[];
  accounts: Array<{ address: string; balance: bigint }>;
}

export interface ResolvedValidator {
  moniker: string;
  tokens: bigint;
  commission: string;
  jailed: boolean;
  operatorAddress: string;
  consensusKey: string;
  consensusAddress: string;
  website: string;
  details: string;
}

/** A consumer chain resolved: its power shaping as the core models it (lists of consensus addresses). */
export interface ResolvedConsumer extends PowerShaping {
  consumerId: string;
  chainId: string;
  phase: ConsumerPhase;
  name: string;
  description: string;
  metadata: string;
  owner: string;
  clientId: string;
  optedIn: string[];
  /** Seconds from the devnet's start; undefined when not set. */
  spawnOffsetSeconds: number | undefined;
  /** Absolute spawn time when the scenario gave one. */
  spawnTime: Date | undefined;
  /** Consumer commission rates by provider consensus address. */
  commissions: Map<string, string>;
  /** Assigned consumer keys (base64 ed25519) by provider consensus address. */
  consumerKeys: Map<string, string>;
}

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** Reads a scenario from a JSON file path or takes an object, checks it and resolves it. */
export function loadScenario(input: Scenario | string): ResolvedScenario {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(readFileSync(input, 'utf8'));
    } catch (cause) {
      throw new ScenarioError(`Cannot read scenario ${input}: ${(cause as Error).message}`);
    }
  }
  return resolveScenario(raw);
}

function fail(path: string, expected: string, got: unknown): never {
  throw new ScenarioError(`Scenario field "${path}" should be ${expected}, got ${JSON.stringify(got)}.`);
}

function obj(value: unknown, path: string, known?: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  // A misspelt field would otherwise be ignored without a word.
  if (known) {
    for (const key of Object.keys(value)) {
      if (!known.includes(key))
        throw new ScenarioError(`Scenario field "${path === '(root)' ? key : `${path}.${key}`}" is unknown; known fields: ${known.join(', ')}.`);
    }
  }
  return value as Record<string, unknown>;
}

function num(value: unknown, path: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(path, `a number from ${min} to ${max}`, value);
  return value;
}

const SCENARIO_FIELDS = ['chainId', 'seed', 'bech32Prefix', 'denom', 'denomMetadata', 'params', 'validators', 'consumers', 'accounts'] as const;
const PARAM_FIELDS = ['blocksPerEpoch', 'maxProviderConsensusValidators', 'maxValidators', 'minCommissionRate', 'stoppedToDeletedBlocks'] as const;
const VALIDATOR_FIELDS = ['moniker', 'tokens', 'commission', 'jailed', 'operatorAddress', 'consensusKey', 'website', 'details'] as const;
const GENERATED_FIELDS = ['count', 'totalTokens', 'exponent', 'offset', 'overrides'] as const;
const CONSUMER_FIELDS = [
  'consumerId',
  'chainId',
  'phase',
  'name',
  'description',
  'metadata',
  'owner',
  'clientId',
  'topN',
  'validatorsPowerCap',
  'validatorSetCap',
  'allowlist',
  'denylist',
  'prioritylist',
  'minStake',
  'allowInactiveVals',
  'optedIn',
  'spawnTime',
  'commissions',
  'consumerKeys',
] as const;

function str(value: unknown, path: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

function int(value: unknown, path: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `a whole number from ${min} to ${max}`, value);
  }
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function tokens(value: unknown, path: string, fallback?: string): bigint {
  const text = str(value, path, fallback);
  if (!/^\d+$/.test(text)) fail(path, 'a whole number of tokens as a string', value);
  return BigInt(text);
}

function rate(value: unknown, path: string, fallback: string): string {
  const text = str(value, path, fallback);
  const dec = parseDec(text);
  if (dec === undefined || dec < 0n || dec > 10n ** 18n) fail(path, 'a decimal from 0 to 1 such as "0.05"', value);
  return text;
}

export function resolveScenario(raw: unknown): ResolvedScenario {
  const s = obj(raw, '(root)', SCENARIO_FIELDS);
  const chainId = str(s.chainId, 'chainId');
  if (!/^[A-Za-z0-9._-]{1,50}$/.test(chainId)) fail('chainId', 'a chain id such as "provider-devnet-1"', chainId);
  const seed = str(s.seed, 'seed', chainId);
  const prefix = str(s.bech32Prefix, 'bech32Prefix', 'cosmos');
  const prefixes = prefixesFor(prefix);
  const params = s.params === undefined ? {} : obj(s.params, 'params', PARAM_FIELDS);
  const validators = resolveValidators(s.validators, seed, prefixes);
  const refs = validatorIndex(validators);
  if (!Array.isArray(s.consumers)) fail('consumers', 'a list', s.consumers);
  const consumers = s.consumers.map((c, i) => resolveConsumer(c, `consumers[${i}]`, refs, prefix));
  const ids = new Set<string>();
  for (const c of consumers) {
    if (ids.has(c.consumerId)) fail('consumers', 'a list with unique consumer ids', c.consumerId);
    ids.add(c.consumerId);
  }
  const maxProviderConsensusValidators = int(params.maxProviderConsensusValidators, 'params.maxProviderConsensusValidators', 180, 1);
  return {
    chainId,
    prefixes,
    denom: str(s.denom, 'denom', 'uatom'),
    denomMetadata: resolveDenomMetadata(s.denomMetadata),
    blocksPerEpoch: int(params.blocksPerEpoch, 'params.blocksPerEpoch', 10, 1),
    maxProviderConsensusValidators,
    maxValidators: int(params.maxValidators, 'params.maxValidators', Math.max(200, maxProviderConsensusValidators), 1),
    minCommissionRate: rate(params.minCommissionRate, 'params.minCommissionRate', '0.05'),
    stoppedToDeletedBlocks: int(params.stoppedToDeletedBlocks, 'params.stoppedToDeletedBlocks', 100, 1),
    validators,
    consumers,
    accounts: resolveAccounts(s.accounts, prefix),
  };
}

function resolveDenomMetadata(value: unknown): Required<ScenarioDenomMetadata> | undefined {
  if (value === undefined) return undefined;
  const m = obj(value, 'denomMetadata', ['display', 'exponent', 'symbol', 'name', 'description']);
  const display = str(m.display, 'denomMetadata.display');
  if (!/^[a-zA-Z][a-zA-Z0-9/:._-]{1,127}$/.test(display)) fail('denomMetadata.display', 'a denom such as "om"', display);
  const symbol = str(m.symbol, 'denomMetadata.symbol', display.toUpperCase());
  return {
    display,
    exponent: int(m.exponent, 'denomMetadata.exponent', 0, 1, 18),
    symbol,
    name: str(m.name, 'denomMetadata.name', symbol),
    description: str(m.description, 'denomMetadata.description', `The native staking token of the chain.`),
  };
}

function resolveAccounts(value: unknown, prefix: string): Array<{ address: string; balance: bigint }> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('accounts', 'a list', value);
  const seen = new Set<string>();
  return value.map((a, i) => {
    const path = `accounts[${i}]`;
    const account = obj(a, path, ['address', 'balance']);
    const address = str(account.address, `${path}.address`);
    if (!hasPrefix(address, prefix)) fail(`${path}.address`, `a bech32 "${prefix}1…" account address`, address);
    if (seen.has(address)) fail(`${path}.address`, 'different from every other account', address);
    seen.add(address);
    return { address, balance: tokens(account.balance, `${path}.balance`) };
  });
}

/** Deterministic bytes for derived addresses and keys. */
function derived(seed: string, kind: string, index: number, length: number): Uint8Array {
  return sha256(new TextEncoder().encode(`${seed}/${kind}/${index}`)).slice(0, length);
}

const ADJECTIVES = [
  'Amber',
  'Basalt',
  'Cobalt',
  'Dawn',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Prairie',
  'Quartz',
  'Russet',
  'Summit',
  'Tidal',
];
const NOUNS = ['Node', 'Stake', 'Labs', 'Validator', 'Capital', 'Guard', 'Works', 'Relay', 'Forge', 'Keep'];

function resolveValidators(value: unknown, seed: string, prefixes: Bech32Prefixes): ResolvedValidator[] {
  let list: Array<Partial<ScenarioValidator>>;
  if (Array.isArray(value)) {
    list = value.map((v, i) => obj(v, `validators[${i}]`, VALIDATOR_FIELDS) as Partial<ScenarioValidator>);
  } else {
    const g = obj(value, 'validators', GENERATED_FIELDS);
    const count = int(g.count, 'validators.count', 0, 1, 10_000);
    const total = tokens(g.totalTokens, 'validators.totalTokens');
    const exponent = num(g.exponent, 'validators.exponent', 1.3, 0, 10);
    const offset = num(g.offset, 'validators.offset', 8, 0, 10_000);
    const weights = Array.from({ length: count }, (_, i) => {
      const jitter = 0.85 + (derived(seed, 'jitter', i, 1)[0]! / 255) * 0.3;
      return jitter / Math.pow(i + offset, exponent);
    }).sort((a, b) => b - a);
    const sum = weights.reduce((a, b) => a + b, 0);
    // Whole ATOMs (10^6 base units), so provider power = tokens / 10^6 is exact.
    list = weights.map((w) => ({ tokens: (((BigInt(Math.round((w / sum) * 1e12)) * total) / 10n ** 12n / 1_000_000n) * 1_000_000n).toString() }));
    const overrides = g.overrides === undefined ? [] : g.overrides;
    if (!Array.isArray(overrides)) fail('validators.overrides', 'a list', overrides);
    for (const [i, o] of overrides.entries()) {
      const over = obj(o, `validators.overrides[${i}]`, ['index', ...VALIDATOR_FIELDS]);
      const index = int(over.index, `validators.overrides[${i}].index`, 0, 0, count - 1);
      list[index] = { ...list[index], ...(over as Partial<ScenarioValidator>) };
    }
  }
  const seen = new Set<string>();
  return list.map((v, i) => {
    const path = `validators[${i}]`;
    const consensusKey = str(v.consensusKey, `${path}.consensusKey`, encodeBase64(derived(seed, 'consensus', i, 32)));
    if (!/^[A-Za-z0-9+/]{43}=$/.test(consensusKey)) fail(`${path}.consensusKey`, 'a base64 ed25519 key of 32 bytes', consensusKey);
    const operatorAddress = str(v.operatorAddress, `${path}.operatorAddress`, encodeAddress(prefixes.validator, derived(seed, 'operator', i, 20)));
    if (!hasPrefix(operatorAddress, prefixes.validator)) fail(`${path}.operatorAddress`, `a bech32 "${prefixes.validator}1…" address`, operatorAddress);
    for (const [what, value] of [
      ['operatorAddress', operatorAddress],
      ['consensusKey', consensusKey],
    ] as const) {
      if (seen.has(value)) fail(`${path}.${what}`, "different from every other validator's", value);
      seen.add(value);
    }
    return {
      moniker: str(
        v.moniker,
        `${path}.moniker`,
        `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}${i >= 200 ? ` ${i}` : ''}`,
      ),
      tokens: tokens(v.tokens, `${path}.tokens`),
      commission: rate(v.commission, `${path}.commission`, ['0.05', '0.07', '0.1', '0.05', '0.08'][i % 5]!),
      jailed: bool(v.jailed, `${path}.jailed`),
      operatorAddress,
      consensusKey,
      consensusAddress: consensusAddressFromEd25519(consensusKey, prefixes),
      website: str(v.website, `${path}.website`, ''),
      details: str(v.details, `${path}.details`, ''),
    };
  });
}

/** Every way a scenario may name a validator → its consensus address. */
function validatorIndex(validators: ResolvedValidator[]): (ref: unknown, path: string) => string {
  const byAddress = new Map<string, string>();
  for (const v of validators) {
    byAddress.set(v.operatorAddress, v.consensusAddress);
    byAddress.set(v.consensusAddress, v.consensusAddress);
  }
  return (ref, path) => {
    if (typeof ref === 'number' && Number.isInteger(ref) && validators[ref]) return validators[ref].consensusAddress;
    if (typeof ref === 'string' && /^\d+$/.test(ref) && validators[Number(ref)]) return validators[Number(ref)]!.consensusAddress;
    if (typeof ref === 'string' && byAddress.has(ref)) return byAddress.get(ref)!;
    // An address of a validator that is not in the list (allowlists may name anyone).
    if (typeof ref === 'string' && /valcons1/.test(ref)) return ref;
    return fail(path, 'a validator index or address from the scenario', ref);
  };
}

function resolveConsumer(value: unknown, path: string, ref: (r: unknown, p: string) => string, prefix: string): ResolvedConsumer {
  const c = obj(value, path, CONSUMER_FIELDS);
  const consumerId = str(c.consumerId, `${path}.consumerId`);
  if (!/^\d+$/.test(consumerId)) fail(`${path}.consumerId`, 'a decimal number as a string', consumerId);
  const phase = str(c.phase, `${path}.phase`) as ConsumerPhase;
  if (!CONSUMER_PHASES.includes(phase)) fail(`${path}.phase`, `one of ${CONSUMER_PHASES.join(', ')}`, phase);
  const refs = (name: string): string[] => {
    const list = c[name];
    if (list === undefined) return [];
    if (!Array.isArray(list)) fail(`${path}.${name}`, 'a list', list);
    return list.map((r, i) => ref(r, `${path}.${name}[${i}]`));
  };
  const byValidator = (name: string, check: (v: unknown, p: string) => string): Map<string, string> => {
    const record = c[name] === undefined ? {} : obj(c[name], `${path}.${name}`);
    return new Map(Object.entries(record).map(([k, v]) => [ref(k, `${path}.${name}`), check(v, `${path}.${name}.${k}`)]));
  };
  const topN = int(c.topN, `${path}.topN`, 0, 0, 100);
  if (topN !== 0 && topN < 50) fail(`${path}.topN`, '0 (opt-in) or from 50 to 100', topN);
  let spawnOffsetSeconds: number | undefined;
  let spawnTime: Date | undefined;
  if (c.spawnTime !== undefined) {
    const text = str(c.spawnTime, `${path}.spawnTime`);
    const relative = /^([+-]\d+)s$/.exec(text);
    if (relative) spawnOffsetSeconds = Number(relative[1]);
    else if (!Number.isNaN(Date.parse(text))) spawnTime = new Date(text);
    else fail(`${path}.spawnTime`, 'an RFC 3339 time or "+<seconds>s"', text);
  }
  // The module moves a chain to INITIALIZED only with a non-zero spawn time.
  if (phase === 'initialized' && c.spawnTime === undefined) fail(`${path}.spawnTime`, 'set for an initialized chain', undefined);
  // The module's limits (MaxNameLength and friends), which Go checks in bytes.
  const bounded = (field: string, text: string, max: number): string => {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes === 0 || bytes > max)
      fail(`${path}.${field}`, `a non-empty text of at most ${max} UTF-8 bytes (has ${bytes})`, text.length > 80 ? `${text.slice(0, 77)}…` : text);
    return text;
  };
  const name = bounded('name', str(c.name, `${path}.name`), 50);
  return {
    consumerId,
    chainId: bounded('chainId', str(c.chainId, `${path}.chainId`), 50),
    phase,
    name,
    description: bounded('description', str(c.description, `${path}.description`, `${name} consumer chain.`), 10_000),
    metadata: bounded('metadata', str(c.metadata, `${path}.metadata`, '{"phase":"mainnet"}'), 255),
    owner: str(c.owner, `${path}.owner`, encodeAddress(prefix, derived('owner', consumerId, 0, 20))),
    clientId: str(c.clientId, `${path}.clientId`, phase === 'launched' || phase === 'stopped' ? `07-tendermint-${consumerId}` : ''),
    topN,
    validatorsPowerCap: int(c.validatorsPowerCap, `${path}.validatorsPowerCap`, 0, 0, 100),
    validatorSetCap: int(c.validatorSetCap, `${path}.validatorSetCap`, 0, 0, 0xffffffff),
    allowlist: refs('allowlist'),
    denylist: refs('denylist'),
    prioritylist: refs('prioritylist'),
    minStake: tokens(c.minStake, `${path}.minStake`, '0'),
    allowInactiveVals: bool(c.allowInactiveVals, `${path}.allowInactiveVals`),
    optedIn: refs('optedIn'),
    spawnOffsetSeconds,
    spawnTime,
    commissions: byValidator('commissions', (v, p) => rate(v, p, '0')),
    consumerKeys: byValidator('consumerKeys', (v, p) => {
      const key = str(v, p);
      if (!/^[A-Za-z0-9+/]{43}=$/.test(key)) fail(p, 'a base64 ed25519 key of 32 bytes', key);
      return key;
    }),
  };
}
