/** Runs one platform call; the channel queue's `call` waits for spacing and a free slot, `direct` just runs it. */
export type Call = <T>(fn: () => Promise<T>) => Promise<T>;

export const direct: Call = (fn) => fn();

export interface RetryOptions {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** Base of the exponential backoff, used when neither `delayFor` nor the error says how long to wait. */
  baseDelayMs?: number;
  /** The wait after failed attempt `attempt` (1-based); undefined falls back to the error's hint or the backoff. */
  delayFor?: (attempt: number, err: unknown) => number | undefined;
  /** Whether an error is worth another try. Default: unless it carries `retryable: false`. */
  retryable?: (err: unknown) => boolean;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/**
 * The one retry helper: try `fn` through `call` up to `attempts` times. An error may carry
 * `retryAfterMs` (a platform rate-limit hint) or `retryable: false` (don't try again, e.g. channel
 * not found); adapters with their own rules pass `retryable` and `delayFor`.
 */
export async function withRetry<T>(call: Call, fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(fn);
    } catch (err) {
      const e = err as { retryable?: boolean; retryAfterMs?: number };
      const retryable = opts.retryable ? opts.retryable(err) : e?.retryable !== false;
      if (attempt >= opts.attempts || !retryable) throw err;
      const hinted = typeof e?.retryAfterMs === 'number' && e.retryAfterMs >= 0 ? e.retryAfterMs : undefined;
      const delay = opts.delayFor?.(attempt, err) ?? hinted ?? (opts.baseDelayMs ?? 1000) * 2 ** (attempt - 1);
      opts.onRetry?.(err, attempt, delay);
      await opts.sleep(delay);
    }
  }
}
