/**
 * The devnet: a local ICS v7 provider chain that answers on loopback with the REST JSON of a
 * Cosmos SDK node. Node only; used by the tests, the demo (`npm start`) and integrators' CI.
 *
 * ```ts
 * const devnet = await startDevnet({ blockTimeMs: 0 });   // blocks only through advance()
 * const client = new ProviderClient({ rest: devnet.restUrl });
 * devnet.advanceToEpochEnd();
 * await devnet.stop();
 * ```
 */
import { fileURLToPath } from 'node:url';
import { DevnetServer } from './server.js';
import { FAULT_MODES } from './faults.js';
import type { FaultConfig, FaultMode } from './faults.js';
import type { IcsMode } from './routes.js';
import { loadScenario } from './scenario.js';
import { mantraLikeScenario } from './scenarios/mantra-like.js';
import type { ResolvedScenario, Scenario } from './scenario.js';
import { ChainState } from './state.js';
import type { Snapshot } from './state.js';
import { RpcServer } from './rpc/server.js';
import { TxEngine, parseGasPrice } from './tx/engine.js';

export type { FaultConfig } from './faults.js';
export type { IcsMode } from './routes.js';
export type { Scenario, ScenarioConsumer, ScenarioValidator, GeneratedValidators, ResolvedScenario } from './scenario.js';
export { loadScenario, ScenarioError } from './scenario.js';
export { generateScenario } from './generate.js';
// TEST ONLY: the default scenario's operators with their publicly known mnemonics, for signing
// against a devnet in tests and CI. Never fund these keys on a real chain.
export { TEST_OPERATORS, testOperator } from './test-keys.js';
export type { TestOperator, TestOperatorRole } from './test-keys.js';
export { MANTRA_LIKE, mantraLikeScenario } from './scenarios/mantra-like.js';
export type { GenerateOptions } from './generate.js';

export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL('./scenarios/default.json', import.meta.url));

/** The built-in scenarios by name. */
export const BUILT_IN_SCENARIOS = ['default', 'mantra-like'] as const;
export type BuiltInScenario = (typeof BUILT_IN_SCENARIOS)[number];

/** A built-in scenario's name becomes the scenario; anything else is passed on (object or path). */
function builtInScenario(scenario: Scenario | string | undefined): Scenario | string {
  if (scenario === undefined || scenario === 'default') return DEFAULT_SCENARIO_PATH;
  if (scenario === 'mantra-like') return mantraLikeScenario();
  return scenario;
}

export interface DevnetOptions {
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** REST port; default 0 = a free port (the CLI defaults to 1317). */
  port?: number;
  /**
   * A scenario object, the name of a built-in one (`default`: Hub-like; `mantra-like`: prefix
   * `mantra`, denom `uom` shown as `OM`) or the path of a JSON file; default: the Hub-like one.
   */
  scenario?: Scenario | string;
  /** Serve the staking denom's bank denom metadata (default true); false answers NotFound, as a chain without it. */
  denomMetadata?: boolean;
  /** Time between blocks; default 1000. 0 = manual: blocks only through `advance()`. */
  blockTimeMs?: number;
  /** 'v7' (default), 'absent' (no provider module, as on Gaia v28+), 'legacy' (ICS before v6). */
  ics?: IcsMode;
  /** Added to every answer, REST and RPC (not to control routes or CORS preflights), in ms. */
  latencyMs?: number;
  /** Blocks kept for reads at a past height (default 100). */
  keepRecentHeights?: number;
  /** CometBFT RPC port; default 0 = a free port (the CLI and `npm start` use 26657). */
  rpcPort?: number;
  /** The node's minimum gas price, checked on CheckTx (default "0.005" + the scenario's denom). */
  minGasPrice?: string;
}

/** What the control API's `GET /__devnet/info` answers. */
export interface DevnetInfo {
  chainId: string;
  height: number;
  blocksPerEpoch: number;
  icsMode: IcsMode;
}

export interface Devnet {
  readonly restUrl: string;
  /** CometBFT JSON-RPC: status, abci_query, broadcast_tx_*, tx, tx_search, block (devnet/rpc). */
  readonly rpcUrl: string;
  readonly chainId: string;
  height(): number;
  /** Produces blocks now (default 1), running epoch ends; returns the new height. */
  advance(blocks?: number): number;
  /** Produces blocks up to and including the next epoch-end block. */
  advanceToEpochEnd(): number;
  /** Back to the scenario's start: height, chains, opt-ins; faults cleared. */
  reset(): void;
  setFaults(faults: FaultConfig | null): void;
  setIcsMode(mode: IcsMode): void;
  /** Changes without a transaction, for tests and demos. `validator`: operator or consensus address. */
  optIn(consumerId: string, validator: string): void;
  optOut(consumerId: string, validator: string): void;
  setTokens(validator: string, tokens: bigint): void;
  /** The chain's live state (tests read it; change it only through the methods above). */
  state(): ChainState;
  stop(): Promise<void>;
}

