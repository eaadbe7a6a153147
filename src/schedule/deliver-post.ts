import type { ChannelPoster } from '../adapter-api/poster.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../reply/types.ts';
import type { PostRecord, PostStore } from '../store/types.ts';
import type { Clock } from '../time/clock.ts';
import type { Call } from '../delivery/channel-queue.ts';

export interface DeliveryContext {
  store: PostStore;
  posterFor(post: PostRecord): ChannelPoster | undefined;
  logger: Logger;
  clock: Clock;
  instanceId: string;
  replyFor(post: PostRecord): Promise<Reply | undefined> | Reply | undefined;
  attempts: number;
  baseDelayMs: number;
  /** A poster call that has not settled by then counts as "maybe sent". */
  callTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** True once the scheduler is stopping: no new attempt starts (the claim is recovered later). */
  stopping(): boolean;
}

export type Outcome = 'sent' | 'failed' | 'lost' | 'taken' | 'stopped';

/** Where a post starts: a claim still to make (just before the first send), or one to recover. */
export type Start = { claim: () => Promise<PostRecord | undefined> } | { recover: PostRecord };

/** The key a scheduled post carries on the platform (Slack metadata, Discord nonce). */
const postKey = (p: PostRecord) => `${p.channelId}:${new Date(p.slotAt).toISOString()}`;

/**
 * At most once always, and exactly once when the poster can be asked whether a post arrived
 * (ChannelPoster.findPost; without it an unconfirmed post is abandoned). The claim is made inside the first attempt's
 * in-flight slot, so it is never far ahead of its send; the outcome is recorded right after.
 * Whenever the outcome of an attempt is unknown (a timeout, a 5xx, a crash before it was recorded),
 * the next attempt first asks the platform whether the post arrived and only sends if it did not.
 * Each attempt first renews the claim's lease, so a process that took the claim over stops this one.
 */
export async function deliverPost(ctx: DeliveryContext, start: Start, call: Call): Promise<{ outcome: Outcome; post?: PostRecord; messageId?: string }> {
  const { store, logger } = ctx;
  let post = 'recover' in start ? start.recover : undefined;
  let maybeSent = 'recover' in start;
  for (let attempt = 1; ; attempt++) {
    if (ctx.stopping()) return { outcome: 'stopped', ...(post ? { post } : {}) };
    let reason: unknown;
    let lastMaybe = false;
    try {
      const result = await call(async (): Promise<Outcome | { messageId: string }> => {
        if (!post) {
          post = await (start as { claim: () => Promise<PostRecord | undefined> }).claim();
          if (!post) return 'lost';
        } else if (!(await store.renewClaim(post.id, ctx.instanceId, ctx.clock.now().getTime()))) return 'taken';
        const poster = ctx.posterFor(post);
        const reply = await ctx.replyFor(post);
        if (!poster || !reply) {
          await store.markPostFailed(post.id, poster ? `quiz item ${post.itemId} no longer exists` : 'no poster for platform');
          return 'failed';
        }
        const key = postKey(post);
        if (maybeSent && poster.findPost) {
          const found = await timed(poster.findPost(post.channelId, { postKey: key, since: post.slotAt, reply }), ctx.callTimeoutMs, 'the platform did not answer the check in time');
          if (found) {
            logger.info({ ...where(post), messageId: found.messageId }, 'quiz post found in the channel; not sending it again');
            return found;
          }
        }
        return await timed(poster.post(post.channelId, reply, { postKey: key }), ctx.callTimeoutMs, 'the platform did not answer in time');
      });
      if (typeof result === 'string') return { outcome: result, ...(post ? { post } : {}) };
      await store.markPostSent(post!.id, result.messageId, ctx.clock.now().getTime());
      return { outcome: 'sent', post: post!, messageId: result.messageId };
    } catch (err) {
      reason = err;
      const e = err as { retryable?: boolean; retryAfterMs?: number };
      // A rate limit or a refusal means the platform did not take it; anything else may have gone through.
      lastMaybe = e?.retryable !== false && typeof e?.retryAfterMs !== 'number';
      maybeSent ||= lastMaybe;
      if (!post) throw err; // the claim itself failed (database): nothing was sent
      if (e?.retryable === false || attempt >= ctx.attempts) {
        await store.markPostFailed(post.id, describe(err));
        logger.error({ ...where(post), reason: describe(err), err, attempts: attempt, maybeSent: lastMaybe }, 'quiz post failed after retries');
        return { outcome: 'failed', post };
      }
      const delay = typeof e?.retryAfterMs === 'number' && e.retryAfterMs >= 0 ? e.retryAfterMs : ctx.baseDelayMs * 2 ** (attempt - 1);
      logger.warn({ ...where(post), reason: describe(reason), attempt, delayMs: delay, maybeSent: lastMaybe }, 'post failed; retrying');
      await ctx.sleep(delay);
    }
  }
}

export const where = (p: PostRecord) => ({ postId: p.id, platform: p.platform, channelId: p.channelId, slot: new Date(p.slotAt).toISOString() });

function describe(err: unknown): string {
  return String((err as Error)?.message ?? err).slice(0, 300);
}

/** Settle with `work`, or reject after `ms` with an error the retry treats as "maybe sent". */
function timed<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${message} (${Math.round(ms / 100) / 10} s)`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
