/**
 * The store contract: the same cases on SQLite and on Postgres (a fresh database per run,
 * dropped after). Behaviour the bot relies on, whichever store DATABASE_URL selects.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/pg.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { PostClaim, Store } from '../../src/store/types.ts';
import { postClaim } from '../helpers/post-claim.ts';
import { createTestDatabase, postgresAdminUrl, truncateAll, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../quiz/helpers.ts';

interface Backend {
  name: string;
  skip: boolean;
  setup(): Promise<void>;
  /** A new connection to the same store. */
  open(): Promise<Store>;
  /** Empty the store between cases. */
  reset(): Promise<void>;
  teardown(): Promise<void>;
}

const sqlite = (): Backend => {
  let tmp: ReturnType<typeof tempDir> | undefined;
  return {
    name: 'SQLite',
    skip: false,
    setup: async () => undefined,
    open: async () => SqliteStore.open((tmp ??= tempDir()).dir),
    reset: async () => {
      tmp?.cleanup();
      tmp = undefined;
    },
    teardown: async () => tmp?.cleanup(),
  };
};

const postgres = (): Backend => {
  let db: TestDatabase | undefined;
  let admin: PgStore | undefined;
  return {
    name: 'Postgres',
    skip: !postgresAdminUrl(),
    setup: async () => {
      db = await createTestDatabase();
      admin = await PgStore.open(db.url, { max: 2 });
    },
    open: async () => PgStore.open(db!.url, { max: 4 }),
    reset: async () => truncateAll(admin!.pool),
    teardown: async () => {
      await admin?.close();
      await db?.drop();
    },
  };
};

const ch = { platform: 'slack' as const, channelId: 'C1' };
const schedule = { ...ch, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000, updatedBy: 'U1', updatedAt: 1 };
const claim = (over: Partial<PostClaim> = {}): PostClaim => postClaim({ ...ch, ...over });
const learner = { platform: 'slack' as const, userId: 'U1' };

