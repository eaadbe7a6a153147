import type { QuizItem } from '../content/model.ts';
import type { ReviewRecord } from '../store/types.ts';

export interface ConceptMisses {
  conceptId: string;
  wrong: number;
  total: number;
}

/**
 * The next question for a channel. Only items asked the fewest times are candidates, so nothing
 * repeats until the whole bank has been used. Among them, concepts the channel got wrong most
 * (smoothed miss rate) come first; ties are broken at random.
 */
export function chooseChannelItem(items: readonly QuizItem[], asked: ReadonlyMap<string, number>, misses: readonly ConceptMisses[], random: () => number): QuizItem | undefined {
  if (items.length === 0) return undefined;
  const fewest = Math.min(...items.map((i) => asked.get(i.id) ?? 0));
  const candidates = items.filter((i) => (asked.get(i.id) ?? 0) === fewest);
  const rate = new Map(misses.map((m) => [m.conceptId, m.wrong / (m.total + 2)]));
  const scored = candidates.map((item) => ({ item, score: rate.get(item.conceptId) ?? 0 }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => best - s.score < 1e-9);
  return top[Math.floor(random() * top.length)]!.item;
}

export type PracticePick = { item: QuizItem; reason: 'due' | 'new' | 'ahead'; due: number };

/**
 * The next personal practice question: the most overdue review first, then an item the learner
 * has never seen, then (everything seen, nothing due) the one due soonest.
 */
export function choosePracticeItem(items: readonly QuizItem[], reviews: readonly ReviewRecord[], now: number, random: () => number): PracticePick | undefined {
  const byId = new Map(items.map((i) => [i.id, i]));
  const known = reviews.filter((r) => byId.has(r.itemId)).sort((a, b) => a.dueAt - b.dueAt);
  const due = known.filter((r) => r.dueAt <= now);
  if (due.length) return { item: byId.get(due[0]!.itemId)!, reason: 'due', due: due.length };
  const seen = new Set(known.map((r) => r.itemId));
  const fresh = items.filter((i) => !seen.has(i.id));
  if (fresh.length) return { item: fresh[Math.floor(random() * fresh.length)]!, reason: 'new', due: 0 };
  const soonest = known[0];
  return soonest ? { item: byId.get(soonest.itemId)!, reason: 'ahead', due: 0 } : undefined;
}

/** Reviews due now, most overdue first. */
export function dueReviews(items: readonly QuizItem[], reviews: readonly ReviewRecord[], now: number): ReviewRecord[] {
  const ids = new Set(items.map((i) => i.id));
  return reviews.filter((r) => ids.has(r.itemId) && r.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
}
