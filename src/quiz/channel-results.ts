import type { Platform } from '../adapter-api/request.ts';
import type { AnswerStore, PostStore, ScheduleStore } from '../store/types.ts';
import { currentStreak } from './streaks.ts';

export interface ChannelResult {
  userId: string;
  answered: number;
  correct: number;
  /** correct / answered, 0..1. */
  accuracy: number;
  streak: number;
}

/** Every person's results in one channel's quizzes (all time), most points first. */
export async function channelResults(store: ScheduleStore & PostStore & AnswerStore, platform: Platform, channelId: string): Promise<ChannelResult[]> {
  const ch = { platform, channelId };
  const posts = await store.channelPosts(ch);
  const zone = (await store.getSchedule(ch))?.zone ?? posts.at(-1)?.zone ?? 'UTC';
  const abandoned = posts.filter((p) => p.status === 'abandoned');
  const tallies = await Promise.all(abandoned.map((p) => store.answerTally(p.id)));
  const reached = new Set(abandoned.filter((_, i) => tallies[i]!.total > 0).map((p) => p.id));
  const rows = await store.scoreboard(ch, undefined, Number.MAX_SAFE_INTEGER);
  const out: ChannelResult[] = [];
  for (const r of rows) {
    const streak = currentStreak(posts, await store.answeredPostIds(ch, r.userId), zone, reached);
    out.push({ userId: r.userId, answered: r.answered, correct: r.points, accuracy: r.answered ? r.points / r.answered : 0, streak });
  }
  return out;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function csvField(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsCsv(rows: readonly ChannelResult[]): string {
  const lines = [['user', 'answered', 'correct', 'accuracy', 'streak'].join(',')];
  for (const r of rows) lines.push([csvField(r.userId), r.answered, r.correct, r.accuracy.toFixed(3), r.streak].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function resultsTable(rows: readonly ChannelResult[], channelId: string): string {
  if (rows.length === 0) return `No quiz answers in ${channelId} yet.`;
  const head = ['user', 'answered', 'correct', 'accuracy', 'streak'];
  const body = rows.map((r) => [r.userId, String(r.answered), String(r.correct), `${Math.round(100 * r.accuracy)}%`, String(r.streak)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, ...body]
    .map((cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
