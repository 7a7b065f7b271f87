/**
 * The devnet's HTTP server: REST routes answered from the latest state or a kept snapshot (the
 * `x-cosmos-block-height` header), CORS, injected faults and latency, and the control API under
 * `/__devnet/` that tests and demos use instead of transactions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEIGHT_HEADER } from '../src/chain/wire.js';
import { CORS_HEADERS, ClosableServer, GrpcError, errorBody, sendJson, sendText } from './http.js';
import type { FaultConfig } from './faults.js';
import { Faults, wrongShape } from './faults.js';
import type { IcsMode } from './routes.js';
import { route } from './routes.js';
import type { Snapshot } from './state.js';

/** What the server needs from the chain. */
export interface ChainHandle {
  latest(): Snapshot;
  /** The snapshot at a past height, or undefined when it is no longer kept. */
  at(height: number): Snapshot | undefined;
  oldestKept(): number;
  icsMode(): IcsMode;
  control(action: string, body: unknown): unknown;
}

/** The header a node's gateway sends the answered height in (gRPC metadata, prefixed). */
const RESPONSE_HEIGHT_HEADER = `grpc-metadata-${HEIGHT_HEADER}`;
const HELD_MS = 30_000;

export class DevnetServer {
  readonly faults = new Faults();
  latencyMs = 0;
  private readonly http = new ClosableServer();
  private readonly held = new Set<NodeJS.Timeout>();

  constructor(private readonly chain: ChainHandle) {}

  listen(host: string, port: number): Promise<string> {
    return this.http.listen(host, port, (req, res) => void this.handle(req, res));
  }

  async close(): Promise<void> {
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
    await this.http.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://devnet');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (url.pathname.startsWith('/__devnet/')) {
      await this.handleControl(req, res, url.pathname.slice('/__devnet/'.length));
      return;
    }
    const fault = this.faults.take(url.pathname, req.headers.host);
    const delay = this.latencyMs + (fault?.latencyMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault?.mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.mode === 'timeout') {
      // Never answer; give the socket up after a while so nothing leaks.
      const timer = setTimeout(() => {
        this.held.delete(timer);
        req.socket.destroy();
      }, HELD_MS);
      this.held.add(timer);
      return;
    }
    // Answers that come before a height is chosen carry the latest one, so every answer has it.
    const latestHeader = () => heightHeaders(this.chain.latest().height);
    if (fault?.mode === 'error') {
      const status = fault.status ?? 500;
      const retryAfter: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      sendJson(res, status, errorBody(new GrpcError(status === 501 ? 12 : 13, `injected failure (HTTP ${status})`)), { ...latestHeader(), ...retryAfter });
      return;
    }
    if (req.method !== 'GET') {
      sendJson(res, 501, errorBody(new GrpcError(12, 'Method Not Allowed')), latestHeader());
      return;
    }
    let snapshot: Snapshot;
    try {
      snapshot = this.snapshotFor(req.headers[HEIGHT_HEADER]);
    } catch (error) {
      const e = error as GrpcError;
      sendJson(res, e.httpStatus, errorBody(e), latestHeader());
      return;
    }
    const heightHeader = heightHeaders(snapshot.height);
    try {
      const body = route(url.pathname, this.chain.icsMode())({ snapshot, query: url.searchParams, icsMode: this.chain.icsMode() });
      if (fault?.mode === 'malformed-json') {
        const text = JSON.stringify(body);
        sendText(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), heightHeader);
      } else {
        sendJson(res, 200, fault?.mode === 'wrong-shape' ? wrongShape(body) : body, heightHeader);
      }
    } catch (error) {
      const e = error instanceof GrpcError ? error : new GrpcError(13, (error as Error).message);
      sendJson(res, e.httpStatus, errorBody(e), heightHeader);
    }
  }

  /** The snapshot a request asks for: latest, or a kept past height, or a node's refusal. */
  private snapshotFor(header: string | string[] | undefined): Snapshot {
    const latest = this.chain.latest();
    const text = Array.isArray(header) ? header[0] : header;
    if (text === undefined || text === '' || text === '0') return latest;
    if (!/^\d+$/.test(text)) throw new GrpcError(3, `invalid height: ${text}`);
    const height = Number(text);
    if (height > latest.height) {
      throw new GrpcError(3, 'cannot query with height in the future; please provide a valid height: invalid height');
    }
    if (height === latest.height) return latest;
    const snapshot = this.chain.at(height);
    if (!snapshot) {
      throw new GrpcError(3, `failed to load state at height ${height}; version does not exist (latest height: ${latest.height}): invalid request`);
    }
    return snapshot;
  }

  private async handleControl(req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
    try {
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      sendJson(res, 200, this.chain.control(action, body) ?? {});
    } catch (error) {
      sendJson(res, 400, { error: (error as Error).message });
    }
  }
}

function heightHeaders(height: number): Record<string, string> {
  return { [RESPONSE_HEIGHT_HEADER]: String(height), [HEIGHT_HEADER]: String(height) };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
}

export type { FaultConfig };