/** A fault config from the control API, checked so a typo fails loudly instead of injecting nothing. */
function checkFaults(body: unknown): FaultConfig {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('faults must be an object or null');
  const f = body as Record<string, unknown>;
  const known = new Set(['mode', 'status', 'pathPrefix', 'times', 'latencyMs', 'host', 'retryAfter']);
  for (const key of Object.keys(f)) if (!known.has(key)) throw new Error(`unknown fault field "${key}"`);
  if (f.mode !== undefined && !FAULT_MODES.includes(f.mode as FaultMode)) throw new Error(`fault mode must be one of ${FAULT_MODES.join(', ')}`);
  const whole = (name: string, min: number, max: number) => {
    const v = f[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max))
      throw new Error(`fault ${name} must be a whole number from ${min} to ${max}`);
  };
  whole('status', 100, 599);
  whole('times', 0, Number.MAX_SAFE_INTEGER);
  whole('latencyMs', 0, 600_000);
  for (const name of ['pathPrefix', 'host', 'retryAfter']) {
    if (f[name] !== undefined && typeof f[name] !== 'string') throw new Error(`fault ${name} must be a string`);
  }
  return f as FaultConfig;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const loaded: ResolvedScenario = loadScenario(builtInScenario(options.scenario));
  const scenario: ResolvedScenario = options.denomMetadata === false ? { ...loaded, denomMetadata: undefined } : loaded;
  const blockTimeMs = options.blockTimeMs ?? 1000;
  const keep = options.keepRecentHeights ?? 100;
  // Chain time advances one block interval per block (a second when blocks are manual).
  const blockSeconds = (blockTimeMs || 1000) / 1000;
  const startTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  let icsMode: IcsMode = options.ics ?? 'v7';
  let chain = new ChainState(scenario, startTime, blockSeconds);
  let snapshots = new Map<number, Snapshot>();
  const minGasPrice = parseGasPrice(options.minGasPrice ?? `0.005${scenario.denom}`);
  let engine = new TxEngine(() => chain, minGasPrice);

  const commit = () => {
    snapshots.set(chain.height, chain.snapshot());
    for (const height of snapshots.keys()) if (height <= chain.height - keep) snapshots.delete(height);
  };
  commit();

  const advance = (blocks = 1): number => {
    if (!Number.isInteger(blocks) || blocks < 0 || blocks > 100_000) throw new Error(`blocks must be 0..100000, got ${blocks}`);
    for (let i = 0; i < blocks; i++) {
      chain.produceBlock(() => engine.deliverPending(chain));
      // Only the blocks that will still be in the kept window are worth a snapshot.
      if (blocks - i <= keep) commit();
    }
    return chain.height;
  };
  const advanceToEpochEnd = () => advance(scenario.blocksPerEpoch - (chain.height % scenario.blocksPerEpoch));

  const server = new DevnetServer({
    // Queries at the latest height see changes made since the last block (as a control API
    // change would be part of the next block), so tests need not produce a block to read them.
    latest: () => chain.snapshot(),
    at: (height) => snapshots.get(height),
    oldestKept: () => Math.max(0, chain.height - keep + 1),
    icsMode: () => icsMode,
    control: (action, body) => control(action, body),
  });
  server.latencyMs = options.latencyMs ?? 0;

  const rpc = new RpcServer(() => ({
    latest: () => chain.snapshot(),
    at: (height) => snapshots.get(height),
    icsMode: () => icsMode,
    engine: () => engine,
    blockTime: (height) => new Date(startTime.getTime() + (height - 1) * blockSeconds * 1000),
    // With manual blocks a transaction gets its own block at once; with timed blocks it waits
    // in the mempool for the next one.
    accepted: () => {
      if (blockTimeMs === 0) advance(1);
    },
  }));
  rpc.latencyMs = options.latencyMs ?? 0;

  const devnet: Devnet = {
    restUrl: '',
    rpcUrl: '',
    chainId: scenario.chainId,
    height: () => chain.height,
    advance,
    advanceToEpochEnd,
    reset: () => {
      chain = new ChainState(scenario, startTime, blockSeconds);
      engine = new TxEngine(() => chain, minGasPrice);
      snapshots = new Map();
      commit();
      server.faults.set(null);
      icsMode = options.ics ?? 'v7';
    },
    setFaults: (faults) => server.faults.set(faults),
    setIcsMode: (mode) => {
      icsMode = mode;
    },
    optIn: (consumerId, validator) => chain.optIn(consumerId, validator),
    optOut: (consumerId, validator) => chain.optOut(consumerId, validator),
    setTokens: (validator, tokens) => chain.setTokens(validator, tokens),
    state: () => chain,
    stop: async () => {
      if (timer) clearInterval(timer);
      await Promise.all([server.close(), rpc.close()]);
    },
  };

  function control(action: string, body: unknown): unknown {
    const input = (body ?? {}) as Record<string, unknown>;
    switch (action) {
      case 'info':
        return { chainId: scenario.chainId, height: chain.height, blocksPerEpoch: scenario.blocksPerEpoch, icsMode } satisfies DevnetInfo;
      case 'reset':
        devnet.reset();
        return { height: chain.height };
      case 'advance':
        return { height: input.toEpochEnd === true ? advanceToEpochEnd() : advance(typeof input.blocks === 'number' ? input.blocks : 1) };
      case 'faults':
        server.faults.set(body === undefined || body === null ? null : checkFaults(body));
        return {};
      case 'ics':
        if (input.mode !== 'v7' && input.mode !== 'absent' && input.mode !== 'legacy') throw new Error('mode must be v7, absent or legacy');
        icsMode = input.mode;
        return { icsMode };
      case 'opt-in':
        chain.optIn(String(input.consumerId), String(input.validator));
        return {};
      case 'opt-out':
        chain.optOut(String(input.consumerId), String(input.validator));
        return {};
      default:
        throw new Error(`unknown control action "${action}"`);
    }
  }

  const restUrl = await server.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  (devnet as { restUrl: string }).restUrl = restUrl;
  (devnet as { rpcUrl: string }).rpcUrl = await rpc.listen(options.host ?? '127.0.0.1', options.rpcPort ?? 0);
  let timer: NodeJS.Timeout | undefined;
  if (blockTimeMs > 0) {
    timer = setInterval(() => advance(1), blockTimeMs);
    timer.unref();
  }
  return devnet;
}
