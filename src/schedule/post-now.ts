import type { QuizItem } from '../content/model.ts';
import type { ChannelRef, PostClaim, PostRecord, ScheduleStore } from '../store/types.ts';
import type { Start } from './deliver-post.ts';

/** What an admin's "post now" came to. */
export type PostNowResult =
  | { outcome: 'sent'; post: PostRecord; messageId?: string }
  /** Someone posted one in this minute already (a double click, or the scheduled run of this minute). */
  | { outcome: 'duplicate' }
  | { outcome: 'no-schedule' | 'no-items' | 'no-poster' | 'failed' };

export interface PostNowDeps {
  store: Pick<ScheduleStore, 'getSchedule'>;
  chooseItemFor(ch: ChannelRef): Promise<QuizItem | undefined>;
  instanceId: string;
  closeMs: number;
  hasPoster: boolean;
  now: number;
  /** Queue the delivery on the channel's queue, as the scheduler does with a due slot. */
  deliver(start: Start): Promise<{ outcome: string; post?: PostRecord; messageId?: string }>;
  claimPost(claim: PostClaim): Promise<PostRecord | undefined>;
}

/** "Post now" claims the current minute as a slot: two clicks in it are one post (the slot is unique). */
const POST_NOW_SLOT_MS = 60_000;

/**
 * The channel's next quiz question, posted at once through the scheduler's claim path: the slot is
 * the current minute, the schedule keeps its next run (the claim leaves nextRunAt where it was),
 * and an earlier open quiz closes as at any post. Answers, streaks and the summary work as for a
 * scheduled post because it is one.
 */
export async function postNow(deps: PostNowDeps, ch: ChannelRef): Promise<PostNowResult> {
  const schedule = await deps.store.getSchedule(ch);
  if (!schedule) return { outcome: 'no-schedule' };
  if (!deps.hasPoster) return { outcome: 'no-poster' };
  const item = await deps.chooseItemFor(ch);
  if (!item) return { outcome: 'no-items' };
  const slotAt = Math.floor(deps.now / POST_NOW_SLOT_MS) * POST_NOW_SLOT_MS;
  const claim: PostClaim = {
    ...ch,
    slotAt,
    zone: schedule.zone,
    itemId: item.id,
    conceptId: item.conceptId,
    claimedAt: deps.now,
    claimedBy: deps.instanceId,
    closesAt: Math.min(schedule.nextRunAt, slotAt + deps.closeMs),
    expectedNextRunAt: schedule.nextRunAt,
    nextRunAt: schedule.nextRunAt,
  };
  const result = await deps.deliver({ claim: () => deps.claimPost(claim) });
  if (result.outcome === 'sent' && result.post) return { outcome: 'sent', post: result.post, ...(result.messageId ? { messageId: result.messageId } : {}) };
  // Lost: the slot exists (or the scheduler moved the schedule while we read it, and posted).
  if (result.outcome === 'lost') return { outcome: 'duplicate' };
  return { outcome: 'failed' };
}
