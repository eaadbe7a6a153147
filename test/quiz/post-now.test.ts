/** `post-now`: the next question at once, through the scheduler's claim path, counted like a scheduled one. */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTutorApp, ManualClock, parseConfig, silentLogger, type Requester, type TutorApp } from '../../src/index.ts';
import { RecordingPoster, tempDir } from './helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const admin: Requester = { platform: 'slack', userId: 'UADMIN', channelId: 'C1', canManageChannel: true };
const learner: Requester = { platform: 'slack', userId: 'ULEARNER', channelId: 'C1' };
const say = (app: TutorApp, text: string, who: Requester) => app.tutor.handle({ type: 'text', text }, who);

describe('post-now', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: TutorApp;
  let clock: ManualClock;
  let poster: RecordingPoster;

  beforeEach(async () => {
    tmp = tempDir();
    clock = new ManualClock('2027-01-04T07:00:00Z');
    const config = parseConfig({ CONTENT_DIR: resolve(root, 'test/fixtures/pack'), DATA_DIR: tmp.dir, QUIZ_CLOSE_HOURS: '4' });
    app = await createTutorApp(config, silentLogger, {}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, sleep: async () => {} } });
    poster = new RecordingPoster('slack');
    app.registerPoster(poster);
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  it('posts once, counts answers and streaks, closes with a summary, and leaves the schedule alone', async () => {
    await say(app, 'schedule weekdays 09:00 Europe/Berlin', admin);
    const before = await app.store.getSchedule({ platform: 'slack', channelId: 'C1' });
    const done = await say(app, 'post-now', admin);
    expect(done.title).toBe('Quiz posted');
    expect(poster.quizPosts('C1')).toHaveLength(1);
    // A second click in the same minute is the same slot: nothing new in the channel.
    clock.advance(20_000);
    expect((await say(app, 'post-now', admin)).title).toBe('Already posted');
    expect(poster.quizPosts('C1')).toHaveLength(1);
    expect((await app.store.getSchedule({ platform: 'slack', channelId: 'C1' }))?.nextRunAt).toBe(before?.nextRunAt);

    const [post] = await app.store.channelPosts({ platform: 'slack', channelId: 'C1' });
    expect(post).toMatchObject({ status: 'sent', slotAt: Date.parse('2027-01-04T07:00:00Z'), zone: 'Europe/Berlin' });
    const quiz = poster.quizPosts('C1')[0]!.reply.quiz!;
    const feedback = await app.tutor.handle({ type: 'action', action: quiz.choices[0]!.action }, learner);
    expect(feedback.kind).toBe('quiz-feedback');
    expect(feedback.paragraphs.join(' ')).toContain('streak: 1 quiz day');
    expect((await say(app, 'leaderboard', learner)).fallback).toContain('ULEARNER');
    // Closes at the next scheduled post (08:00Z) at the latest, with the summary.
    clock.set('2027-01-04T08:00:00Z');
    const tick = await app.scheduler.tick();
    expect(tick).toMatchObject({ sent: 1, closed: 1 });
    expect(poster.updates.map((u) => u.reply.kind)).toEqual(['quiz-summary']);
    expect(poster.quizPosts('C1')).toHaveLength(2);
  });

  it('is for channel managers, needs a schedule, and a question after the word is a question', async () => {
    expect((await say(app, 'post-now', learner)).title).toBe('Not allowed');
    expect((await say(app, 'post-now', admin)).title).toBe('No quiz schedule here');
    await say(app, 'schedule daily 09:00 UTC', admin);
    expect((await say(app, 'post-now', learner)).title).toBe('Not allowed');
    expect(poster.posts).toHaveLength(0);
    expect((await app.tutor.handle({ type: 'command', name: 'post-now', options: {} }, admin)).title).toBe('Quiz posted');
  });

  it('says so when the platform is not connected, and posts nothing', async () => {
    await say(app, 'schedule daily 09:00 UTC', admin);
    app.unregisterPoster(poster);
    expect((await say(app, 'post-now', admin)).title).toBe('Not connected');
    expect(await app.store.channelPosts({ platform: 'slack', channelId: 'C1' })).toHaveLength(0);
  });
});
