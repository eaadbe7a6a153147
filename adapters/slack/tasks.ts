import type { Logger } from '../../src/index.ts';

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

/** Slack re-sends an event it thinks was missed; answering twice would double-post. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 1000) {}

  /** True when `id` was seen before; records it otherwise. */
  seen(id: string | undefined): boolean {
    if (!id) return false;
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return false;
  }
}
