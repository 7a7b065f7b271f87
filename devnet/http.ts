/** HTTP helpers shared by the devnet's servers: a closable listener, gRPC-gateway errors and JSON answers. */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP listener that keeps its sockets, so `close()` ends kept-alive connections at once
 * instead of waiting for clients to drop them (the REST and RPC servers both stop this way).
 */
export class ClosableServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  /** Listens on `host:port` (0: any free port) and resolves to the server's URL. */
  async listen(host: string, port: number, handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
    const server = createServer(handle);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** An error as a node's gRPC gateway sends it: a gRPC code mapped to an HTTP status. */
export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return GRPC_TO_HTTP[this.code] ?? 500;
  }
}

const GRPC_TO_HTTP: Record<number, number> = { 3: 400, 5: 404, 12: 501, 13: 500, 14: 503 };

export const NOT_IMPLEMENTED = () => new GrpcError(12, 'Not Implemented');

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-cosmos-block-height',
  'access-control-expose-headers': 'grpc-metadata-x-cosmos-block-height, x-cosmos-block-height, retry-after',
  'access-control-max-age': '600',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', ...headers });
  res.end(text);
}

export function errorBody(error: GrpcError): { code: number; message: string; details: [] } {
  return { code: error.code, message: error.message, details: [] };
}
