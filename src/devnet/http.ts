/** HTTP helpers shared by the devnet's routes: gRPC-gateway errors and JSON answers. */
import type { ServerResponse } from 'node:http';

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
  'access-control-expose-headers': 'grpc-metadata-x-cosmos-block-height, x-cosmos-block-height',
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
