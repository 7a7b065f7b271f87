/**
 * The devnet's CometBFT JSON-RPC server (its own port; 26657 for the CLI and `npm start`):
 * JSON-RPC 2.0 over HTTP POST (one request or a batch) and over GET with URI parameters, with
 * CORS, answering the methods cosmjs's `StargateClient` / `SigningStargateClient` use to
 * connect, read accounts, simulate, broadcast and find transactions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClosableServer } from '../http.js';
import type { Snapshot } from '../state.js';
import { DuplicateTxError } from '../tx/engine.js';
import type { IndexedTx } from '../tx/engine.js';
import type { AbciContext } from './abci.js';
import { abciQuery } from './abci.js';
import { abciInfoJson, blockJson, blockResultsJson, execResultJson, statusJson, txJson } from './json.js';
import { QueryError, matches, parseQuery } from './search.js';

export interface RpcChain extends AbciContext {
  /** The time of block `height` (chain time advances one block interval per block). */
  blockTime(height: number): Date;
  /** CheckTx accepted a tx: with manual blocks, the devnet makes its block at once. */
  accepted(): void;
}

/** A JSON-RPC error as CometBFT writes it (`RPCInternalError`, `RPCInvalidParamsError`, …). */
class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: string,
  ) {
    super(message);
  }
}

const internal = (data: string) => new RpcError(-32603, 'Internal error', data);
const invalidParams = (data: string) => new RpcError(-32602, 'Invalid params', data);

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'HEAD, GET, POST, OPTIONS',
  'access-control-allow-headers': 'Origin, Accept, Content-Type, X-Requested-With, X-Server-Time',
  'access-control-max-age': '600',
};

/** How long broadcast_tx_commit waits for the block (CometBFT's timeout_broadcast_tx_commit). */
const COMMIT_TIMEOUT_MS = 10_000;

type Params = Record<string, unknown>;

/** Reads a method's params from JSON (POST) or URI (GET) form. */
class ParamReader {
  constructor(
    private readonly params: Params,
    private readonly uri: boolean,
  ) {}

  raw(name: string): unknown {
    const v = this.params[name];
    return this.uri && typeof v === 'string' ? unquote(v) : v;
  }

  string(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw invalidParams(`error converting json params to arguments: ${name} must be a string`);
    return v;
  }

