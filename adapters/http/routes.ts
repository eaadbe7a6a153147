import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/index.ts';

/** What a route answers: a status, headers and a body (empty when omitted). */
export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One path an adapter serves on the shared HTTP server. `handle` gets the raw body (signature
 * checks need the exact bytes) and may call `sent` once its response has been written, for work
 * that must wait until the platform has the answer (Discord follow-ups after the first response).
 */
export type Route = BodyRoute | ListenerRoute;

interface RouteBase {
  method: 'GET' | 'POST';
  path: string;
  /** Labels the route's requests in /metrics (slack, discord; none for the server's own). */
  platform?: string;
}

export interface BodyRoute extends RouteBase {
  handle(req: { headers: IncomingMessage['headers']; body: Buffer; query: URLSearchParams }): Promise<RouteResponse & { sent?: () => void }>;
}

/** A route served by a library's own request listener (Bolt's receiver reads and checks the body itself). */
export interface ListenerRoute extends RouteBase {
  listener: RequestListener;
}

/** Told about every routed request once its response is finished (for /metrics). */
export type RouteObserver = (route: Route, status: number, seconds: number) => void;

/** Requests larger than this are refused: no platform sends anything near it. */
const MAX_BODY_BYTES = 1_000_000;

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Serve `routes` on one port (0 picks a free one); anything else is a 404. Routes pushed later are served too. */
export async function startHttpServer(
  routes: readonly Route[],
  listen: { port: number; host?: string },
  log: Logger,
  observe?: RouteObserver,
  /** True while the platforms are still connecting: their routes are not mounted yet. */
  startingUp?: () => boolean,
): Promise<HttpServer> {
  const server = createServer((req, res) => void serve(routes, req, res, log, observe, startingUp));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function serve(routes: readonly Route[], req: IncomingMessage, res: ServerResponse, log: Logger, observe?: RouteObserver, startingUp?: () => boolean): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = routes.find((r) => r.path === url.pathname && r.method === req.method);
  if (!route && startingUp?.()) {
    // A platform's route is mounted once it has connected: until then say "try again" (Slack and
    // Discord retry a 5xx) rather than a 404 that loses the event.
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('Starting up, try again in a moment\n');
    return;
  }
  if (!route) {
    const known = routes.some((r) => r.path === url.pathname);
    res.writeHead(known ? 405 : 404, { 'content-type': 'text/plain' }).end(known ? 'Method not allowed\n' : 'Not found\n');
    return;
  }
  const began = performance.now();
  if (observe) res.once('finish', () => observe(route, res.statusCode, (performance.now() - began) / 1000));
  if ('listener' in route) return void route.listener(req, res);
  try {
    const body = await readBody(req);
    const out = await route.handle({ headers: req.headers, body, query: url.searchParams });
    res.writeHead(out.status, out.headers ?? {});
    res.end(out.body ?? '', () => out.sent?.());
  } catch (err) {
    const tooBig = err instanceof BodyTooLarge;
    if (!tooBig) log.error({ err, path: url.pathname }, 'route failed');
    if (!res.headersSent) res.writeHead(tooBig ? 413 : 500, { 'content-type': 'text/plain' });
    res.end(tooBig ? 'Request body too large\n' : 'Internal error\n');
  }
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
