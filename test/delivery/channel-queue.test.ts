import { describe, expect, it } from 'vitest';
import { ChannelQueue } from '../../src/delivery/channel-queue.ts';
import { withRetry } from '../../src/delivery/retry.ts';

/** A fake monotonic clock that sleep() advances, so spacing is checked without waiting. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('per-channel queue', () => {
  it('spaces calls to one channel by the interval and keeps their order', async () => {
    const time = fakeTime();
    const q = new ChannelQueue({ intervalMs: 1000, concurrency: 4, ...time });
    const calls: [string, number][] = [];
    const send = (ch: string, label: string) => q.push(ch, (call) => call(async () => void calls.push([`${ch}:${label}`, time.now()])));
    await Promise.all([send('A', '1'), send('A', '2'), send('A', '3')]);
    expect(calls).toEqual([
      ['A:1', 0],
      ['A:2', 1000],
      ['A:3', 2000],
    ]);
  });

  it('runs different channels side by side, at most `concurrency` calls at once', async () => {
    const q = new ChannelQueue({ intervalMs: 1000, concurrency: 2, sleep: async () => {}, now: () => 0 });
    let inFlight = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const jobs = ['A', 'B', 'C', 'D'].map((ch) =>
      q.push(ch, (call) =>
        call(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise<void>((r) => release.push(r));
          inFlight--;
        }),
      ),
    );
    while (release.length < 2) await new Promise((r) => setImmediate(r));
    expect(inFlight).toBe(2);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(jobs);
    expect(peak).toBe(2);
  });
});

describe('retry with backoff', () => {
  const direct = <T>(fn: () => Promise<T>) => fn();

  it('backs off exponentially and succeeds', async () => {
    const delays: number[] = [];
    let n = 0;
    const r = await withRetry(direct, async () => (++n < 3 ? Promise.reject(new Error('503')) : 'ok'), { attempts: 4, baseDelayMs: 500, sleep: async (ms) => void delays.push(ms) });
    expect(r).toBe('ok');
    expect(delays).toEqual([500, 1000]);
  });

  it('honours a rate-limit hint and stops on a permanent error', async () => {
    const delays: number[] = [];
    let n = 0;
    const fn = async () => {
      n++;
      throw Object.assign(new Error(n === 1 ? 'rate limited' : 'not_in_channel'), n === 1 ? { retryAfterMs: 3000 } : { retryable: false });
    };
    await expect(withRetry(direct, fn, { attempts: 5, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) })).rejects.toThrow('not_in_channel');
    expect(delays).toEqual([3000]);
    expect(n).toBe(2);
  });
});
