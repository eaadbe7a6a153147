import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, SqliteStore } from '../../src/store/sqlite.ts';
import { MIGRATIONS } from '../../src/store/sqlite-migrations.ts';
import type { PostClaim } from '../../src/store/types.ts';
import { postClaim } from '../helpers/post-claim.ts';
import { tempDir } from '../quiz/helpers.ts';

const ch = { platform: 'slack' as const, channelId: 'C1' };
const schedule = { ...ch, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000, updatedBy: 'U1', updatedAt: 1 };
const claim = (over: Partial<PostClaim> = {}): PostClaim => postClaim({ ...ch, ...over });

describe('SqliteStore', () => {
  let tmp: ReturnType<typeof tempDir>;
  const open: SqliteStore[] = [];
  const store = () => {
    const s = SqliteStore.open(tmp.dir);
    open.push(s);
    return s;
  };
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    tmp.cleanup();
  });

  it('creates the file, migrates to the latest version in WAL mode, and migrating again is a no-op', () => {
    const a = store();
    expect(a.schemaVersion).toBe(MIGRATIONS.length);
    const b = store();
    expect(b.schemaVersion).toBe(MIGRATIONS.length);
    const raw = new Database(join(tmp.dir, DB_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)).toEqual([
      'answers',
      'conversations',
      'feedback',
      'gaps',
      'installations',
      'posts',
      'practice_asks',
      'reminders',
      'reviews',
      'schedules',
      'seen_events',
      'uploads',
      'workspace_removals',
    ]);
    raw.close();
  });

  it('keeps everything across close and reopen', async () => {
    const a = store();
    await a.putSchedule(schedule);
    const post = (await a.claimPost(claim()))!;
    await a.markPostSent(post.id, 'm1', 1001);
    await a.recordAnswer({ postId: post.id, userId: 'U1', choice: 0, correct: true, answeredAt: 1100 });
    await a.putReview({ platform: 'slack', userId: 'U1', itemId: 'i1', box: 2, dueAt: 9, lastAnsweredAt: 1, rightCount: 1, wrongCount: 0 });
    await a.recordGap('how do i bake bread', 'slack', 5);
    a.close();
    const b = store();
    expect(await b.getSchedule(ch)).toMatchObject({ nextRunAt: 2000 });
    expect(await b.getPost(post.id)).toMatchObject({ status: 'sent', messageId: 'm1' });
    expect(await b.scoreboard(ch, undefined, 10)).toEqual([{ userId: 'U1', points: 1, answered: 1 }]);
    expect(await b.listReviews({ platform: 'slack', userId: 'U1' })).toHaveLength(1);
    expect(await b.gapReport(10)).toEqual([{ text: 'how do i bake bread', count: 1, lastAskedAt: 5, platforms: ['slack'] }]);
  });

  it('claims a slot once: a second connection neither claims it nor moves the schedule', async () => {
    const a = store();
    const b = store();
    await a.putSchedule(schedule);
    expect(await a.claimPost(claim())).toMatchObject({ status: 'claimed', claimedBy: 'A' });
    expect(await b.claimPost(claim({ claimedBy: 'B' }))).toBeUndefined();
    expect((await b.getSchedule(ch))?.nextRunAt).toBe(2000);
  });

  it('records the first answer only', async () => {
    const a = store();
    await a.putSchedule(schedule);
    const post = (await a.claimPost(claim()))!;
    expect((await a.recordAnswer({ postId: post.id, userId: 'U1', choice: 2, correct: false, answeredAt: 1 })).recorded).toBe(true);
    expect(await a.recordAnswer({ postId: post.id, userId: 'U1', choice: 0, correct: true, answeredAt: 2 })).toEqual({
      recorded: false,
      first: { postId: post.id, userId: 'U1', choice: 2, correct: false, answeredAt: 1 },
    });
  });

  it('counts content gaps by text across platforms and stores no user ids', async () => {
    const a = store();
    await a.recordGap('what is kubernetes', 'slack', 10);
    await a.recordGap('what is kubernetes', 'discord', 30);
    await a.recordGap('what is kubernetes', 'slack', 20);
    await a.recordGap('how to bake bread', 'console', 40);
    expect(await a.gapReport(10)).toEqual([
      { text: 'what is kubernetes', count: 3, lastAskedAt: 30, platforms: ['discord', 'slack'] },
      { text: 'how to bake bread', count: 1, lastAskedAt: 40, platforms: ['console'] },
    ]);
    expect(await a.gapReport(1)).toHaveLength(1);
    const columns = (a as unknown as { db: Database.Database }).db.prepare('PRAGMA table_info(gaps)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).toEqual(['text', 'platform', 'count', 'first_asked_at', 'last_asked_at']);
  });

  it('writes the file under the data directory it was given', () => {
    store();
    expect(readFileSync(join(tmp.dir, DB_FILE)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('remembers uploaded files per platform, workspace and content key, across reopening', async () => {
    const a = store();
    expect(await a.getUpload('slack', 'T1', 'k1')).toBeUndefined();
    await a.putUpload('slack', 'T1', 'k1', 'F1', 10);
    await a.putUpload('slack', 'T2', 'k1', 'F2', 10);
    a.close();
    const b = store();
    expect(await b.getUpload('slack', 'T1', 'k1')).toBe('F1');
    expect(await b.getUpload('slack', 'T2', 'k1')).toBe('F2');
    expect(await b.getUpload('discord', 'T1', 'k1')).toBeUndefined();
    await b.putUpload('slack', 'T1', 'k1', 'F3', 20);
    expect(await b.getUpload('slack', 'T1', 'k1')).toBe('F3');
  });

  it('migrates a version 1 database to the uploads table without touching its data', async () => {
    const file = join(tmp.dir, DB_FILE);
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]!);
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO gaps (text, platform, count, first_asked_at, last_asked_at) VALUES ('old question', 'slack', 2, 1, 2)").run();
    v1.close();
    const s = store();
    expect(s.schemaVersion).toBe(MIGRATIONS.length);
    expect(await s.gapReport(10)).toEqual([{ text: 'old question', count: 2, lastAskedAt: 2, platforms: ['slack'] }]);
    await s.putUpload('slack', 'T1', 'k', 'F1', 1);
    expect(await s.getUpload('slack', 'T1', 'k')).toBe('F1');
  });
});
