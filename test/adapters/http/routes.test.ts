import { afterEach, expect, it } from 'vitest';
import { startHttpServer, type HttpServer, type Route } from '../../../adapters/http/routes.ts';
import { silentLogger } from '../../../src/index.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('answers 503 with Retry-After for a path no route serves yet while the platforms start, then 404', async () => {
  let starting = true;
  const routes: Route[] = [];
  server = await startHttpServer(routes, { port: 0, host: '127.0.0.1' }, silentLogger, undefined, () => starting);
  const post = () => fetch(`http://127.0.0.1:${server!.port}/slack/events`, { method: 'POST', body: '{}' });

  const early = await post();
  expect(early.status).toBe(503);
  expect(early.headers.get('retry-after')).toBe('1');

  // The adapter connects and mounts its route: the same request is now served.
  routes.push({ method: 'POST', path: '/slack/events', platform: 'slack', handle: async () => ({ status: 200, body: 'ok' }) });
  expect((await post()).status).toBe(200);

  starting = false;
  expect((await fetch(`http://127.0.0.1:${server.port}/nowhere`)).status).toBe(404);
});
