import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/reply/actions.ts';
import type { Reply } from '../../src/reply/types.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { DB_FILE } from '../../src/store/sqlite.ts';
import { harness, person, RecordingPoster, setSchedule, tempDir, type Harness } from '../quiz/helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Answer a channel quiz by its button, as an adapter would pass it back. */
async function click(h: Harness, reply: Reply, choice: number, userId: string) {
  const action = decodeAction(reply.quiz!.choices[choice]!.action);
  if (action?.type !== 'post-answer') throw new Error('not a channel quiz button');
  return h.quiz.answer(action, person(userId));
}

describe('scheduler: posting', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness({ clock: new ManualClock('2027-01-04T06:00:00Z') }); // Monday
  });
  afterEach(() => h.store.close());

  it('posts at the scheduled instant, not before, as a channel quiz with post-answer buttons', async () => {
    await setSchedule(h, 'weekdays 09:00 Europe/Berlin');
    h.clock.set('2027-01-04T07:59:59Z');
    expect((await h.scheduler.tick()).claimed).toBe(0);
    h.clock.set('2027-01-04T08:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    const [post] = h.poster.posts;
    expect(post!.channelId).toBe('C1');
    expect(post!.reply).toMatchObject({ kind: 'quiz-question', audience: 'channel' });
    expect(post!.reply.title).toMatch(/^Daily quiz: /);
    expect(decodeAction(post!.reply.quiz!.choices[1]!.action)).toMatchObject({ type: 'post-answer', choice: 1 });
    // Ticking again in the same minute posts nothing more.
    expect((await h.scheduler.tick()).claimed).toBe(0);
    expect(h.poster.posts).toHaveLength(1);
    const stored = await h.store.getPost(1);
    expect(stored).toMatchObject({ status: 'sent', messageId: 'm1', slotAt: Date.parse('2027-01-04T08:00:00Z') });
  });

  it('closes a quiz at the next post with a summary (edited over the question) before the new question', async () => {
    await setSchedule(h, 'daily 09:00 UTC');
    h.clock.set('2027-01-04T09:00:00Z');
    await h.scheduler.tick();
    const quiz = h.poster.posts[0]!.reply;
    await click(h, quiz, 0, 'U1');
    await click(h, quiz, 1, 'U2');
    await click(h, quiz, 0, 'U3');
    h.clock.set('2027-01-05T09:00:00Z');
    const report = await h.scheduler.tick();
    expect(report).toMatchObject({ claimed: 1, closed: 1 });
    expect(h.poster.log).toEqual(['post C1 quiz-question', 'update C1 quiz-summary', 'post C1 quiz-question']);
    const summary = h.poster.updates[0]!;
    expect(summary.messageId).toBe('m1');
    expect(summary.reply).toMatchObject({ kind: 'quiz-summary', audience: 'channel' });
    expect(summary.reply.paragraphs).toContain('2 of 3 got it right (67%).');
    expect(summary.reply.paragraphs.some((p) => p.startsWith('**Answer:** A. Right'))).toBe(true);
    expect(summary.reply.extra[0]).toMatchObject({ label: expect.stringMatching(/^Learn more: /), action: expect.stringMatching(/^c:/) });
    // A click after the close is graded but does not count.
    const late = await click(h, quiz, 0, 'U4');
    expect(late.paragraphs.join(' ')).toContain('does not count');
    expect((await h.store.answerTally(1)).total).toBe(3);
  });

  it('closes after closeHours when the next post is further away, and posts the summary when the edit fails', async () => {
    await setSchedule(h, 'weekdays 09:00 UTC');
    h.clock.set('2027-01-08T09:00:00Z'); // Friday; next post is Monday
    await h.scheduler.tick();
    h.poster.failUpdates = 1;
    h.clock.set('2027-01-09T08:59:00Z');
    expect((await h.scheduler.tick()).closed).toBe(0);
    h.clock.set('2027-01-09T09:00:00Z');
    expect((await h.scheduler.tick()).closed).toBe(1);
    expect(h.poster.posts.map((p) => p.reply.kind)).toEqual(['quiz-question', 'quiz-summary']);
    expect(h.poster.posts[1]!.reply.paragraphs).toContain('Nobody answered this one.');
    expect((await h.scheduler.tick()).closed).toBe(0);
  });

  it('retries a failed post with backoff, then gives up and does not try the slot again', async () => {
    const delays: number[] = [];
    h.store.close();
    h = harness({ clock: new ManualClock('2027-01-04T06:00:00Z'), scheduler: { retryAttempts: 3, retryBaseMs: 100, sleep: async (ms) => void delays.push(ms) } });
    await setSchedule(h, 'daily 09:00 UTC');
    h.poster.failPosts = 2;
    h.clock.set('2027-01-04T09:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(delays).toEqual([100, 200]);
    expect(h.poster.quizPosts()).toHaveLength(1);

    h.poster.failPosts = 10;
    h.clock.set('2027-01-05T09:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ sent: 0, failed: 1 });
    expect((await h.store.getPost(2))?.status).toBe('failed');
    h.poster.failPosts = 0;
    h.clock.set('2027-01-05T09:01:00Z');
    expect((await h.scheduler.tick()).claimed).toBe(0);
    expect(h.poster.quizPosts()).toHaveLength(1);
  });

  it('does not retry an error the platform marks as permanent', async () => {
    await setSchedule(h, 'daily 09:00 UTC');
    h.poster.failPosts = 5;
    h.poster.postError = Object.assign(new Error('channel_not_found'), { retryable: false });
    h.clock.set('2027-01-04T09:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ failed: 1 });
    expect(h.poster.log).toEqual(['post C1 quiz-question']);
  });

  it('waits while no poster is registered for the platform, then posts inside the grace window', async () => {
    await setSchedule(h, 'daily 09:00 UTC', 'D1', 'discord');
    h.clock.set('2027-01-04T09:00:00Z');
    expect((await h.scheduler.tick()).claimed).toBe(0);
    const discord = new RecordingPoster('discord');
    h.posters.set('discord', discord);
    h.clock.set('2027-01-04T09:30:00Z');
    expect((await h.scheduler.tick()).sent).toBe(1);
    expect(discord.quizPosts('D1')).toHaveLength(1);
  });

  it('spreads the bank over many channels, each getting its own post', async () => {
    for (let i = 0; i < 25; i++) await setSchedule(h, 'daily 09:00 UTC', `C${i}`);
    h.clock.set('2027-01-04T09:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 25, sent: 25 });
    expect(new Set(h.poster.posts.map((p) => p.channelId)).size).toBe(25);
  });
});

describe('scheduler: missed posts and the grace window', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness({ clock: new ManualClock('2027-01-03T12:00:00Z') });
  });
  afterEach(() => h.store.close());

  it('sends a missed post once on startup when it is inside the grace window', async () => {
    await setSchedule(h, 'daily 09:00 UTC');
    h.clock.set('2027-01-04T10:59:00Z'); // down since before 09:00; 1 h 59 min late, grace is 2 h
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1, skipped: 0 });
    expect((await h.store.getPost(1))?.slotAt).toBe(Date.parse('2027-01-04T09:00:00Z'));
    h.clock.set('2027-01-04T11:00:00Z');
    expect((await h.scheduler.tick()).claimed).toBe(0);
    expect(h.poster.quizPosts()).toHaveLength(1);
  });

  it('skips a missed post outside the grace window and keeps the schedule for the next one', async () => {
    await setSchedule(h, 'daily 09:00 UTC');
    h.clock.set('2027-01-04T11:01:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 0, skipped: 1 });
    expect(h.poster.posts).toHaveLength(0);
    expect((await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))?.nextRunAt).toBe(Date.parse('2027-01-05T09:00:00Z'));
    h.clock.set('2027-01-05T09:00:00Z');
    expect((await h.scheduler.tick()).sent).toBe(1);
  });

  it('uses the configured grace window: 45 min late is skipped with 30 min grace, sent with 60 min', async () => {
    for (const [graceMin, sent] of [
      [30, 0],
      [60, 1],
    ] as const) {
      const g = harness({ clock: new ManualClock('2027-01-03T12:00:00Z'), scheduler: { graceMs: graceMin * MIN } });
      try {
        await setSchedule(g, 'daily 09:00 UTC');
        g.clock.set('2027-01-04T09:45:00Z');
        expect(await g.scheduler.tick(), `grace ${graceMin} min`).toMatchObject({ sent, skipped: 1 - sent });
        expect(g.poster.quizPosts()).toHaveLength(sent);
      } finally {
        g.store.close();
      }
    }
  });

  it('after days offline posts only the latest missed run inside the window, not a flood', async () => {
    await setSchedule(h, 'cron "0 */1 * * *" UTC'); // hourly
    h.clock.set('2027-01-06T10:30:00Z'); // ~70 runs missed, two of them (09:00, 10:00) inside the window
    const report = await h.scheduler.tick();
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(report.skipped).toBeGreaterThan(0);
    expect((await h.store.getPost(1))?.slotAt).toBe(Date.parse('2027-01-06T10:00:00Z'));
    expect((await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))?.nextRunAt).toBe(Date.parse('2027-01-06T11:00:00Z'));
  });
});

