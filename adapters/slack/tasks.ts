import type { Clock, Logger, Store } from '../../src/index.ts';

/**
 * The work each listener does after acknowledging Slack. Tracked so that `stop()` can let it
 * finish and tests can wait for it instead of sleeping. A failure is logged, never thrown:
 * one bad request must not take the process down.
 */
export class Tasks {
  private readonly running = new Set<Promise<void>>();
  /** How many have started: lets a caller wait for work that a request it sent has triggered. */
  started = 0;

  constructor(private readonly log: Logger) {}

  run(name: string, fn: () => Promise<void>): Promise<void> {
    this.started++;
    const p = (async () => {
      try {
        await fn();
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
export const EVENT_MEMORY_MS = 60 * 60_000;

/**
 * Slack re-sends an event it thinks was missed (with x-slack-retry-num); answering twice would
 * double-post. Event ids are kept in the store for an hour, so a retry is recognised after a
 * restart too, and by a second process on the same database.
 */
export class RecentIds {
  constructor(
    private readonly store: Store,
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
