import type { Logger } from '../log.ts';
import type { QuizItem } from '../content/model.ts';
import type { PostClaim, ScheduleRecord, Store } from '../store/types.ts';
import { nextRunAfter } from './spec.ts';

/** Which run of a due schedule to post now, after skipping what was missed. */
export interface CatchUp {
  /** The run to post (at or before now), or a future run when every missed one was too old. */
  slot: number;
  /** The run after `slot`: the schedule's next run once this one is posted. */
  next: number;
  /** Runs skipped: older than the grace window, or superseded by a later missed one. */
  skipped: number;
}

const NEVER = Number.MAX_SAFE_INTEGER;

/** Pure: from a schedule's due run, the run to post at `now` given the grace window. */
export function catchUp(s: Pick<ScheduleRecord, 'cron' | 'zone' | 'nextRunAt'>, now: number, graceMs: number): CatchUp {
  let skipped = 0;
  const graceStart = now - graceMs;
  let slot = s.nextRunAt;
  if (slot < graceStart) {
    // Down for longer than the grace window: skip what is too old, don't flood the channel.
    skipped++;
    slot = nextRunAfter(s, graceStart - 1) ?? NEVER;
  }
  let next = slot <= now ? (nextRunAfter(s, slot) ?? NEVER) : slot;
  // Several runs missed inside the grace window: only the latest is posted.
  while (next <= now) {
    skipped++;
    slot = next;
    next = nextRunAfter(s, slot) ?? NEVER;
  }
  return { slot, next, skipped };
}

export interface PlanDeps {
  store: Pick<Store, 'advanceSchedule'>;
  logger: Logger;
  chooseItemFor(ch: { platform: ScheduleRecord['platform']; channelId: string }): Promise<QuizItem | undefined>;
  instanceId: string;
  graceMs: number;
  closeMs: number;
}

/**
 * Work out which slot (if any) to post for a due schedule: the claim to make, or undefined when
 * there is nothing to post now (the schedule is moved on in the store). Counts skipped runs in `report`.
 */
export async function planPost(deps: PlanDeps, s: ScheduleRecord, now: number, report: { skipped: number }): Promise<PostClaim | undefined> {
  const { store, logger } = deps;
  const ch = { platform: s.platform, channelId: s.channelId };
  try {
    const { slot, next, skipped } = catchUp(s, now, deps.graceMs);
    report.skipped += skipped;
    if (slot > now) {
      if (await store.advanceSchedule(ch, s.nextRunAt, slot)) logger.warn({ ...ch, missed: iso(s.nextRunAt), next: iso(slot) }, 'missed quiz posts outside the grace window were skipped');
      return undefined;
    }
    const item = await deps.chooseItemFor(ch);
    if (!item) {
      logger.warn(ch, 'no quiz items in the content; nothing to post');
      await store.advanceSchedule(ch, s.nextRunAt, next);
      return undefined;
    }
    return {
      ...ch,
      slotAt: slot,
      zone: s.zone,
      itemId: item.id,
      conceptId: item.conceptId,
      claimedAt: now,
      claimedBy: deps.instanceId,
      closesAt: Math.min(next, slot + deps.closeMs),
      expectedNextRunAt: s.nextRunAt,
      nextRunAt: next,
    };
  } catch (err) {
    // A broken row must not stop every other channel; try it again in an hour.
    logger.error({ err, ...ch, cron: s.cron, zone: s.zone }, 'could not schedule quiz post');
    await store.advanceSchedule(ch, s.nextRunAt, now + 3_600_000).catch(() => undefined);
    return undefined;
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
