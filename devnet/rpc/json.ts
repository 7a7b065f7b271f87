/**
 * CometBFT 0.38 JSON-RPC answers, as its RPC server writes them: int64 as strings, hashes and
 * addresses as upper-case hex, bytes as base64, times RFC 3339 with nanoseconds trimmed, event
 * attributes as plain strings with an `index` flag.
 *
 * Block and app hashes are derived per height from the chain id, the same derivation the REST
 * side's `blocks/latest` uses, so both protocols name a block the same way.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeAddress } from '../../src/chain/bech32.js';
import type { Snapshot, ValidatorState } from '../state.js';
import type { ExecResult, IndexedTx } from '../tx/engine.js';
import type { TxEvent } from '../tx/provider.js';
import { timestamp } from '../views.js';

/** CometBFT 0.38.x: cosmjs picks its client by this version prefix. */
export const COMET_VERSION = '0.38.17';
export const APP_VERSION = 'v27.6.0-devnet';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The derived hash of one header field at one height (REST's `blocks/latest` has the same bytes). */
export function derivedHash(chainId: string, what: string, height: number): Uint8Array {
  return sha256(new TextEncoder().encode(`${chainId}/${what}/${height}`));
}

/** The block's proposer: the bonded validator with the most stake, as on the REST side. */
export function proposer(snapshot: Snapshot): ValidatorState | undefined {
  return snapshot.validators
    .filter((v) => v.status === 'BOND_STATUS_BONDED')
    .reduce<ValidatorState | undefined>((best, v) => (!best || v.tokens > best.tokens ? v : best), undefined);
}

function proposerHex(snapshot: Snapshot): string {
  const p = proposer(snapshot);
  return hex(p ? decodeAddress(p.consensusAddress).bytes : new Uint8Array(20));
}

function blockId(chainId: string, height: number) {
  return {
    hash: hex(derivedHash(chainId, 'block', height)),
    parts: { total: 1, hash: hex(derivedHash(chainId, 'parts', height)) },
  };
}

export interface BlockInput {
  snapshot: Snapshot;
  height: number;
  time: Date;
  txs: readonly IndexedTx[];
}

export function headerJson({ snapshot, height, time }: BlockInput) {
  const h = (what: string) => hex(derivedHash(snapshot.chainId, what, height));
  return {
    version: { block: '11', app: '0' },
    chain_id: snapshot.chainId,
    height: String(height),
    time: timestamp(time),
    last_block_id: height > 1 ? blockId(snapshot.chainId, height - 1) : { hash: '', parts: { total: 0, hash: '' } },
    last_commit_hash: h('commit'),
    data_hash: h('data'),
    validators_hash: h('validators'),
    next_validators_hash: h('validators'),
    consensus_hash: h('consensus'),
    app_hash: h('app'),
    last_results_hash: h('results'),
    evidence_hash: h('evidence'),
    proposer_address: proposerHex(snapshot),
  };
}

export function blockJson(input: BlockInput) {
  const { snapshot, height, time } = input;
  const lastCommit =
    height > 1
      ? {
          height: String(height - 1),
          round: 0,
          block_id: blockId(snapshot.chainId, height - 1),
          signatures: [
            {
              block_id_flag: 2,
              validator_address: proposerHex(snapshot),
              timestamp: timestamp(time),
              signature: b64(new Uint8Array([...derivedHash(snapshot.chainId, 'sig-r', height - 1), ...derivedHash(snapshot.chainId, 'sig-s', height - 1)])),
            },
          ],
        }
      : { height: '0', round: 0, block_id: { hash: '', parts: { total: 0, hash: '' } }, signatures: [] };
  return {
    block_id: blockId(snapshot.chainId, height),
    block: {
      header: headerJson(input),
      data: { txs: input.txs.map((t) => b64(t.tx)) },
      evidence: { evidence: [] },
      last_commit: lastCommit,
    },
  };
}

export function blockResultsJson(input: BlockInput) {
  return {
    height: String(input.height),
    txs_results: input.txs.length > 0 ? input.txs.map((t) => execResultJson(t.result)) : null,
    finalize_block_events: [],
    validator_updates: [],
    consensus_param_updates: null,
    app_hash: b64(derivedHash(input.snapshot.chainId, 'app', input.height)),
  };
}

export function eventsJson(events: readonly TxEvent[]) {
  return events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value, index: true })) }));
}

/** ExecTxResult (0.38): code and codespace as numbers and strings, gas as int64 strings. */
export function execResultJson(r: ExecResult) {
  return {
    code: r.code,
    data: r.data.length > 0 ? b64(r.data) : null,
    log: r.log,
    info: '',
    gas_wanted: r.gasWanted.toString(),
    gas_used: r.gasUsed.toString(),
    events: eventsJson(r.events),
    codespace: r.codespace,
  };
}

export function txJson(t: IndexedTx) {
  return { hash: t.hash, height: String(t.height), index: t.index, tx_result: execResultJson(t.result), tx: b64(t.tx) };
}

export function statusJson(latest: Snapshot, earliestTime: Date, rpcAddress: string) {
  const node = derivedHash(latest.chainId, 'node', 0).subarray(0, 20);
  const key = derivedHash(latest.chainId, 'node-key', 0);
  return {
    node_info: {
      protocol_version: { p2p: '8', block: '11', app: '0' },
      id: Buffer.from(node).toString('hex'),
      listen_addr: 'tcp://127.0.0.1:26656',
      network: latest.chainId,
      version: COMET_VERSION,
      channels: '40202122233038606100',
      moniker: 'ics-devnet',
      other: { tx_index: 'on', rpc_address: rpcAddress },
    },
    sync_info: {
      latest_block_hash: hex(derivedHash(latest.chainId, 'block', latest.height)),
      latest_app_hash: hex(derivedHash(latest.chainId, 'app', latest.height)),
      latest_block_height: String(latest.height),
      latest_block_time: timestamp(latest.time),
      earliest_block_hash: hex(derivedHash(latest.chainId, 'block', 1)),
      earliest_app_hash: hex(derivedHash(latest.chainId, 'app', 1)),
      earliest_block_height: '1',
      earliest_block_time: timestamp(earliestTime),
      catching_up: false,
    },
    // A full node, not a validator: its own key with no voting power.
    validator_info: {
      address: hex(sha256(key).subarray(0, 20)),
      pub_key: { type: 'tendermint/PubKeyEd25519', value: b64(key) },
      voting_power: '0',
    },
  };
}

export function abciInfoJson(latest: Snapshot) {
  return {
    response: {
      data: 'GaiaApp',
      version: APP_VERSION,
      app_version: '0',
      last_block_height: String(latest.height),
      last_block_app_hash: b64(derivedHash(latest.chainId, 'app', latest.height)),
    },
  };
}
