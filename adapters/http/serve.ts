import type { TutorApp } from '../../src/index.ts';
import { healthRoutes } from './health.ts';
import { Metrics } from './metrics.ts';
import { startHttpServer, type HttpServer, type Route } from './routes.ts';

export interface SharedServer {
  http: HttpServer;
  metrics: Metrics;
  /** Serve these too (a started adapter's routes). */
  mount(routes: readonly Route[]): void;
  /** Names of enabled platforms, to tell /readyz which have not started yet. */
  expect(platforms: string[]): void;
  started(platform: string): void;
  /** Every platform has started or failed: a path nobody serves is a 404 from now on (503 before). */
  settled(): void;
  /** From now on /readyz says 503, so a load balancer sends new work elsewhere. */
  drain(): void;
}

/**
 * The one HTTP server on PORT, up before the platforms connect: /healthz and /metrics at once,
 * /readyz once every platform has started, and each adapter's routes as it starts.
 */
export async function startSharedServer(app: TutorApp, port: number): Promise<SharedServer> {
  const metrics = new Metrics(app.scheduler.monitor);
  const pending = new Set<string>();
  let draining = false;
  let startingUp = true;
  const routes: Route[] = [...healthRoutes({ pingStore: () => app.store.ping(), notStarted: () => [...pending], stopping: () => draining }), metrics.route()];
  const http = await startHttpServer(routes, { port }, app.logger, metrics.observe, () => startingUp);
  return {
    http,
    metrics,
    mount: (more) => void routes.push(...more),
    expect: (platforms) => {
      for (const p of platforms) pending.add(p);
    },
    started: (platform) => void pending.delete(platform),
    settled: () => void (startingUp = false),
    drain: () => void (draining = true),
  };
}
