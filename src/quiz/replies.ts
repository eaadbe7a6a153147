import { mention } from '../reply/mention.ts';
import type { Concept, QuizItem } from '../content/model.ts';
import { encodeAction } from '../reply/actions.ts';
import { emptyReply, explainAction, quizQuestionReply } from '../reply/build.ts';
import type { Reply } from '../reply/types.ts';
import { localDateTime } from '../schedule/zone.ts';
import { timeToken } from '../reply/time.ts';
import type { ScheduleRecord, ScoreRow } from '../store/types.ts';

export const letter = (choice: number) => String.fromCharCode(65 + choice);

/** The channel post: prompt and choice buttons that carry the post id. */
export function channelQuizReply(postId: number, item: QuizItem, concept: Concept): Reply {
  const r = quizQuestionReply(item, concept, (choice) => encodeAction({ type: 'post-answer', postId, choice }), 'Daily quiz');
  r.audience = 'channel';
  r.paragraphs.push('_Pick an answer: only your first click counts, and you get feedback right away._');
  return r;
}

/** Posted (or edited over the question) when a channel quiz closes. */
export function quizSummaryReply(item: QuizItem, concept: Concept, tally: { total: number; correct: number }): Reply {
  const answer = `${letter(item.answerIndex)}. ${item.choices[item.answerIndex]}`;
  const share = tally.total === 0 ? 'Nobody answered this one.' : `${tally.correct} of ${tally.total} got it right (${Math.round((100 * tally.correct) / tally.total)}%).`;
  const r = emptyReply('quiz-summary', `Quiz closed. Answer: ${answer}. ${share}`);
  r.title = `Quiz closed: ${concept.title}`;
  r.conceptId = concept.id;
  r.audience = 'channel';
  r.paragraphs = [item.prompt, `**Answer:** ${answer}`, share, item.explanation];
  r.extra = [{ ...explainAction(concept), label: `Learn more: ${concept.title}` }];
  return r;
}

export function practiceQuestionReply(item: QuizItem, concept: Concept, heading: string, note?: string, askId?: number): Reply {
  const r = quizQuestionReply(item, concept, (choice) => encodeAction({ type: 'practice-answer', itemId: item.id, choice, ...(askId !== undefined ? { askId } : {}) }), heading);
  if (note) r.paragraphs.push(note);
  return r;
}

export const nextPracticeAction = { label: 'Next question', action: encodeAction({ type: 'next-practice' }) };

export type Period = 'week' | 'month' | 'all';
const PERIOD_NAMES: Record<Period, string> = { week: 'this week', month: 'this month', all: 'all time' };

export function leaderboardReply(period: Period, rows: readonly (ScoreRow & { streak: number })[], zone: string): Reply {
  const r = emptyReply('leaderboard', `Leaderboard (${PERIOD_NAMES[period]}): ${rows.length ? rows.map((x) => `${x.userId} ${x.points}`).join(', ') : 'no answers yet'}`);
  r.title = `Leaderboard (${PERIOD_NAMES[period]})`;
  if (rows.length === 0) {
    r.paragraphs = [`No quiz answers in this channel ${period === 'all' ? 'yet' : PERIOD_NAMES[period]}.`];
  } else {
    const lines = rows.map((x, i) => `${i + 1}. ${mention(x.userId)} ${x.points} point${x.points === 1 ? '' : 's'} (${x.answered} answered), ${x.streak}-day streak`);
    r.paragraphs = [lines.join('\n')];
  }
  const when = period === 'week' ? ` Weeks start Monday 00:00 ${zone}.` : period === 'month' ? ` Months start on the 1st, 00:00 ${zone}.` : '';
  r.paragraphs.push(`_A point per right first answer to this channel's quizzes; practice does not count. Streaks count quiz days in ${zone}.${when}_`);
  return r;
}

export function scheduleDescription(s: Pick<ScheduleRecord, 'label' | 'zone' | 'nextRunAt'>): string[] {
  // The token shows each reader their own time where the platform can; elsewhere the channel's zone and UTC.
  const fallback = `${localDateTime(s.nextRunAt, s.zone)} ${s.zone} (${new Date(s.nextRunAt).toISOString().replace('.000Z', 'Z')})`;
  return [`Quizzes are posted here **${s.label} (${s.zone})**.`, `Next: ${timeToken(s.nextRunAt, fallback)}.`];
}
