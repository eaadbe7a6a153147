import type { Route, RouteResponse } from './routes.ts';

const text = (status: number, body: string): RouteResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${body}\n` });

export interface Readiness {
  /** Throws when the database cannot be reached. */
  pingStore(): Promise<void>;
  /** Platforms that were enabled but have not started (or failed to). */
  notStarted(): string[];
  /** True once shutdown began: a load balancer should stop sending work here. */
  stopping(): boolean;
}

/** GET /healthz (the process answers) and GET /readyz (store reachable, migrated, every platform started). */
export function healthRoutes(r: Readiness): Route[] {
  return [
    { method: 'GET', path: '/healthz', handle: async () => text(200, 'ok') },
    {
      method: 'GET',
      path: '/readyz',
      async handle() {
        if (r.stopping()) return text(503, 'shutting down');
        // The app exists only once the store is open and migrated, so reaching it means migrations are done.
        try {
          await r.pingStore();
        } catch (err) {
          return text(503, `store unreachable: ${(err as Error).message}`);
        }
        const missing = r.notStarted();
        if (missing.length) return text(503, `not started: ${missing.join(', ')}`);
        return text(200, 'ready');
      },
    },
  ];
}
