import type { PostErrorHints } from '../../src/index.ts';

/** An adapter's verdict on a failed post: give up, retry after a wait, or (no verdict) let the scheduler back off. */
export type PostVerdict = { giveUp: true } | { retryAfterMs: number };

/** Mark `err` with the hints the core's scheduler reads (PostErrorHints). Returns the same error. */
export function markPostError(err: unknown, verdict: PostVerdict): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const hints: PostErrorHints = 'giveUp' in verdict ? { retryable: false } : { retryAfterMs: verdict.retryAfterMs };
  return Object.assign(err, hints);
}
