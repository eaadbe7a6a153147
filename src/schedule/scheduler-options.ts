/** How the scheduler paces, retries and recovers posts (config.quiz and tests fill these in). */
export interface SchedulerOptions {
  /** A missed post older than this is skipped instead of sent late (config.quiz.graceMinutes). */
  graceMs: number;
  /** A quiz closes after this long at the latest (config.quiz.closeHours); earlier at the next post. */
  closeMs: number;
  /** How often start() ticks. */
  tickEveryMs?: number;
  /** Spacing between messages to one channel. */
  perChannelIntervalMs?: number;
  /** Platform calls in flight at once, across all channels. */
  concurrency?: number;
  retryAttempts?: number;
  retryBaseMs?: number;
  /**
   * The lease on a claim: a claim another process made (or last renewed) this long ago and never
   * confirmed is recovered (or, on a platform that cannot be asked, marked abandoned). A claim by
   * a process on this machine that no longer runs is recovered at once.
   */
  staleClaimMs?: number;
  /** A poster call that has not settled after this long counts as "maybe sent" and is retried. */
  callTimeoutMs?: number;
  /** Rows read per query. */
  batch?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Names this process in claim rows. */
  instanceId?: string;
}
