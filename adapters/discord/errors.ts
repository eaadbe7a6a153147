import { markPostError } from '../shared/post-error.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { direct, withRetry, type Logger } from '../../src/index.ts';

/**
 * 5xx and network failures are worth another try; 4xx are not (the request itself is wrong).
 * Rate limits (429) never get here: discord.js waits for `retry_after` and retries on its own.
 */
function isTransient(err: unknown): boolean {
  if (err instanceof HTTPError) return err.status >= 500;
  if (err instanceof DiscordAPIError) return err.status >= 500;
  const code = (err as { code?: unknown })?.code;
  const name = (err as { name?: unknown })?.name;
  return name === 'AbortError' || (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|UND_ERR_)/.test(code));
}

/** Run `send`, retrying transient failures after each delay in turn (the core's one retry helper). Throws the last error. */
export function retryTransient<T>(what: string, send: () => Promise<T>, delaysMs: readonly number[], log: Logger): Promise<T> {
  return withRetry(direct, send, {
    attempts: delaysMs.length + 1,
    delayFor: (attempt) => delaysMs[attempt - 1],
    retryable: isTransient,
    sleep: (ms) => sleep(ms),
    onRetry: (err, attempt, delay) => log.warn({ err, attempt, retryInMs: delay }, `${what} failed; retrying`),
  });
}

/** Discord error code 40060: the interaction was already acknowledged (a retried callback that had worked). */
export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === 40060;
}

/** Error code 10062: the interaction token expired (we were later than 3 s) or is unknown. */
export function isUnknownInteraction(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === 10062;
}

/**
 * Annotate a failed channel post for the core's scheduler retry (src/delivery/channel-queue.ts `withRetry`):
 * `retryable: false` for a 4xx other than a timeout (408), which fails the same way every time
 * (400 bad body, 403 missing access, 404 unknown channel), and `retryAfterMs` for a rate limit. discord.js normally waits out
 * 429s itself, so the rate-limit case only matters if one still reaches us. Returns the same error.
 */
export function forScheduler(err: unknown): unknown {
  if (err instanceof RateLimitError) return markPostError(err, { retryAfterMs: err.retryAfter });
  const status = err instanceof DiscordAPIError || err instanceof HTTPError ? err.status : undefined;
  if (status === 429) {
    const seconds = err instanceof DiscordAPIError ? (err.rawError as { retry_after?: unknown }).retry_after : undefined;
    return typeof seconds === 'number' ? markPostError(err, { retryAfterMs: Math.ceil(seconds * 1000) }) : err;
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408) return markPostError(err, { giveUp: true });
  return err;
}
