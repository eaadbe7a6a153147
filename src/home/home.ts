import type { Requester } from '../adapter-api/request.ts';
import type { ContentPack } from '../content/model.ts';
import type { PersistentQuiz } from '../quiz/persistent.ts';
import { dueReviews } from '../quiz/select.ts';
import { endOfLocalDay } from '../quiz/leitner.ts';
import { decodeAction, encodeAction } from '../reply/actions.ts';
import { explainAction } from '../reply/build.ts';
import type { Reply, ReplyAction } from '../reply/types.ts';
import { periodStart, personZone } from '../schedule/zone.ts';
import type { ScheduleRecord } from '../store/types.ts';

/** What a learner's home page shows: platform-neutral data an adapter lays out (Slack's App Home). */
export interface HomeView {
  /** Nothing answered yet anywhere: a welcome and starter questions instead of stats. */
  firstVisit: boolean;
  /** The best current streak over the scheduled channels the learner is in. */
  streak: number;
  /** Questions answered since Monday 00:00 in the learner's zone (channel quizzes and practice). */
  answeredThisWeek: number;
  reviewsDue: number;
  startReview: ReplyAction;
  /** Three questions a newcomer can ask with one click (each explains its concept). */
  starters: ReplyAction[];
  /** Every topic, by title, for a picker. */
  topics: ReplyAction[];
  /** This week's leaderboard of each scheduled channel the learner is in. */
  leaderboards: { channelId: string; reply: Reply }[];
  /** Schedules of the channels the learner may manage. */
  schedules: ScheduleRecord[];
}

/** How the adapter answers "is this person in that channel / may they manage it" (platform calls). */
export interface HomeAccess {
  /** Of these channel ids, the ones the learner is a member of. */
  memberOf(channelIds: readonly string[]): Promise<ReadonlySet<string>>;
  canManage(channelId: string): Promise<boolean>;
}

/** Channels per home view at most: each costs a few store reads. */
const MAX_CHANNELS = 20;
/** Every schedule on a platform: dueSchedules with no upper bound on the run time, unleased. */
const ALL_SCHEDULES = Number.MAX_SAFE_INTEGER;

export async function homeView(pack: ContentPack, quiz: PersistentQuiz, starters: readonly ReplyAction[], who: Requester, access: HomeAccess, now: Date): Promise<HomeView> {
  const store = quiz.store;
  const reviews = await store.listReviews(who);
  const scheduled = await store.dueSchedules(ALL_SCHEDULES, [who.platform], 500);
  const members = await access.memberOf(scheduled.map((s) => s.channelId));
  const mine = scheduled.filter((s) => members.has(s.channelId)).slice(0, MAX_CHANNELS);
  const leaderboards = await Promise.all(mine.map(async (s) => ({ channelId: s.channelId, reply: await quiz.leaderboard('week', { ...who, channelId: s.channelId, direct: false }) })));
  const streaks = await Promise.all(mine.map((s) => quiz.streakIn(s, who.userId)));
  const managed: ScheduleRecord[] = [];
  for (const s of mine) if (await access.canManage(s.channelId)) managed.push(s);
  // The learner's own week and day: the zone the adapter looked up for them, else UTC.
  const zone = personZone(who);
  const weekStart = periodStart('week', now, zone);
  const dueBy = endOfLocalDay(now.getTime(), zone) - 1;
  return {
    firstVisit: reviews.length === 0,
    streak: Math.max(0, ...streaks),
    answeredThisWeek: reviews.filter((r) => r.lastAnsweredAt >= weekStart).length,
    reviewsDue: dueReviews(pack.quizItems, reviews, dueBy).length,
    startReview: { label: 'Start review', action: encodeAction({ type: 'review' }) },
    // The configured starters, topped up from the pack when some are not in it.
    starters: [...starters, ...pack.concepts.map(explainAction).filter((a) => !starters.some((s) => s.action === a.action))].slice(0, 3).map((a) => ({ ...a, label: starterQuestion(pack, a) })),
    topics: [...pack.concepts].sort((a, b) => a.title.localeCompare(b.title)).map(explainAction),
    leaderboards,
    schedules: managed,
  };
}

/** A starter button reads as a question someone would ask: the concept's first phrasing, or "What is …?". */
function starterQuestion(pack: ContentPack, a: ReplyAction): string {
  const decoded = decodeAction(a.action);
  const concept = decoded && 'conceptId' in decoded ? pack.byId.get(decoded.conceptId) : undefined;
  return concept?.questions[0] ?? `What is ${a.label}?`;
}