describe('scheduler: restarts, crashes and two processes on one database file', () => {
  let tmp: ReturnType<typeof tempDir>;
  const open: Harness[] = [];
  const start = (clock: ManualClock, poster = new RecordingPoster('slack')) => {
    const h = harness({ file: join(tmp.dir, DB_FILE), clock, poster });
    open.push(h);
    return h;
  };
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    for (const h of open.splice(0)) h.store.close();
    tmp.cleanup();
  });

  it('restart mid-day: close and reopen the file, nothing is posted twice and nothing is lost', async () => {
    const clock = new ManualClock('2027-01-04T06:00:00Z');
    const poster = new RecordingPoster('slack');
    const first = start(clock, poster);
    await setSchedule(first, 'weekdays 09:00 Europe/Berlin');
    clock.set('2027-01-04T08:00:00Z');
    await first.scheduler.tick();
    await click(first, poster.posts[0]!.reply, 1, 'U1');
    await first.quiz.practice(person('U1'));
    first.store.close();

    clock.set('2027-01-04T12:00:00Z'); // same day, after the restart
    const second = start(clock, poster);
    expect(await second.scheduler.tick()).toMatchObject({ claimed: 0, sent: 0 });
    expect(poster.quizPosts()).toHaveLength(1);
    // State survived: the schedule, the answer (second click is refused), the review entry.
    expect((await second.quiz.schedule('show', person('U9'))).paragraphs.join(' ')).toContain('weekdays 09:00 (Europe/Berlin)');
    expect((await click(second, poster.posts[0]!.reply, 0, 'U1')).title).toBe('You already answered');
    expect((await second.store.listReviews({ platform: 'slack', userId: 'U1' })).length).toBe(1);
    expect((await second.quiz.leaderboard('week', person('U1'))).paragraphs[0]).toContain('0 points (1 answered)');

    clock.set('2027-01-05T08:00:00Z');
    expect(await second.scheduler.tick()).toMatchObject({ claimed: 1, closed: 1 });
    expect(poster.quizPosts()).toHaveLength(2);
    expect(poster.updates).toHaveLength(1);
  });

  it('two scheduler instances on one file post exactly once', async () => {
    const clock = new ManualClock('2027-01-04T06:00:00Z');
    const posterA = new RecordingPoster('slack');
    const posterB = new RecordingPoster('slack');
    const a = start(clock, posterA);
    const b = start(clock, posterB);
    for (let i = 0; i < 20; i++) await setSchedule(a, 'daily 09:00 UTC', `C${i}`);
    clock.set('2027-01-04T09:00:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(ra.claimed + rb.claimed).toBe(20);
    expect(posterA.quizPosts().length + posterB.quizPosts().length).toBe(20);
    const channels = [...posterA.quizPosts(), ...posterB.quizPosts()].map((p) => p.channelId);
    expect(new Set(channels).size).toBe(20);
    // And the close next day also happens once.
    clock.set('2027-01-05T09:00:00Z');
    const [ca, cb] = await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
    expect(ca.closed + cb.closed).toBe(20);
    expect(ca.claimed + cb.claimed).toBe(20);
  });

  it('a crash between claim and send is never re-sent (at-most-once) and is marked abandoned', async () => {
    const clock = new ManualClock('2027-01-04T06:00:00Z');
    const crashed = start(clock);
    await setSchedule(crashed, 'daily 09:00 UTC');
    // Process A claims 09:00 and dies before the platform call returns.
    const s = (await crashed.store.getSchedule({ platform: 'slack', channelId: 'C1' }))!;
    const claim = await crashed.store.claimPost({
      platform: 'slack',
      channelId: 'C1',
      slotAt: s.nextRunAt,
      zone: 'UTC',
      itemId: 'alpha-q1',
      conceptId: 'alpha',
      claimedAt: s.nextRunAt,
      claimedBy: 'process-a',
      closesAt: s.nextRunAt + 24 * HOUR,
      expectedNextRunAt: s.nextRunAt,
      nextRunAt: s.nextRunAt + 24 * HOUR,
    });
    expect(claim?.status).toBe('claimed');
    crashed.store.close();

    const restarted = start(clock);
    clock.set('2027-01-04T09:01:00Z');
    expect(await restarted.scheduler.tick()).toMatchObject({ claimed: 0, sent: 0, abandoned: 0 });
    clock.set('2027-01-04T09:20:00Z');
    expect(await restarted.scheduler.tick()).toMatchObject({ claimed: 0, sent: 0, abandoned: 1 });
    expect(restarted.poster.posts).toHaveLength(0);
    expect((await restarted.store.getPost(claim!.id))?.status).toBe('abandoned');
    // The next day goes out normally; the abandoned quiz closes quietly (nobody answered it).
    clock.set('2027-01-05T09:00:00Z');
    expect((await restarted.scheduler.tick()).sent).toBe(1);
    expect(restarted.poster.posts.map((p) => p.reply.kind)).toEqual(['quiz-question']);
    expect((await restarted.store.getPost(claim!.id))?.closedAt).toBe(Date.parse('2027-01-05T09:00:00Z'));
  });

  it('a slot that was already posted is not posted again when the schedule is set back to it', async () => {
    const clock = new ManualClock('2027-01-04T08:00:00Z');
    const h = start(clock);
    await setSchedule(h, 'daily 09:00 UTC');
    clock.set('2027-01-04T09:00:00Z');
    await h.scheduler.tick();
    // Someone re-sets the schedule; force the next run back onto the posted instant.
    const s = (await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))!;
    await h.store.putSchedule({ ...s, nextRunAt: Date.parse('2027-01-04T09:00:00Z') });
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 0, lost: 1 });
    expect(h.poster.quizPosts()).toHaveLength(1);
    expect((await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))?.nextRunAt).toBe(Date.parse('2027-01-05T09:00:00Z'));
  });
});

describe('scheduler: more due channels than one read holds', () => {
  it('queues every due channel in one tick, a batch further on each read', async () => {
    const h = harness({ clock: new ManualClock('2027-01-04T06:00:00Z'), scheduler: { batch: 3 } });
    for (let i = 0; i < 10; i++) await setSchedule(h, 'daily 09:00 UTC', `C${i}`);
    h.clock.set('2027-01-04T09:00:00Z');
    expect(await h.scheduler.tick()).toMatchObject({ claimed: 10, sent: 10 });
    expect(new Set(h.poster.quizPosts().map((p) => p.channelId)).size).toBe(10);
    h.store.close();
  });
});