for (const backend of [sqlite(), postgres()]) {
  describe.skipIf(backend.skip)(`store contract: ${backend.name}`, () => {
    const opened: Store[] = [];
    const store = async () => {
      const s = await backend.open();
      opened.push(s);
      return s;
    };
    beforeAll(() => backend.setup());
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await backend.reset();
    });
    afterAll(() => backend.teardown());

    it('keeps everything across close and reopen', async () => {
      const a = await store();
      await a.putSchedule({ ...schedule, workspaceId: 'T1' });
      const post = (await a.claimPost(claim()))!;
      await a.markPostSent(post.id, 'm1', 1001);
      await a.recordAnswer({ postId: post.id, userId: 'U1', choice: 0, correct: true, answeredAt: 1100 });
      await a.putReview({ ...learner, itemId: 'i1', box: 2, dueAt: 9, lastAnsweredAt: 1, rightCount: 1, wrongCount: 0 });
      await a.recordGap('how do i bake bread', 'slack', 5);
      await a.close();
      const b = await store();
      expect(await b.getSchedule(ch)).toEqual({ ...schedule, workspaceId: 'T1', nextRunAt: 2000 });
      expect(await b.getPost(post.id)).toMatchObject({ status: 'sent', messageId: 'm1', sentAt: 1001, slotAt: 1000, closesAt: 5000 });
      expect(await b.scoreboard(ch, undefined, 10)).toEqual([{ userId: 'U1', points: 1, answered: 1 }]);
      expect(await b.listReviews(learner)).toEqual([{ ...learner, itemId: 'i1', box: 2, dueAt: 9, lastAnsweredAt: 1, rightCount: 1, wrongCount: 0 }]);
      expect(await b.gapReport(10)).toEqual([{ text: 'how do i bake bread', count: 1, lastAskedAt: 5, platforms: ['slack'] }]);
    });

    it('reminders: put replaces, due ones come earliest first, a claim moves nextAt once, stop keeps the reason', async () => {
      const a = await store();
      const r = { platform: 'slack', userId: 'U1', workspaceId: 'T1', enabled: true, time: '09:00', zone: 'Europe/Berlin', nextAt: 2000, updatedAt: 1 };
      expect(await a.getReminder(learner)).toBeUndefined();
      await a.putReminder(r);
      await a.putReminder({ ...r, userId: 'U2', nextAt: 1500, workspaceId: undefined });
      await a.putReminder({ ...r, userId: 'U3', nextAt: 100, enabled: false });
      await a.putReminder({ ...r, platform: 'discord', userId: 'U4', nextAt: 100 });
      expect((await a.dueReminders(2000, ['slack'], 10)).map((x) => x.userId)).toEqual(['U2', 'U1']);
      expect(await a.dueReminders(1999, ['slack'], 1)).toEqual([{ platform: 'slack', userId: 'U2', enabled: true, time: '09:00', zone: 'Europe/Berlin', nextAt: 1500, updatedAt: 1 }]);
      const u1 = { platform: 'slack', userId: 'U1' };
      expect(await a.claimReminder(u1, 2000, 90_000)).toBe(true);
      expect(await a.claimReminder(u1, 2000, 90_000)).toBe(false);
      expect((await a.getReminder(u1))?.nextAt).toBe(90_000);
      await a.stopReminder(u1, 'the person blocked the bot', 5);
      expect(await a.getReminder(u1)).toEqual({ ...r, enabled: false, nextAt: 90_000, stoppedReason: 'the person blocked the bot', updatedAt: 5 });
      expect(await a.claimReminder(u1, 90_000, 180_000)).toBe(false);
      await a.putReminder({ ...r, time: '07:30' });
      expect(await a.getReminder(u1)).toEqual({ ...r, time: '07:30' });
    });

    it('schedules: put replaces, delete says whether there was one, due ones come earliest first per platform', async () => {
      const a = await store();
      await a.putSchedule(schedule);
      await a.putSchedule({ ...schedule, label: 'weekdays 10:00', nextRunAt: 3000 });
      expect((await a.getSchedule(ch))?.label).toBe('weekdays 10:00');
      await a.putSchedule({ ...schedule, channelId: 'C2', nextRunAt: 500 });
      await a.putSchedule({ ...schedule, channelId: 'C3', nextRunAt: 9000 });
      await a.putSchedule({ ...schedule, platform: 'discord', channelId: 'D1', nextRunAt: 100 });
      expect((await a.dueSchedules(5000, ['slack'], 10)).map((s) => s.channelId)).toEqual(['C2', 'C1']);
      expect((await a.dueSchedules(5000, ['slack', 'discord'], 2)).map((s) => s.channelId)).toEqual(['D1', 'C2']);
      expect(await a.dueSchedules(5000, [], 10)).toEqual([]);
      expect(await a.advanceSchedule(ch, 1, 4000)).toBe(false);
      expect(await a.advanceSchedule(ch, 3000, 4000)).toBe(true);
      expect(await a.deleteSchedule(ch)).toBe(true);
      expect(await a.deleteSchedule(ch)).toBe(false);
      expect(await a.getSchedule(ch)).toBeUndefined();
    });

    it('a schedule ping is set, kept when the schedule changes, cleared, and gone with the schedule', async () => {
      const a = await store();
      expect(await a.setSchedulePing(ch, 'here')).toBe(false);
      await a.putSchedule(schedule);
      expect(await a.setSchedulePing(ch, 'role:123')).toBe(true);
      await a.putSchedule({ ...schedule, label: 'weekdays 10:00' });
      expect(await a.getSchedule(ch)).toMatchObject({ label: 'weekdays 10:00', ping: 'role:123' });
      expect((await a.dueSchedules(5000, ['slack'], 10))[0]?.ping).toBe('role:123');
      expect(await a.setSchedulePing(ch, undefined)).toBe(true);
      expect(await a.getSchedule(ch)).toEqual({ ...schedule, label: 'weekdays 10:00' });
      await a.setSchedulePing(ch, 'here');
      await a.deleteSchedule(ch);
      await a.putSchedule(schedule);
      expect((await a.getSchedule(ch))?.ping).toBeUndefined();
    });

    it('claims a slot once: a second connection neither claims it nor moves the schedule', async () => {
      const a = await store();
      const b = await store();
      await a.putSchedule(schedule);
      expect(await a.claimPost(claim())).toMatchObject({ status: 'claimed', claimedBy: 'A' });
      expect(await b.claimPost(claim({ claimedBy: 'B' }))).toBeUndefined();
      expect((await b.getSchedule(ch))?.nextRunAt).toBe(2000);
      // A schedule re-set to a slot already posted does not post it again.
      await a.putSchedule(schedule);
      expect(await b.claimPost(claim({ claimedBy: 'B' }))).toBeUndefined();
    });

    it('two connections claiming the same 30 slots at once get each exactly once', async () => {
      const a = await store();
      const b = await store();
      const claims = Array.from({ length: 30 }, (_, i) => claim({ channelId: `C${i}` }));
      for (const c of claims) await a.putSchedule({ ...schedule, channelId: c.channelId });
      const [ra, rb] = await Promise.all([a.claimPosts(claims), b.claimPosts(claims.map((c) => ({ ...c, claimedBy: 'B' })))]);
      const won = claims.map((_, i) => Number(ra[i] !== undefined) + Number(rb[i] !== undefined));
      expect(won).toEqual(claims.map(() => 1));
      expect(await a.dueSchedules(1500, ['slack'], 100)).toEqual([]);
    });

    it('the next post closes the one still open in the channel', async () => {
      const a = await store();
      await a.putSchedule(schedule);
      const first = (await a.claimPost(claim({ closesAt: 99_000 })))!;
      await a.markPostSent(first.id, 'm1', 1000);
      const second = (await a.claimPost(claim({ slotAt: 2000, expectedNextRunAt: 2000, nextRunAt: 3000, closesAt: 99_000 })))!;
      expect((await a.getPost(first.id))?.closesAt).toBe(2000);
      expect((await a.getPost(second.id))?.closesAt).toBe(99_000);
      await a.markPostSent(second.id, 'm2', 2000);
      expect((await a.dueClosings(2500, ['slack'], 10)).map((p) => p.id)).toEqual([first.id]);
      expect(await a.claimClose(first.id, 2500)).toBe(true);
      expect(await a.claimClose(first.id, 2600)).toBe(false);
      expect(await a.dueClosings(2500, ['slack'], 10)).toEqual([]);
      expect((await a.channelPosts(ch)).map((p) => p.messageId)).toEqual(['m1', 'm2']);
    });

    it('failed posts are not counted; misses are counted per concept', async () => {
      const a = await store();
      await a.putSchedule(schedule);
      const p1 = (await a.claimPost(claim()))!;
      await a.markPostSent(p1.id, 'm1', 1000);
      const p2 = (await a.claimPost(claim({ slotAt: 2000, expectedNextRunAt: 2000, nextRunAt: 3000, itemId: 'i2' })))!;
      await a.markPostFailed(p2.id, 'x'.repeat(900));
      expect((await a.getPost(p2.id))?.status).toBe('failed');
      expect(await a.channelItemCounts(ch)).toEqual(new Map([['i1', 1]]));
      await a.recordAnswer({ postId: p1.id, userId: 'U1', choice: 1, correct: false, answeredAt: 1 });
      await a.recordAnswer({ postId: p1.id, userId: 'U2', choice: 0, correct: true, answeredAt: 2 });
      expect(await a.channelConceptMisses(ch)).toEqual([{ conceptId: 'c1', wrong: 1, total: 2 }]);
      expect(await a.answerTally(p1.id)).toEqual({ total: 2, correct: 1 });
      expect(await a.answerTally(p2.id)).toEqual({ total: 0, correct: 0 });
      expect(await a.answeredPostIds(ch, 'U1')).toEqual(new Set([p1.id]));
      expect(await a.answeredChannels({ platform: ch.platform, userId: 'U1' })).toEqual([ch.channelId]);
      expect(await a.answeredChannels({ platform: 'other', userId: 'U1' })).toEqual([]);
    });

    it('records the first answer only; the scoreboard breaks ties by fewer answers, then user id in byte order', async () => {
      const a = await store();
      await a.putSchedule(schedule);
      const p1 = (await a.claimPost(claim()))!;
      const p2 = (await a.claimPost(claim({ slotAt: 2000, expectedNextRunAt: 2000, nextRunAt: 3000 })))!;
      expect((await a.recordAnswer({ postId: p1.id, userId: 'U1', choice: 2, correct: false, answeredAt: 1 })).recorded).toBe(true);
      expect(await a.recordAnswer({ postId: p1.id, userId: 'U1', choice: 0, correct: true, answeredAt: 2 })).toEqual({
        recorded: false,
        first: { postId: p1.id, userId: 'U1', choice: 2, correct: false, answeredAt: 1 },
      });
      for (const u of ['u1', 'U2', 'U10']) await a.recordAnswer({ postId: p2.id, userId: u, choice: 0, correct: true, answeredAt: 3 });
      await a.recordAnswer({ postId: p1.id, userId: 'U9', choice: 0, correct: true, answeredAt: 3 });
      await a.recordAnswer({ postId: p2.id, userId: 'U9', choice: 0, correct: true, answeredAt: 3 });
      expect((await a.scoreboard(ch, undefined, 10)).map((r) => `${r.userId}:${r.points}/${r.answered}`)).toEqual(['U9:2/2', 'U10:1/1', 'U2:1/1', 'u1:1/1', 'U1:0/1']);
      expect((await a.scoreboard(ch, 2000, 2)).map((r) => r.userId)).toEqual(['U10', 'U2']);
    });

    it('claims of a process that is gone are found, taken over once, renewed and abandoned', async () => {
      const a = await store();
      await a.putSchedule(schedule);
      await a.putSchedule({ ...schedule, channelId: 'C2' });
      const p1 = (await a.claimPost(claim()))!;
      const p2 = (await a.claimPost(claim({ channelId: 'C2', claimedAt: 1500 })))!;
      expect((await a.unconfirmedClaims('B', 10)).map((p) => p.id)).toEqual([p1.id, p2.id]);
      expect(await a.unconfirmedClaims('A', 10)).toEqual([]);
      expect(await a.takeOverClaim(p1, 'B', 3000)).toBe(true);
      expect(await a.takeOverClaim(p1, 'C', 3000)).toBe(false);
      expect(await a.renewClaim(p1.id, 'A', 3100)).toBe(false);
      expect(await a.renewClaim(p1.id, 'B', 3100)).toBe(true);
      expect(await a.abandonClaim(p1.id, 'A')).toBe(false);
      expect(await a.abandonClaim(p1.id, 'B')).toBe(true);
      expect((await a.getPost(p1.id))?.status).toBe('abandoned');
      expect(await a.abandonStaleClaims(1000, 'B')).toEqual([]);
      expect(await a.abandonStaleClaims(2000, 'B')).toEqual([{ ...p2, status: 'abandoned' }]);
      expect(await a.abandonStaleClaims(2000, 'B')).toEqual([]);
    });

    it('reviews are kept per learner and item, listed by due time', async () => {
      const a = await store();
      const r = { ...learner, itemId: 'b', box: 1, dueAt: 50, lastAnsweredAt: 1, rightCount: 0, wrongCount: 1 };
      await a.putReview(r);
      await a.putReview({ ...r, itemId: 'a', dueAt: 50 });
      await a.putReview({ ...r, itemId: 'c', dueAt: 10 });
      await a.putReview({ ...r, box: 3, rightCount: 2 });
      await a.putReview({ ...r, userId: 'U2', itemId: 'z' });
      expect(await a.getReview(learner, 'b')).toEqual({ ...r, box: 3, rightCount: 2 });
      expect(await a.getReview(learner, 'z')).toBeUndefined();
      expect((await a.listReviews(learner)).map((x) => x.itemId)).toEqual(['c', 'a', 'b']);
    });

    it('uploads are remembered per platform, workspace and content key; a new upload replaces', async () => {
      const a = await store();
      expect(await a.getUpload('slack', 'T1', 'k1')).toBeUndefined();
      await a.putUpload('slack', 'T1', 'k1', 'F1', 10);
      await a.putUpload('slack', 'T2', 'k1', 'F2', 10);
      expect(await a.getUpload('slack', 'T2', 'k1')).toBe('F2');
      expect(await a.getUpload('discord', 'T1', 'k1')).toBeUndefined();
      await a.putUpload('slack', 'T1', 'k1', 'F3', 20);
      expect(await a.getUpload('slack', 'T1', 'k1')).toBe('F3');
    });

    it('counts content gaps by text across platforms', async () => {
      const a = await store();
      await a.recordGap('what is kubernetes', 'slack', 10);
      await a.recordGap('what is kubernetes', 'discord', 30);
      await a.recordGap('what is kubernetes', 'slack', 20);
      await a.recordGap('how to bake bread', 'console', 40);
      await a.recordGap('Zebra', 'console', 40);
      expect(await a.gapReport(10)).toEqual([
        { text: 'what is kubernetes', count: 3, lastAskedAt: 30, platforms: ['discord', 'slack'] },
        { text: 'Zebra', count: 1, lastAskedAt: 40, platforms: ['console'] },
        { text: 'how to bake bread', count: 1, lastAskedAt: 40, platforms: ['console'] },
      ]);
      expect(await a.gapReport(1)).toHaveLength(1);
    });

    it('an event id is answered once, across connections, until it expires', async () => {
      const a = await store();
      const b = await store();
      expect(await a.rememberEvent('Ev1', 1000, 0)).toBe(true);
      expect(await b.rememberEvent('Ev1', 1001, 0)).toBe(false);
      expect(await b.rememberEvent('Ev2', 1001, 0)).toBe(true);
      // Older than forgetBefore: counts as new, and is remembered again from now.
      expect(await b.rememberEvent('Ev1', 5000, 2000)).toBe(true);
      expect(await a.rememberEvent('Ev1', 5001, 2000)).toBe(false);
    });

    it('conversation memory is shared and pruned by age', async () => {
      const a = await store();
      const b = await store();
      await a.putConversation('slack:U1:C1', { conceptId: 'volumes', question: 'what is a volume', updatedAt: 100 });
      await a.putConversation('slack:U2:C1', { conceptId: 'images', question: 'what is an image', updatedAt: 300 });
      expect(await b.getConversation('slack:U1:C1')).toEqual({ conceptId: 'volumes', question: 'what is a volume', updatedAt: 100 });
      await b.putConversation('slack:U1:C1', { conceptId: 'bind-mounts', question: 'and bind mounts?', updatedAt: 200 });
      expect((await a.getConversation('slack:U1:C1'))?.conceptId).toBe('bind-mounts');
      expect(await a.pruneConversations(250)).toBe(1);
      expect(await b.getConversation('slack:U1:C1')).toBeUndefined();
      expect(await b.getConversation('slack:U2:C1')).toBeDefined();
    });

    it('a practice question is answered once, and only by the person it was put to', async () => {
      const a = await store();
      const id = await a.createPracticeAsk(learner, 'i1', 10);
      expect(await a.answerPracticeAsk(id, { platform: 'slack', userId: 'U2' }, 1, 11)).toEqual({ recorded: false });
      expect(await a.answerPracticeAsk(id, learner, 2, 12)).toEqual({ recorded: true, itemId: 'i1', choice: 2 });
      expect(await a.answerPracticeAsk(id, learner, 0, 13)).toEqual({ recorded: false, itemId: 'i1', choice: 2 });
      expect(await a.createPracticeAsk(learner, 'i2', 14)).not.toBe(id);
    });

    it('feedback is reported per concept, most 👎 first, with the latest notes', async () => {
      const a = await store();
      await a.recordFeedback({ platform: 'slack', conceptId: 'volumes', question: 'q1', helpful: true, at: 1 });
      await a.recordFeedback({ platform: 'slack', conceptId: 'images', question: 'q2', helpful: false, note: 'too short', at: 2 });
      await a.recordFeedback({ platform: 'discord', conceptId: 'images', question: 'q3', helpful: false, note: '', at: 3 });
      await a.recordFeedback({ platform: 'discord', conceptId: 'images', question: 'q4', helpful: true, at: 4 });
      expect(await a.feedbackReport(10)).toEqual([
        { conceptId: 'images', up: 1, down: 2, notes: [{ question: 'q2', note: 'too short', at: 2 }] },
        { conceptId: 'volumes', up: 1, down: 0, notes: [] },
      ]);
    });

    it('installations: put replaces, removal deletes tokens and schedules at once, data deletion takes the rest', async () => {
      const a = await store();
      const install = { platform: 'slack' as const, workspaceId: 'T1', enterpriseInstall: false, data: '{"bot":{"token":"xoxb-1"}}', installedAt: 10 };
      await a.putInstallation(install);
      await a.putInstallation({ ...install, data: '{"bot":{"token":"xoxb-2"}}', installedAt: 20 });
      await a.putInstallation({ ...install, workspaceId: 'E1', enterpriseId: 'E1', enterpriseInstall: true });
      expect(await a.getInstallation('slack', 'T1')).toEqual({ ...install, data: '{"bot":{"token":"xoxb-2"}}', installedAt: 20 });
      expect(await a.getInstallation('slack', 'E1')).toMatchObject({ enterpriseId: 'E1', enterpriseInstall: true });
      expect(await a.getInstallation('discord', 'T1')).toBeUndefined();

      // T1 has a schedule with a sent post and an answer; T2's schedule is not touched.
      await a.putSchedule({ ...schedule, workspaceId: 'T1' });
      await a.putSchedule({ ...schedule, channelId: 'C2', workspaceId: 'T2' });
      const post = (await a.claimPost(claim()))!;
      await a.markPostSent(post.id, 'm1', 1001);
      await a.recordAnswer({ postId: post.id, userId: 'U1', choice: 0, correct: true, answeredAt: 1100 });
      await a.putUpload('slack', 'T1', 'diagram', 'F1', 5);

      expect(await a.removeWorkspace('slack', 'T1', 5000)).toEqual({ schedules: 1 });
      expect(await a.getInstallation('slack', 'T1')).toBeUndefined();
      expect(await a.getSchedule(ch)).toBeUndefined();
      expect(await a.getSchedule({ ...ch, channelId: 'C2' })).toMatchObject({ workspaceId: 'T2' });
      // The learning data stays until it is deleted.
      expect(await a.scoreboard(ch, undefined, 10)).toEqual([{ userId: 'U1', points: 1, answered: 1 }]);
      expect(await a.removalsBefore(5000)).toEqual([]);
      expect(await a.removalsBefore(5001)).toEqual([{ platform: 'slack', workspaceId: 'T1', removedAt: 5000 }]);

      expect(await a.deleteWorkspaceData('slack', 'T1')).toEqual({ installations: 0, schedules: 0, posts: 1, answers: 1, uploads: 1 });
      expect(await a.getPost(post.id)).toBeUndefined();
      expect(await a.getUpload('slack', 'T1', 'diagram')).toBeUndefined();
      expect(await a.removalsBefore(9999)).toEqual([]);
      expect(await a.getSchedule({ ...ch, channelId: 'C2' })).toBeDefined();

      // Without a platform, the id is matched on any platform.
      expect(await a.deleteWorkspaceData(undefined, 'T2')).toMatchObject({ schedules: 1 });
      expect(await a.getSchedule({ ...ch, channelId: 'C2' })).toBeUndefined();

      // A reinstall cancels a pending removal.
      await a.removeWorkspace('slack', 'T2', 6000);
      await a.putInstallation({ ...install, workspaceId: 'T2' });
      expect(await a.removalsBefore(9999)).toEqual([]);
    });
  });
}
