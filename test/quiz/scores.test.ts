import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/reply/actions.ts';
import type { Reply } from '../../src/reply/types.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { currentStreak } from '../../src/quiz/streaks.ts';
import type { PostRecord } from '../../src/store/types.ts';
import { harness, person, setSchedule, type Harness } from './helpers.ts';

async function clickOn(h: Harness, reply: Reply, choice: number, userId: string, channelId = 'C1') {
  const a = decodeAction(reply.quiz!.choices[choice]!.action);
  if (a?.type !== 'post-answer') throw new Error('expected a post-answer button');
  return h.quiz.answer(a, person(userId, { channelId }));
}

describe('leaderboard windows and scoring', () => {
  let h: Harness;
  /** The quiz posted on each day, by YYYY-MM-DD. */
  const byDay = new Map<string, Reply>();

  beforeEach(async () => {
    h = harness({ clock: new ManualClock('2027-03-24T12:00:00Z') });
    await setSchedule(h, 'daily 09:00 UTC');
    byDay.clear();
    const plan: Record<string, [string, number][]> = {
      '2027-03-25': [
        ['U1', 0],
        ['U2', 0],
      ],
      '2027-03-26': [['U2', 0]],
      '2027-03-27': [['U2', 0]],
      '2027-03-28': [['U2', 0]],
      '2027-03-29': [['U1', 0]],
      '2027-04-01': [['U1', 0]],
      '2027-04-02': [
        ['U1', 0],
        ['U2', 2],
      ],
    };
    // 25 March (Thu) .. 2 April (Fri), answered the same day, before each quiz closes at the next post.
    // The week starts Monday 29 March, the month on 1 April.
    for (let d = Date.parse('2027-03-25T09:00:00Z'); d <= Date.parse('2027-04-02T09:00:00Z'); d += 86_400_000) {
      const day = new Date(d).toISOString().slice(0, 10);
      h.clock.set(d);
      await h.scheduler.tick();
      byDay.set(day, h.poster.quizPosts().at(-1)!.reply);
      h.clock.set(d + 3_600_000);
      for (const [user, choice] of plan[day] ?? []) await clickOn(h, byDay.get(day)!, choice, user);
    }
    h.clock.set('2027-04-02T12:00:00Z');
  });
  afterEach(() => h.store.close());

  it('all time: a point per right first answer', async () => {
    const r = await h.quiz.leaderboard('all', person('U9'));
    expect(r).toMatchObject({ kind: 'leaderboard', title: 'Leaderboard (all time)' });
    expect(r.paragraphs[0]!.split('\n')).toEqual(['1. <@U1> 4 points (4 answered), 2-day streak', '2. <@U2> 4 points (5 answered), 1-day streak']);
  });

  it('this week starts Monday 00:00 and this month on the 1st, in the schedule zone', async () => {
    expect((await h.quiz.leaderboard('week', person('U9'))).paragraphs[0]!.split('\n')).toEqual(['1. <@U1> 3 points (3 answered), 2-day streak', '2. <@U2> 0 points (1 answered), 1-day streak']);
    expect((await h.quiz.leaderboard('', person('U9'))).title).toBe('Leaderboard (this week)');
    expect((await h.quiz.leaderboard('month', person('U9'))).paragraphs[0]!.split('\n')).toEqual(['1. <@U1> 2 points (2 answered), 2-day streak', '2. <@U2> 0 points (1 answered), 1-day streak']);
  });

  it('the week boundary moves with the zone', async () => {
    // Pacific/Kiritimati (UTC+14): Monday 29 March begins at 10:00Z on the 28th, so U2's answer to
    // the 28 March 09:00Z quiz stays in the previous week. Same in Asia/Tokyo (begins 15:00Z).
    await setSchedule(h, 'daily 09:00 Pacific/Kiritimati');
    expect((await h.quiz.leaderboard('week', person('U9'))).paragraphs[0]).toContain('<@U2> 0 points (1 answered)');
    await setSchedule(h, 'daily 09:00 Asia/Tokyo');
    expect((await h.quiz.leaderboard('week', person('U9'))).paragraphs[0]).toContain('<@U1> 3 points (3 answered)');
    // Etc/GMT+12 (UTC-12): the week begins at 12:00Z on the 29th, after that day's 09:00Z quiz,
    // and every quiz falls on the previous local day, which also shifts the streak.
    await setSchedule(h, 'daily 09:00 Etc/GMT+12');
    expect((await h.quiz.leaderboard('week', person('U9'))).paragraphs[0]!.split('\n')[0]).toBe('1. <@U1> 2 points (2 answered), 2-day streak');
  });

  it('practice answers never reach the channel leaderboard', async () => {
    for (let i = 0; i < 5; i++) {
      const q = await h.quiz.practice(person('U3'));
      const a = decodeAction(q.quiz!.choices[0]!.action);
      expect(a?.type).toBe('practice-answer');
      if (a?.type === 'practice-answer') await h.quiz.answer(a, person('U3'));
    }
    expect((await h.quiz.leaderboard('all', person('U3'))).paragraphs[0]).not.toContain('U3');
  });

  it('keeps scores per channel', async () => {
    expect((await h.quiz.leaderboard('all', person('U1', { channelId: 'C2' }))).paragraphs[0]).toBe('No quiz answers in this channel yet.');
  });
});

