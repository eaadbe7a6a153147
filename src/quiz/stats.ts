import type { ContentPack } from '../content/model.ts';
import type { Requester } from '../adapter-api/request.ts';
import { emptyReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import type { ReviewRecord } from '../store/types.ts';
import { dueReviews } from './select.ts';

export interface PersonalStats {
  /** Every answer the learner gave: practice, review and channel quizzes. */
  answered: number;
  correct: number;
  /** Per topic, most answered first. */
  topics: { title: string; answered: number; correct: number }[];
  /** In the channel asked from; undefined in a DM (streaks belong to channel quizzes). */
  streak?: number;
  best?: number;
  due: number;
}

/** Tally a learner's review records (each channel and practice answer updates one) per topic. */
export function tallyStats(pack: ContentPack, reviews: readonly ReviewRecord[], dueBy: number): Omit<PersonalStats, 'streak' | 'best'> {
  const byConcept = new Map<string, { title: string; answered: number; correct: number }>();
  let answered = 0;
  let correct = 0;
  for (const r of reviews) {
    const item = pack.quizById.get(r.itemId);
    const concept = item && pack.byId.get(item.conceptId);
    if (!concept) continue; // a question no longer in the content
    const t = byConcept.get(concept.id) ?? { title: concept.title, answered: 0, correct: 0 };
    t.answered += r.rightCount + r.wrongCount;
    t.correct += r.rightCount;
    byConcept.set(concept.id, t);
    answered += r.rightCount + r.wrongCount;
    correct += r.rightCount;
  }
  const topics = [...byConcept.values()].sort((a, b) => b.answered - a.answered || a.title.localeCompare(b.title));
  return { answered, correct, topics, due: dueReviews(pack.quizItems, reviews, dueBy).length };
}

const pct = (correct: number, answered: number) => (answered === 0 ? '–' : `${Math.round((100 * correct) / answered)}%`);
const MAX_TOPICS = 15;

export function statsReply(s: PersonalStats, who: Requester): Reply {
  const streaks =
    s.streak === undefined ? 'Streaks count channel quizzes: ask for your stats in a channel with a schedule.' : `Streak: **${s.streak}** quiz day${s.streak === 1 ? '' : 's'} (best: ${s.best}).`;
  const due = s.due === 0 ? 'No reviews due today.' : `**${s.due}** review${s.due === 1 ? '' : 's'} due today: \`${commandText(who.platform, 'review')}\`.`;
  const r = emptyReply('stats', `Your stats: ${s.answered} answered, ${pct(s.correct, s.answered)} right. ${streaks} ${due}`);
  r.title = 'Your stats';
  if (s.answered === 0) {
    r.paragraphs = [`You have not answered any quiz questions yet. Try \`${commandText(who.platform, 'quiz')}\`.`, streaks];
    return r;
  }
  r.paragraphs = [`Answered: **${s.answered}**, ${pct(s.correct, s.answered)} right.`, streaks, due];
  r.table = { caption: 'Accuracy per topic', headers: ['Topic', 'Answered', 'Right'], rows: s.topics.slice(0, MAX_TOPICS).map((t) => [t.title, String(t.answered), pct(t.correct, t.answered)]) };
  if (s.topics.length > MAX_TOPICS) r.paragraphs.push(`_And ${s.topics.length - MAX_TOPICS} more topics._`);
  return r;
}
