import type { Call } from './retry.ts';

export type { Call } from './retry.ts';

export interface ChannelQueueOptions {
  /** Minimum time between two calls to the same channel (Slack: about 1 message per second). */
  intervalMs: number;
  /** Calls in flight at once across all channels. */
  concurrency: number;
  sleep: (ms: number) => Promise<void>;
  /** A monotonic time source in ms. */
  now: () => number;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Jobs for one channel run in order, one at a time, with calls spaced by intervalMs; jobs for
 * different channels run side by side up to `concurrency` calls. A job gets `call` so that it
 * can retry without holding a slot while it backs off.
 */
export class ChannelQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastCall = new Map<string, number>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly opts: ChannelQueueOptions) {}

  push<T>(key: string, job: (call: Call) => Promise<T>): Promise<T> {
    const call: Call = async (fn) => {
      const wait = (this.lastCall.get(key) ?? -Infinity) + this.opts.intervalMs - this.opts.now();
      if (wait > 0) await this.opts.sleep(wait);
      await this.acquire();
      try {
        this.lastCall.set(key, this.opts.now());
        return await fn();
      } finally {
        this.release();
      }
    };
    const run = (this.tails.get(key) ?? Promise.resolve()).then(() => job(call));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) {
        this.tails.delete(key);
        // Forget the spacing once it can no longer matter, so the map does not grow forever.
        const last = this.lastCall.get(key);
        if (last !== undefined && this.opts.now() - last >= this.opts.intervalMs) this.lastCall.delete(key);
      }
    });
    return run;
  }

  /** Channels with work queued or running, and calls waiting for a free slot. */
  depth(): { channels: number; calls: number } {
    return { channels: this.tails.size, calls: this.waiting.length };
  }

  private async acquire(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // hand the slot over directly
    else this.active--;
  }
}
