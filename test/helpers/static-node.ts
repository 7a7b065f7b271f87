/**
 * A tiny HTTP server that answers fixed routes with fixed bodies: the recorded samples in
 * test/fixtures served at their REST routes, so the client reads them over real HTTP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticRoute {
  status?: number;
  body: string;
}

export async function serveRoutes(routes: Record<string, StaticRoute>): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.push(path);
    const route = routes[path];
    res.setHeader('content-type', 'application/json');
    if (!route) {
      res.statusCode = 501;
      res.end('{"code":12,"message":"Not Implemented","details":[]}');
      return;
    }
    res.statusCode = route.status ?? 200;
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
