import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AdapterHost, SchedulerMonitor } from '../../src/index.ts';
import type { Route, RouteObserver } from './routes.ts';

/** Everything GET /metrics reports, in Prometheus's text format (prom-client). */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'tutor_http_requests_total',
    help: 'HTTP requests by platform, path and status',
    labelNames: ['platform', 'path', 'status'],
    registers: [this.registry],
  });
  private readonly ack = new Histogram({
    name: 'tutor_ack_seconds',
    help: 'Time from receiving a platform request to finishing its HTTP response (the ack)',
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [this.registry],
  });
  private readonly replies = new Counter({ name: 'tutor_replies_total', help: 'Replies built, by platform and reply kind', labelNames: ['platform', 'kind'], registers: [this.registry] });

  constructor(monitor: SchedulerMonitor) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'tutor_posts_total',
      help: 'Scheduled posts by outcome since start: sent, failed, recovered (claims of dead processes taken over)',
      labelNames: ['outcome'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const outcome of ['sent', 'failed', 'recovered'] as const) this.inc({ outcome }, monitor.totals[outcome]);
      },
    });
    new Gauge({
      name: 'tutor_queue_depth',
      help: 'Scheduled work waiting: channels with posts queued, platform calls waiting for a slot, sends in flight',
      labelNames: ['queue'],
      registers: [this.registry],
      collect() {
        const q = monitor.queue();
        this.set({ queue: 'channels' }, q.channels);
        this.set({ queue: 'calls' }, q.calls);
        this.set({ queue: 'inflight' }, q.inflight);
      },
    });
    new Gauge({
      name: 'tutor_scheduler_lag_seconds',
      help: "How long after its planned moment the scheduler's last pass had queued everything due",
      registers: [this.registry],
      collect() {
        this.set(monitor.lagSeconds);
      },
    });
  }

  /** For startHttpServer: count each routed request; platform requests also time the ack. */
  readonly observe: RouteObserver = (route, status, seconds) => {
    this.requests.inc({ platform: route.platform ?? 'none', path: route.path, status: String(status) });
    if (route.platform) this.ack.observe({ platform: route.platform }, seconds);
  };

  /** The host adapters get, counting every reply it hands back. */
  countReplies<H extends AdapterHost>(host: H): H {
    const counted = Object.create(host) as H;
    counted.handle = async (req, who) => {
      const reply = await host.handle(req, who);
      this.replies.inc({ platform: who.platform, kind: reply.kind });
      return reply;
    };
    return counted;
  }

  route(): Route {
    return {
      method: 'GET',
      path: '/metrics',
      handle: async () => ({ status: 200, headers: { 'content-type': this.registry.contentType }, body: await this.registry.metrics() }),
    };
  }
}
