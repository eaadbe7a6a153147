import { newCron } from '../schedule/cron.ts';
import type { LearnerRef, ReviewRecord } from '../store/types.ts';

/** Days until the next review for Leitner boxes 1..5. A missed item goes back to box 1. */
export const BOX_INTERVAL_DAYS = [1, 3, 7, 14, 30] as const;
const MAX_BOX = BOX_INTERVAL_DAYS.length;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The review state after an answer. Wrong: box 1, due in 1 day. Right: one box up (a new item
 * answered right starts in box 2), due after that box's interval. Intervals are durations from
 * the answer, so "1 day" is 24 hours whatever the learner's zone.
 */
export function afterAnswer(prev: ReviewRecord | undefined, who: LearnerRef, itemId: string, correct: boolean, at: number): ReviewRecord {
  const box = correct ? Math.min((prev?.box ?? 1) + 1, MAX_BOX) : 1;
  return {
    platform: who.platform,
    userId: who.userId,
    itemId,
    box,
    dueAt: at + BOX_INTERVAL_DAYS[box - 1]! * DAY_MS,
    lastAnsweredAt: at,
    rightCount: (prev?.rightCount ?? 0) + (correct ? 1 : 0),
    wrongCount: (prev?.wrongCount ?? 0) + (correct ? 0 : 1),
  };
}

export function intervalDays(box: number): number {
  return BOX_INTERVAL_DAYS[Math.min(Math.max(box, 1), MAX_BOX) - 1]!;
}

/**
 * The instant today ends in `zone` (the next local midnight). A review is "due today" when it is
 * due before this, so `review` never says "nothing is due today" about something due this afternoon.
 * croner does the zone work, so a DST change or a zone that skips midnight is handled.
 */
export function endOfLocalDay(now: number, zone: string): number {
  const next = newCron('0 0 * * *', { timezone: zone, mode: '5-part', fixedTimeRule: 'no-wildcard' }).nextRun(new Date(now));
  return next ? next.getTime() : now + DAY_MS;
}
