/**
 * The devnet's transaction engine: CheckTx (what `broadcast_tx_*` answers), simulation (the
 * gRPC `Simulate` query), delivery inside a block, the mempool, and the results kept for the
 * `tx`, `tx_search` and `block_results` RPC methods.
 *
 * State changes are all or nothing, as in the SDK: a CheckTx failure changes nothing; at
 * delivery the ante handler's change (fee, public key, sequence) stays even when a message
 * fails, while the messages' changes are rolled back.
 */
import { sha256 } from '@cosmjs/crypto';
import { toHex } from '@cosmjs/encoding';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { MSG_OPT_IN_TYPE_URL } from '../../src/signing/message-types.js';
import type { ChainState } from '../state.js';
import type { ExecMode, MinGasPrice } from './ante.js';
import { ANTE_GAS, runAnte } from './ante.js';
import type { DecodedTx } from './decode.js';
import { decodeTx } from './decode.js';
import { TxError, isTxError, txError } from './errors.js';
import type { TxEvent } from './provider.js';
import { MESSAGE_GAS, OPT_IN_KEY_GAS, execute, saveProvider, validateBasic } from './provider.js';

export interface ExecResult {
  code: number;
  codespace: string;
  log: string;
  data: Uint8Array;
  gasWanted: bigint;
  gasUsed: bigint;
  events: TxEvent[];
}

export interface IndexedTx {
  /** Upper-case hex SHA-256 of the tx bytes, as CometBFT names a tx. */
  hash: string;
  height: number;
  /** Position in its block. */
  index: number;
  tx: Uint8Array;
  result: ExecResult;
}

export function txHash(bytes: Uint8Array): string {
  return toHex(sha256(bytes)).toUpperCase();
}