describe('daily streaks', () => {
  const post = (id: number, at: string, extra: Partial<PostRecord> = {}): PostRecord => ({
    id,
    platform: 'slack',
    channelId: 'C1',
    slotAt: Date.parse(at),
    zone: 'UTC',
    itemId: 'x',
    conceptId: 'x',
    status: 'sent',
    claimedAt: 0,
    claimedBy: 'p',
    closesAt: 0,
    closedAt: 1,
    ...extra,
  });

  it('a day without a posted quiz (a weekend) does not break a streak', () => {
    const posts = [post(1, '2027-01-07T09:00:00Z'), post(2, '2027-01-08T09:00:00Z'), post(3, '2027-01-11T09:00:00Z')]; // Thu, Fri, Mon
    expect(currentStreak(posts, new Set([1, 2, 3]), 'UTC')).toBe(3);
    expect(currentStreak(posts, new Set([1, 3]), 'UTC')).toBe(1);
  });

  it('today’s quiz, still open and unanswered, does not break the streak yet', () => {
    const posts = [post(1, '2027-01-07T09:00:00Z'), post(2, '2027-01-08T09:00:00Z', { closedAt: undefined })];
    expect(currentStreak(posts, new Set([1]), 'UTC')).toBe(1);
    expect(currentStreak([post(1, '2027-01-07T09:00:00Z'), post(2, '2027-01-08T09:00:00Z')], new Set([1]), 'UTC')).toBe(0);
  });

  it('an abandoned post nobody answered (maybe never delivered after a crash) is not a quiz day', () => {
    // Tue answered, Wed abandoned, Thu answered.
    const posts = [post(1, '2027-01-05T09:00:00Z'), post(2, '2027-01-06T09:00:00Z', { status: 'abandoned' }), post(3, '2027-01-07T09:00:00Z')];
    expect(currentStreak(posts, new Set([1, 3]), 'UTC')).toBe(2);
    // Someone else answered Wednesday's post, so it did reach the channel: missing it breaks the streak.
    expect(currentStreak(posts, new Set([1, 3]), 'UTC', new Set([2]))).toBe(1);
    expect(currentStreak(posts, new Set([1, 2, 3]), 'UTC')).toBe(3);
  });

  it('groups quizzes into days in the schedule zone', () => {
    // 22:00Z on the 4th and 01:00Z on the 5th: different UTC days, the same day in Tokyo and New York.
    const posts = [post(1, '2027-01-04T22:00:00Z'), post(2, '2027-01-05T01:00:00Z'), post(3, '2027-01-06T01:00:00Z')];
    const answered = new Set([1, 3]);
    expect(currentStreak(posts, answered, 'UTC')).toBe(1);
    expect(currentStreak(posts, answered, 'Asia/Tokyo')).toBe(2);
    expect(currentStreak(posts, answered, 'America/New_York')).toBe(2);
  });
});

describe('streaks across a crash', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness({ clock: new ManualClock('2027-01-04T12:00:00Z') });
  });
  afterEach(() => h.store.close());

  it('a post abandoned after a crash does not break the streak of those who answered around it', async () => {
    await setSchedule(h, 'daily 09:00 UTC');
    const postAndAnswer = async (at: string) => {
      h.clock.set(at);
      await h.scheduler.tick();
      return clickOn(h, h.poster.quizPosts().at(-1)!.reply, 0, 'U1');
    };
    await postAndAnswer('2027-01-05T09:00:00Z'); // Tue
    // Wed: another process claims the slot and dies before the platform answers.
    h.clock.set('2027-01-06T09:00:00Z');
    const s = (await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))!;
    const claim = await h.store.claimPost({
      platform: 'slack',
      channelId: 'C1',
      slotAt: s.nextRunAt,
      zone: 'UTC',
      itemId: 'alpha-q1',
      conceptId: 'alpha',
      claimedAt: s.nextRunAt,
      claimedBy: 'process-a',
      closesAt: s.nextRunAt + 86_400_000,
      expectedNextRunAt: s.nextRunAt,
      nextRunAt: s.nextRunAt + 86_400_000,
    });
    expect((await h.store.abandonStaleClaims(s.nextRunAt + 1, 'process-b')).map((p) => p.id)).toEqual([claim!.id]);
    const thu = await postAndAnswer('2027-01-07T09:00:00Z');
    expect(thu.paragraphs.join(' ')).toContain('Your streak: 2 quiz days');
    h.clock.set('2027-01-07T12:00:00Z');
    expect((await h.quiz.leaderboard('all', person('U9'))).paragraphs[0]).toContain('<@U1> 2 points (2 answered), 2-day streak');
  });
});
