/** What the scheduler's timer has done so far, for /metrics: totals, lag and what waits to be sent. */
export interface SchedulerTotals {
  sent: number;
  failed: number;
  recovered: number;
  claimed: number;
  skipped: number;
}

/**
 * Watches Scheduler.start()'s passes. Lag is how long after its planned moment a pass had queued
 * everything due: a pass starts late when the previous one is still running (a slow store) or the
 * event loop is busy, and that delay is what a team sees as a late quiz.
 */
export class SchedulerMonitor {
  readonly totals: SchedulerTotals = { sent: 0, failed: 0, recovered: 0, claimed: 0, skipped: 0 };
  /** Seconds between the last pass's planned moment and the moment it had queued its work. */
  lagSeconds = 0;
  private planned = 0;
  private everyMs = 0;

  constructor(private readonly depth: () => { channels: number; calls: number; inflight: number }) {}

  /** Channels with posts queued, platform calls waiting for a slot, sends in flight. */
  queue(): { channels: number; calls: number; inflight: number } {
    return this.depth();
  }

  started(everyMs: number): void {
    this.everyMs = everyMs;
    this.planned = performance.now();
  }

  /** A timer pass is due now (it may be skipped while the previous one runs); returns its planned moment. */
  due(): number {
    const planned = this.planned;
    this.planned += this.everyMs;
    return planned;
  }

  /** The pass planned at `planned` has queued `jobs`; `report` fills in as they settle. */
  queued(planned: number, report: SchedulerTotals, jobs: Promise<void>[]): void {
    this.lagSeconds = Math.max(0, performance.now() - planned) / 1000;
    void Promise.allSettled(jobs).then(() => {
      for (const k of Object.keys(this.totals) as (keyof SchedulerTotals)[]) this.totals[k] += report[k];
    });
  }
}