  int(name: string, fallback: number): number {
    const v = this.raw(name);
    if (v === undefined || v === null || v === '') return fallback;
    const n = typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) throw invalidParams(`error converting json params to arguments: ${name} must be an integer`);
    return n;
  }

  /** Bytes: `0x…` hex in URI form, else the JSON encoding (hex for HexBytes, base64 for []byte). */
  bytes(name: string, json: 'hex' | 'base64'): Uint8Array {
    const original = this.params[name];
    if (typeof original !== 'string') {
      if (original === undefined || original === null) return new Uint8Array();
      throw invalidParams(`error converting json params to arguments: ${name} must be a string`);
    }
    if (this.uri && /^0x[0-9a-fA-F]*$/.test(original)) return Buffer.from(original.slice(2), 'hex');
    const text = this.uri ? unquote(original) : original;
    if (json === 'hex') {
      if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw invalidParams(`error converting json params to arguments: ${name} is not hex`);
      return Buffer.from(text, 'hex');
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw invalidParams(`error converting json params to arguments: ${name} is not base64`);
    return Buffer.from(text, 'base64');
  }
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

export class RpcServer {
  /** Added to every answer, in ms, as the REST server does: one delay per HTTP request, so a batch pays it once. */
  latencyMs = 0;
  private readonly http = new ClosableServer();
  private url = '';

  constructor(private readonly chain: () => RpcChain) {}

  async listen(host: string, port: number): Promise<string> {
    this.url = await this.http.listen(host, port, (req, res) => void this.handle(req, res));
    return this.url;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url ?? '/', 'http://devnet');
    if (req.method === 'GET' && url.pathname !== '/') {
      const params: Params = Object.fromEntries(url.searchParams);
      this.send(res, 200, await this.call(-1, url.pathname.slice(1), params, true));
      return;
    }
    if (req.method !== 'POST') {
      this.send(res, 405, { jsonrpc: '2.0', id: -1, error: { code: -32600, message: 'Invalid Request', data: 'use POST or GET /<method>' } });
      return;
    }
    let body: unknown;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      this.send(res, 500, {
        jsonrpc: '2.0',
        id: -1,
        error: { code: -32700, message: 'Parse error', data: `error unmarshaling request: ${(error as Error).message}` },
      });
      return;
    }
    const requests = Array.isArray(body) ? body : [body];
    const responses = [];
    for (const request of requests) responses.push(await this.one(request));
    this.send(res, 200, Array.isArray(body) ? responses : responses[0]);
  }

  private async one(request: unknown) {
    if (typeof request !== 'object' || request === null) {
      return { jsonrpc: '2.0', id: -1, error: { code: -32600, message: 'Invalid Request', data: 'not a JSON-RPC request object' } };
    }
    const { id = -1, method, params } = request as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof method !== 'string') return { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid Request', data: 'method must be a string' } };
    const named = params === undefined || params === null ? {} : params;
    if (typeof named !== 'object' || Array.isArray(named)) {
      return { jsonrpc: '2.0', id, error: { code: -32602, message: 'Invalid params', data: 'params must be an object of named parameters' } };
    }
    return this.call(id, method, named as Params, false);
  }

  private async call(id: unknown, method: string, params: Params, uri: boolean) {
    try {
      return { jsonrpc: '2.0', id, result: await this.method(method, new ParamReader(params, uri)) };
    } catch (error) {
      const e = error instanceof RpcError ? error : internal((error as Error).message);
      return { jsonrpc: '2.0', id, error: { code: e.code, message: e.message, data: e.data } };
    }
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { ...CORS, 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async method(name: string, p: ParamReader): Promise<unknown> {
    const chain = this.chain();
    const latest = chain.latest();
    switch (name) {
      case 'health':
        return {};
      case 'status':
        return statusJson(latest, chain.blockTime(1), this.url.replace(/^http/, 'tcp'));
      case 'abci_info':
        return abciInfoJson(latest);
      case 'abci_query': {
        const path = p.string('path');
        if (!path) throw invalidParams('error converting json params to arguments: path is required');
        const result = abciQuery(chain, { path, data: p.bytes('data', 'hex'), height: p.int('height', 0) });
        return {
          response: {
            code: result.code,
            log: result.log,
            info: '',
            index: '0',
            key: null,
            value: result.value.length > 0 ? Buffer.from(result.value).toString('base64') : null,
            proofOps: null,
            height: String(result.height),
            codespace: result.codespace,
          },
        };
      }
      case 'broadcast_tx_sync':
      case 'broadcast_tx_async':
      case 'broadcast_tx_commit':
        return this.broadcast(name, p.bytes('tx', 'base64'), chain);
      case 'tx': {
        const hash = Buffer.from(p.bytes('hash', 'base64')).toString('hex').toUpperCase();
        const found = chain.engine().tx(hash);
        if (!found) throw internal(`tx (${hash}) not found`);
        return txJson(found);
      }
      case 'tx_search':
        return this.search(chain, p);
      case 'block':
      case 'block_results': {
        const height = this.height(p, latest);
        const input = { snapshot: chain.at(height) ?? latest, height, time: chain.blockTime(height), txs: chain.engine().txsAt(height) };
        return name === 'block' ? blockJson(input) : blockResultsJson(input);
      }
      case 'num_unconfirmed_txs':
        return { n_txs: String(chain.engine().pending), total: String(chain.engine().pending), total_bytes: '0', txs: null };
      default:
        throw new RpcError(-32601, 'Method not found', '');
    }
  }

  private height(p: ParamReader, latest: Snapshot): number {
    const height = p.int('height', 0) || latest.height;
    if (height < 1) throw internal(`height must be greater than 0, but got ${height}`);
    if (height > latest.height) throw internal(`height ${height} must be less than or equal to the current blockchain height ${latest.height}`);
    return height;
  }

  private async broadcast(method: string, bytes: Uint8Array, chain: RpcChain): Promise<unknown> {
    if (bytes.length === 0) throw internal('tx is empty');
    let check;
    try {
      check = chain.engine().checkTx(bytes);
    } catch (error) {
      if (error instanceof DuplicateTxError) throw internal(error.message);
      throw error;
    }
    if (check.code === 0) chain.accepted();
    const sync = { code: check.code, data: '', log: check.log, codespace: check.codespace, hash: check.hash };
    if (method === 'broadcast_tx_async') return { ...sync, code: 0, log: '', codespace: '' };
    if (method === 'broadcast_tx_sync') return sync;
    const checkTx = { ...execResultJson(check), data: null };
    if (check.code !== 0) return { check_tx: checkTx, tx_result: {}, hash: check.hash, height: '0' };
    const included = await this.waitFor(chain, check.hash);
    if (!included) throw internal('timed out waiting for tx to be included in a block');
    return { check_tx: checkTx, tx_result: execResultJson(included.result), hash: check.hash, height: String(included.height) };
  }

  private async waitFor(chain: RpcChain, hash: string): Promise<IndexedTx | undefined> {
    const deadline = Date.now() + COMMIT_TIMEOUT_MS;
    for (;;) {
      const found = this.chain().engine().tx(hash) ?? chain.engine().tx(hash);
      if (found || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private search(chain: RpcChain, p: ParamReader) {
    let conditions;
    try {
      conditions = parseQuery(p.string('query') ?? '');
    } catch (error) {
      if (error instanceof QueryError) throw internal(error.message);
      throw error;
    }
    const order = p.string('order_by') ?? '';
    if (!['', 'asc', 'desc'].includes(order)) throw internal('expected order_by to be either `asc` or `desc` or empty');
    const all = chain
      .engine()
      .all()
      .filter((t) => matches(t, conditions));
    if (order === 'desc') all.reverse();
    const perPage = Math.min(Math.max(p.int('per_page', 30), 1), 100);
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    const page = p.int('page', 1);
    if (page < 1 || page > pages) throw internal(`page should be within [1, ${pages}] range, given ${page}`);
    return { txs: all.slice((page - 1) * perPage, page * perPage).map(txJson), total_count: String(all.length) };
  }
}
