import type { ManualClock } from './clock.ts';

/** Where delayed work is scheduled: real timers, or timers that fire only when a test says so. */
export interface Timers {
  /** Run `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    // A pending tally refresh must not keep a stopping process alive.
    t.unref?.();
    return () => clearTimeout(t);
  },
};

/** Timers on a ManualClock: `fire()` runs every timer due by the clock's now, in order. */
export class ManualTimers implements Timers {
  private readonly pending: { at: number; fn: () => void; id: number }[] = [];
  private next = 0;

  constructor(private readonly clock: ManualClock) {}

  after(ms: number, fn: () => void): () => void {
    const id = this.next++;
    this.pending.push({ at: this.clock.now().getTime() + Math.max(0, ms), fn, id });
    return () => {
      const i = this.pending.findIndex((p) => p.id === id);
      if (i >= 0) this.pending.splice(i, 1);
    };
  }

  /** How many timers wait (due or not). */
  get size(): number {
    return this.pending.length;
  }

  /** Run the timers due now; returns how many ran. */
  fire(): number {
    const now = this.clock.now().getTime();
    const due = this.pending.filter((p) => p.at <= now).sort((a, b) => a.at - b.at || a.id - b.id);
    for (const d of due) this.pending.splice(this.pending.indexOf(d), 1);
    for (const d of due) d.fn();
    return due.length;
  }
}
