import { localDate } from '../schedule/zone.ts';
import type { PostRecord } from '../store/types.ts';

/**
 * A learner's current daily streak in a channel: consecutive quiz days, counted in the
 * schedule's zone, on which they answered. Only days with a posted quiz count, so a weekend or
 * a day off does not break a streak. Today's quiz, while still open, does not break it either.
 *
 * `answeredByAnyone` holds the abandoned posts somebody answered. An abandoned post (claimed
 * before a crash, never confirmed) that nobody answered probably never reached the channel, so
 * it is not a quiz day: otherwise one crash would break every streak in the channel.
 */
export function currentStreak(posts: readonly PostRecord[], answered: ReadonlySet<number>, zone: string, answeredByAnyone: ReadonlySet<number> = new Set()): number {
  const days = new Map<string, { answered: boolean; open: boolean }>();
  for (const p of posts) {
    if (p.status === 'abandoned' && !answered.has(p.id) && !answeredByAnyone.has(p.id)) continue;
    const day = localDate(p.slotAt, zone);
    const d = days.get(day) ?? { answered: false, open: false };
    if (answered.has(p.id)) d.answered = true;
    if (p.status !== 'claimed' && p.status !== 'failed' && p.closedAt === undefined) d.open = true;
    days.set(day, d);
  }
  const ordered = [...days.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1));
  let streak = 0;
  for (const [i, [, d]] of ordered.entries()) {
    if (d.answered) streak++;
    else if (i === 0 && d.open) continue;
    else break;
  }
  return streak;
}

/**
 * The longest run of consecutive quiz days a learner answered in a channel (same day rules as
 * currentStreak; today's open quiz neither extends nor breaks a run).
 */
export function bestStreak(posts: readonly PostRecord[], answered: ReadonlySet<number>, zone: string, answeredByAnyone: ReadonlySet<number> = new Set()): number {
  const days = new Map<string, boolean>();
  for (const p of posts) {
    if (p.status === 'abandoned' && !answered.has(p.id) && !answeredByAnyone.has(p.id)) continue;
    if (p.status === 'claimed' || p.status === 'failed') continue;
    const day = localDate(p.slotAt, zone);
    days.set(day, (days.get(day) ?? false) || answered.has(p.id));
  }
  let best = 0;
  let run = 0;
  for (const [, hit] of [...days.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    run = hit ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
