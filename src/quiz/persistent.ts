import type { ContentPack, QuizItem } from '../content/model.ts';
import type { Requester } from '../adapter-api/request.ts';
import { encodeAction, type TutorAction } from '../reply/actions.ts';
import { noticeReply, quizFeedbackReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { localDate, periodStart } from '../schedule/zone.ts';
import type { ChannelRef, PostRecord, QuizStore } from '../store/types.ts';
import type { QuizFeatures } from './features.ts';
import { afterAnswer, endOfLocalDay, intervalDays } from './leitner.ts';
import { channelQuizReply, leaderboardReply, letter, nextPracticeAction, practiceQuestionReply, quizSummaryReply, type Period } from './replies.ts';
import { scheduleCommand, type ScheduleManager } from './schedule-settings.ts';
import { postNowCommand, type PostNowFn } from './post-now-command.ts';
import { parsePing, pingCommand } from './ping.ts';
import { chooseChannelItem, choosePracticeItem, dueReviews } from './select.ts';
import { bestStreak, currentStreak } from './streaks.ts';
import { statsReply, tallyStats } from './stats.ts';

export interface PersistentQuizOptions {
  clock?: Clock;
  random?: () => number;
  /** Hours a channel quiz stays open at most (config.quiz.closeHours), for the confirmation text. */
  closeHours?: number;
  /** People allowed to manage schedules whatever the adapter says (embedders and tests). */
  managers?: readonly ScheduleManager[];
  /** Told of each first answer to a channel post (the live tally). */
  onPostAnswer?: (post: PostRecord) => void;
}

const LEADERBOARD_SIZE = 10;

/** Quizzes with memory: channel posts and scores, streaks, spaced personal review, schedules. */
export class PersistentQuiz implements QuizFeatures {
  private readonly clock: Clock;
  private readonly random: () => number;
  /** Set by the app once the scheduler exists (it is built from this quiz). */
  postNowVia: PostNowFn | undefined;

  constructor(
    readonly pack: ContentPack,
    readonly store: QuizStore,
    private readonly options: PersistentQuizOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  // Personal practice (never counts toward channel scores)

  async practice(who: Requester): Promise<Reply> {
    const { dueBy } = await this.today(who);
    const pick = choosePracticeItem(this.pack.quizItems, await this.store.listReviews(who), dueBy, this.random);
    if (!pick) return noticeReply('No quiz yet', 'The loaded content has no quiz items.');
    const concept = this.pack.byId.get(pick.item.conceptId)!;
    const note =
      pick.reason === 'due'
        ? `_Review: ${pick.due} question${pick.due === 1 ? '' : 's'} due, this is one you missed or are learning._`
        : pick.reason === 'ahead'
          ? "_You've seen every question; nothing is due, so here is the next one coming up._"
          : undefined;
    return practiceQuestionReply(pick.item, concept, pick.reason === 'due' ? 'Review' : 'Practice', note, await this.ask(who, pick.item));
  }

  /** "Quiz me on this": the concept's question the learner needs most (due, new, then soonest). */
  async practiceConcept(conceptId: string, who: Requester): Promise<Reply> {
    const concept = this.pack.byId.get(conceptId);
    if (!concept || concept.quiz.length === 0) return noticeReply('No quiz yet', 'There is no practice question on that topic yet.');
    const { dueBy } = await this.today(who);
    const pick = choosePracticeItem(concept.quiz, await this.store.listReviews(who), dueBy, this.random)!;
    return practiceQuestionReply(pick.item, concept, 'Practice', undefined, await this.ask(who, pick.item));
  }

  /** Each question put to someone is recorded, so that it takes one answer only. */
  private ask(who: Requester, item: QuizItem): Promise<number> {
    return this.store.createPracticeAsk(who, item.id, this.now());
  }

  async review(who: Requester): Promise<Reply> {
    const reviews = await this.store.listReviews(who);
    const { zone, dueBy } = await this.today(who);
    const due = dueReviews(this.pack.quizItems, reviews, dueBy);
    const first = due[0];
    if (!first) {
      const upcoming = reviews.filter((r) => this.pack.quizById.has(r.itemId)).sort((a, b) => a.dueAt - b.dueAt)[0];
      const r = noticeReply(
        'Nothing to review',
        upcoming
          ? `Nothing is due today. Your next review is on ${localDate(upcoming.dueAt, zone)}. Want a practice question meanwhile?`
          : 'You have nothing to review yet. Questions you miss come back here after 1, 3 and 7 days. Try a practice question?',
      );
      r.extra = [nextPracticeAction];
      return r;
    }
    const item = this.pack.quizById.get(first.itemId)!;
    return practiceQuestionReply(item, this.pack.byId.get(item.conceptId)!, 'Review', `_Review 1 of ${due.length} due today._`, await this.ask(who, item));
  }

  /**
   * Reviews are due by the day, not the minute: anything due before the learner's local midnight
   * counts as due today. The learner's zone is the channel schedule's (none in a DM), else UTC.
   */
  private async today(who: Requester): Promise<{ zone: string; dueBy: number }> {
    const zone = (await this.store.getSchedule({ platform: who.platform, channelId: who.channelId }))?.zone ?? 'UTC';
    // The select helpers count `dueAt <= now` as due; the end of the day itself belongs to tomorrow.
    return { zone, dueBy: endOfLocalDay(this.now(), zone) - 1 };
  }

  async answer(action: Extract<TutorAction, { type: 'practice-answer' | 'post-answer' }>, who: Requester): Promise<Reply> {
    return action.type === 'practice-answer' ? this.answerPractice(action.itemId, action.choice, who, action.askId) : this.answerPost(action.postId, action.choice, who);
  }

  private async answerPractice(itemId: string, choice: number, who: Requester, askId?: number): Promise<Reply> {
    const item = this.pack.quizById.get(itemId);
    if (!item || choice >= item.choices.length) return noticeReply('Quiz expired', `That question is no longer in the quiz bank. Try \`${commandText(who.platform, 'quiz')}\` for a new one.`);
    const now = this.now();
    if (askId !== undefined) {
      // One answer per question asked: a second click (or a stale copy) changes nothing.
      const lock = await this.store.answerPracticeAsk(askId, who, choice, now);
      if (!lock.recorded && lock.choice !== undefined) return alreadyAnswered(item, lock.choice);
      if (!lock.recorded || lock.itemId !== item.id)
        return noticeReply('Not your question', `That practice question was asked to someone else. Try \`${commandText(who.platform, 'quiz')}\` for your own.`);
    }
    const state = afterAnswer(await this.store.getReview(who, item.id), who, item.id, choice === item.answerIndex, now);
    await this.store.putReview(state);
    const concept = this.pack.byId.get(item.conceptId)!;
    const r = quizFeedbackReply(item, concept, choice, `_This comes back for review in ${plural(intervalDays(state.box), 'day')}. Practice answers don't count toward channel scores._`);
    r.extra.push(nextPracticeAction);
    // The feedback takes the question's place; its choices stay visible, answered and inert.
    r.quiz = {
      prompt: item.prompt,
      conceptId: concept.id,
      conceptTitle: concept.title,
      choices: item.choices.map((label, i) => ({
        label: `${letter(i)}. ${label}`,
        action: encodeAction({ type: 'practice-answer', itemId: item.id, choice: i, ...(askId !== undefined ? { askId } : {}) }),
      })),
      answered: choice,
    };
    r.inPlace = askId !== undefined;
    return r;
  }

  private async answerPost(postId: number, choice: number, who: Requester): Promise<Reply> {
    const post = await this.store.getPost(postId);
    if (!post || post.platform !== who.platform) return noticeReply('Quiz not found', `I can't find that quiz any more. Try \`${commandText(who.platform, 'quiz')}\` for a practice question.`);
    const item = this.pack.quizById.get(post.itemId);
    if (!item || choice >= item.choices.length)
      return noticeReply('Quiz expired', `That question is no longer in the quiz bank. Try \`${commandText(who.platform, 'quiz')}\` for a practice question.`);
    const concept = this.pack.byId.get(item.conceptId)!;
    if (post.closedAt !== undefined) return quizFeedbackReply(item, concept, choice, '_This quiz has closed, so this answer does not count toward the leaderboard._');
    const correct = choice === item.answerIndex;
    const now = this.now();
    const { recorded, first } = await this.store.recordAnswer({ postId, userId: who.userId, choice, correct, answeredAt: now });
    if (!recorded) return alreadyAnswered(item, first.choice);
    this.options.onPostAnswer?.(post);
    // Channel answers feed the learner's own review pile too: what they missed comes back.
    await this.store.putReview(afterAnswer(await this.store.getReview(who, item.id), who, item.id, correct, now));
    const ch = { platform: post.platform, channelId: post.channelId };
    const posts = await this.store.channelPosts(ch);
    const streak = currentStreak(posts, await this.store.answeredPostIds(ch, who.userId), await this.zoneOf(ch, post), await this.answeredAbandoned(posts));
    const note = correct
      ? `_+1 point. Your streak: ${plural(streak, 'quiz day')}._`
      : `_No point this time; your streak: ${plural(streak, 'quiz day')}. This question comes back in your \`review\` tomorrow._`;
    return quizFeedbackReply(item, concept, choice, note);
  }

  // Channel scores

  async leaderboard(args: string, who: Requester): Promise<Reply> {
    const a = args.trim().toLowerCase();
    const period: Period = a === 'month' ? 'month' : a === 'all' || a === 'all-time' || a === 'alltime' ? 'all' : 'week';
    const ch = { platform: who.platform, channelId: who.channelId };
    const posts = await this.store.channelPosts(ch);
    const zone = await this.zoneOf(ch, posts.at(-1));
    const since = period === 'all' ? undefined : periodStart(period, this.clock.now(), zone);
    const rows = await this.store.scoreboard(ch, since, LEADERBOARD_SIZE);
    const reached = await this.answeredAbandoned(posts);
    const withStreaks = await Promise.all(rows.map(async (r) => ({ ...r, streak: currentStreak(posts, await this.store.answeredPostIds(ch, r.userId), zone, reached) })));
    return leaderboardReply(period, withStreaks, zone);
  }

  async stats(who: Requester): Promise<Reply> {
    const { dueBy } = await this.today(who);
    const tally = tallyStats(this.pack, await this.store.listReviews(who), dueBy);
    if (who.direct) return statsReply(tally, who);
    const ch = { platform: who.platform, channelId: who.channelId };
    const posts = await this.store.channelPosts(ch);
    const zone = await this.zoneOf(ch, posts.at(-1));
    const answered = await this.store.answeredPostIds(ch, who.userId);
    const reached = await this.answeredAbandoned(posts);
    return statsReply({ ...tally, streak: currentStreak(posts, answered, zone, reached), best: bestStreak(posts, answered, zone, reached) }, who);
  }

  async schedule(args: string, who: Requester): Promise<Reply> {
    return scheduleCommand(args, who, { store: this.store, now: this.now(), closeHours: this.options.closeHours ?? 24, managers: this.options.managers ?? [] });
  }

  /** A learner's current streak in one channel (the home view shows the best of them). */
  async streakIn(ch: ChannelRef, userId: string): Promise<number> {
    const posts = await this.store.channelPosts(ch);
    return currentStreak(posts, await this.store.answeredPostIds(ch, userId), await this.zoneOf(ch, posts.at(-1)), await this.answeredAbandoned(posts));
  }

  async postNow(who: Requester): Promise<Reply> {
    return postNowCommand(who, this.postNowVia, this.options.managers ?? []);
  }

  async ping(sub: string, role: string | undefined, who: Requester): Promise<Reply> {
    return pingCommand(sub, role, who, { store: this.store, managers: this.options.managers ?? [] });
  }

  // Used by the scheduler

  /** The next question for a channel: no repeats until the bank is used up, missed concepts sooner. */
  async chooseItemFor(ch: ChannelRef): Promise<QuizItem | undefined> {
    return chooseChannelItem(this.pack.quizItems, await this.store.channelItemCounts(ch), await this.store.channelConceptMisses(ch), this.random);
  }

  /** The channel question, with the schedule's opt-in ping (read when it is sent, so a change applies to the next post); with `answered`, as refreshed by the live tally. */
  async postReply(post: PostRecord, answered?: number): Promise<Reply | undefined> {
    const item = this.pack.quizById.get(post.itemId);
    const concept = item && this.pack.byId.get(item.conceptId);
    if (!item || !concept) return undefined;
    const r = channelQuizReply(post.id, item, concept, answered);
    const ping = parsePing((await this.store.getSchedule(post))?.ping);
    if (ping) r.ping = ping;
    return r;
  }

  async summaryReply(post: PostRecord): Promise<Reply | undefined> {
    const item = this.pack.quizById.get(post.itemId);
    const concept = item && this.pack.byId.get(item.conceptId);
    return item && concept ? quizSummaryReply(item, concept, await this.store.answerTally(post.id)) : undefined;
  }

  /** Abandoned posts (rare: one per crash) that somebody answered, so they did reach the channel. */
  private async answeredAbandoned(posts: readonly PostRecord[]): Promise<Set<number>> {
    const abandoned = posts.filter((p) => p.status === 'abandoned');
    const tallies = await Promise.all(abandoned.map((p) => this.store.answerTally(p.id)));
    return new Set(abandoned.filter((_, i) => tallies[i]!.total > 0).map((p) => p.id));
  }

  /** Streaks and weeks use the channel's schedule zone, or the zone of its last post, or UTC. */
  private async zoneOf(ch: ChannelRef, post?: PostRecord): Promise<string> {
    return (await this.store.getSchedule(ch))?.zone ?? post?.zone ?? 'UTC';
  }
}

function alreadyAnswered(item: QuizItem, choice: number): Reply {
  const right = choice === item.answerIndex;
  return noticeReply('You already answered', `Only your first answer counts. You picked ${letter(choice)}. ${item.choices[choice] ?? ''}, which was ${right ? 'right' : 'not right'}.`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