/** Parses "0.005uatom" into a scaled price. */
export function parseGasPrice(text: string): MinGasPrice {
  const match = /^(\d+(?:\.\d{1,18})?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/.exec(text);
  if (!match) throw new Error(`min gas price must look like "0.005uatom", got "${text}"`);
  const [whole, fraction = ''] = match[1]!.split('.');
  return { atomics: BigInt(whole!) * 10n ** 18n + BigInt(fraction.padEnd(18, '0')), denom: match[2]! };
}

/** Gas a tx uses: the ante handler plus each message (deterministic). */
export function gasOf(tx: DecodedTx): bigint {
  let gas = ANTE_GAS;
  for (const m of tx.messages) {
    gas += MESSAGE_GAS[m.typeUrl];
    if (m.typeUrl === MSG_OPT_IN_TYPE_URL && m.value.consumerKey !== '') gas += OPT_IN_KEY_GAS;
  }
  return gas;
}

export class TxEngine {
  /** Txs accepted by CheckTx and waiting for a block. */
  private mempool: Array<{ hash: string; bytes: Uint8Array; signer: string }> = [];
  private readonly byHash = new Map<string, IndexedTx>();
  private readonly byHeight = new Map<number, IndexedTx[]>();

  constructor(
    private readonly chain: () => ChainState,
    readonly minGasPrice: MinGasPrice,
  ) {}

  /** CheckTx: decode, ValidateBasic, ante handler without the signature's state change. */
  checkTx(bytes: Uint8Array): ExecResult & { hash: string } {
    const hash = txHash(bytes);
    if (this.mempool.some((t) => t.hash === hash) || this.byHash.has(hash)) {
      // CometBFT answers this itself, as a JSON-RPC error (see the RPC server).
      throw new DuplicateTxError();
    }
    const chain = this.chain();
    try {
      const tx = this.prepare(chain, bytes);
      const ante = runAnte({
        chain,
        tx,
        txBytes: bytes,
        mode: 'check',
        minGasPrice: this.minGasPrice,
        pendingSequence: (address) => this.pendingSequence(chain, address),
      });
      this.mempool.push({ hash, bytes, signer: ante.signer.address });
      return { hash, ...ok(ante.gasLimit, 0n, [], new Uint8Array()) };
    } catch (error) {
      return { hash, ...failure(error, 0n, 0n) };
    }
  }

  /** The `Simulate` query: the whole tx without a signature check and without keeping anything. */
  simulate(bytes: Uint8Array): ExecResult {
    const chain = this.chain();
    const tx = this.prepare(chain, bytes);
    const gas = gasOf(tx);
    const ante = runAnte({ chain, tx, txBytes: bytes, mode: 'simulate', minGasPrice: this.minGasPrice });
    const save = saveProvider(chain);
    try {
      const events = [...ante.events, ...this.runMessages(chain, tx)];
      return ok(tx.authInfo.fee?.gasLimit ?? 0n, gas, events, msgData(tx));
    } catch (error) {
      if (isTxError(error)) throw new SimulationError(error, tx.authInfo.fee?.gasLimit ?? 0n, gas);
      throw error;
    } finally {
      save.restore();
    }
  }

  /** Delivers every waiting tx into the block being produced (called from ChainState.produceBlock). */
  deliverPending(chain: ChainState): void {
    const waiting = this.mempool;
    this.mempool = [];
    const records: IndexedTx[] = [];
    for (const { hash, bytes } of waiting) {
      const result = this.deliver(chain, bytes);
      const record: IndexedTx = { hash, height: chain.height, index: records.length, tx: bytes, result };
      records.push(record);
      this.byHash.set(hash, record);
    }
    if (records.length > 0) this.byHeight.set(chain.height, records);
  }

  get pending(): number {
    return this.mempool.length;
  }

  tx(hash: string): IndexedTx | undefined {
    return this.byHash.get(hash.toUpperCase());
  }

  txsAt(height: number): IndexedTx[] {
    return this.byHeight.get(height) ?? [];
  }

  /** Every delivered tx, oldest first (for tx_search). */
  all(): IndexedTx[] {
    return [...this.byHeight.keys()].sort((a, b) => a - b).flatMap((h) => this.byHeight.get(h)!);
  }

  private deliver(chain: ChainState, bytes: Uint8Array): ExecResult {
    let tx: DecodedTx;
    let ante: ReturnType<typeof runAnte>;
    try {
      tx = this.prepare(chain, bytes);
      ante = runAnte({ chain, tx, txBytes: bytes, mode: 'deliver', minGasPrice: this.minGasPrice });
    } catch (error) {
      // The ante handler failed at delivery (e.g. a sequence taken meanwhile): nothing changes.
      return failure(error, 0n, 0n);
    }
    ante.commit();
    const gas = gasOf(tx);
    if (gas > ante.gasLimit) {
      const error = txError('sdk', 11, `out of gas in location: ${tx.messages[0]!.typeUrl}; gasWanted: ${ante.gasLimit}, gasUsed: ${gas}`);
      return failure(error, ante.gasLimit, gas, ante.events);
    }
    const save = saveProvider(chain);
    try {
      const events = [...ante.events, ...this.runMessages(chain, tx)];
      return ok(ante.gasLimit, gas, events, msgData(tx));
    } catch (error) {
      save.restore();
      return failure(error, ante.gasLimit, gas, ante.events);
    }
  }

  /** Decode and ValidateBasic (baseapp runs the latter before the ante handler, in every mode). */
  private prepare(chain: ChainState, bytes: Uint8Array): DecodedTx {
    const tx = decodeTx(bytes);
    for (const m of tx.messages) validateBasic(m, chain.scenario.prefixes);
    return tx;
  }

  private runMessages(chain: ChainState, tx: DecodedTx): TxEvent[] {
    const events: TxEvent[] = [];
    tx.messages.forEach((message, i) => {
      const msgIndex = { key: 'msg_index', value: String(i) };
      events.push({
        type: 'message',
        attributes: [{ key: 'action', value: message.typeUrl }, { key: 'sender', value: message.value.signer }, { key: 'module', value: 'provider' }, msgIndex],
      });
      for (const event of execute(chain, message)) events.push({ ...event, attributes: [...event.attributes, msgIndex] });
    });
    return events;
  }

  private pendingSequence(chain: ChainState, address: string): bigint | undefined {
    const account = chain.accounts.get(address);
    if (!account) return undefined;
    return account.sequence + BigInt(this.mempool.filter((t) => t.signer === address).length);
  }
}

/** A tx that is already in the mempool or in a block (CometBFT's "tx already exists in cache"). */
export class DuplicateTxError extends Error {
  constructor() {
    super('tx already exists in cache');
  }
}

/** A failed simulation with the gas figures the SDK appends to its message. */
export class SimulationError extends Error {
  constructor(
    readonly failure: TxError,
    readonly gasWanted: bigint,
    readonly gasUsed: bigint,
  ) {
    super(failure.log);
  }
}

function ok(gasWanted: bigint, gasUsed: bigint, events: TxEvent[], data: Uint8Array): ExecResult {
  return { code: 0, codespace: '', log: '', data, gasWanted, gasUsed, events };
}

function failure(error: unknown, gasWanted: bigint, gasUsed: bigint, events: TxEvent[] = []): ExecResult {
  const e = isTxError(error) ? error : new TxError('undefined', 1, 'internal');
  return { code: e.code, codespace: e.codespace, log: e.log, data: new Uint8Array(), gasWanted, gasUsed, events };
}

/** The tx's `data`: TxMsgData with one (empty) response per message, as SDK v0.50+ writes it. */
function msgData(tx: DecodedTx): Uint8Array {
  return TxMsgData.encode({ data: [], msgResponses: tx.messages.map((m) => ({ typeUrl: `${m.typeUrl}Response`, value: new Uint8Array() })) }).finish();
}

export type { ExecMode };
