import type { Clock, Logger, SeenEventStore } from '../../src/index.ts';

export interface TaskOptions {
  /** Acknowledge Slack first, at once, whether the work runs now, waits, or is turned away. */
  ack?: () => Promise<void>;
  /** What to do instead when the queue is full: tell the person to try again. */
  busy?: () => Promise<void>;
}

export interface TaskLimits {
  /** Requests worked on at once. */
  concurrency: number;
  /** Requests waiting for a turn; beyond this they get the busy answer. */
  queue: number;
}

const DEFAULT_TASK_LIMITS: TaskLimits = { concurrency: 16, queue: 200 };

/**
 * The work each listener does after acknowledging Slack: a bounded queue, so that a flood of
 * requests cannot delay every ack past Slack's 3 seconds. Tracked so that `stop()` can let it
 * finish and tests can wait for it instead of sleeping. A failure is logged, never thrown:
 * one bad request must not take the process down.
 */
export class Tasks {
  private readonly running = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  /** How many have started: lets a caller wait for work that a request it sent has triggered. */
  started = 0;
  /** How many were turned away with the busy answer. */
  turnedAway = 0;

  constructor(
    private readonly log: Logger,
    private readonly limits: TaskLimits = DEFAULT_TASK_LIMITS,
  ) {}

  run(name: string, fn: () => Promise<void>, opts: TaskOptions = {}): Promise<void> {
    this.started++;
    const p = (async () => {
      try {
        if (opts.ack) await opts.ack();
        if (this.active >= this.limits.concurrency) {
          if (this.waiting.length >= this.limits.queue) {
            this.turnedAway++;
            this.log.warn({ listener: name, active: this.active, waiting: this.waiting.length }, 'busy: request turned away');
            await opts.busy?.();
            return;
          }
          await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else this.active++;
        try {
          await fn();
        } finally {
          const next = this.waiting.shift();
          if (next) next();
          else this.active--;
        }
      } catch (err) {
        this.log.error({ err, listener: name }, 'slack listener failed');
      }
    })();
    this.running.add(p);
    void p.then(() => this.running.delete(p));
    return p;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/** How long an event id is remembered: Slack retries after about 1 and 5 minutes, then gives up. */
const EVENT_MEMORY_MS = 60 * 60_000;

/**
 * Slack re-sends an event it thinks was missed (with x-slack-retry-num); answering twice would
 * double-post. Event ids are kept in the store for an hour, so a retry is recognised after a
 * restart too, and by a second process on the same database.
 */
export class RecentIds {
  constructor(
    private readonly store: SeenEventStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** True when `id` was seen before; records it otherwise. */
  async seen(id: string | undefined): Promise<boolean> {
    if (!id) return false;
    const now = this.clock.now().getTime();
    try {
      return !(await this.store.rememberEvent(`slack:${id}`, now, now - EVENT_MEMORY_MS));
    } catch (err) {
      // Better to risk answering a retry twice than to drop a question.
      this.log.warn({ err, eventId: id }, 'could not check the event id; answering it');
      return false;
    }
  }
}
