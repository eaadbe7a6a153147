/**
 * `tutor db migrate-to-postgres` as a real process: a SQLite database with something in every
 * table is copied into a fresh Postgres database, counts are printed, running it again copies
 * nothing twice, and the bot carries on from the copy.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { PgStore } from '../../src/store/pg.ts';
import { SqliteStore, DB_FILE } from '../../src/store/sqlite.ts';
import type { PostClaim } from '../../src/store/types.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../quiz/helpers.ts';

const root = resolve(import.meta.dirname, '../..');

function tutor(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/tutor.mjs'), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code, out, err }));
  });
}

const ch = { platform: 'slack' as const, channelId: 'C1' };
const claim = (slotAt: number): PostClaim => ({
  ...ch,
  slotAt,
  zone: 'UTC',
  itemId: `i${slotAt}`,
  conceptId: 'volumes',
  claimedAt: slotAt,
  claimedBy: 'A',
  closesAt: slotAt + 500,
  expectedNextRunAt: slotAt,
  nextRunAt: slotAt + 1000,
});

describe.skipIf(!postgresAdminUrl())('tutor db migrate-to-postgres', () => {
  const tmp = tempDir();
  const dbs: TestDatabase[] = [];
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase();
    dbs.push(target);
    const lite = SqliteStore.open(tmp.dir);
    await lite.putSchedule({ ...ch, workspaceId: 'T1', label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000, updatedBy: 'U1', updatedAt: 1 });
    for (const slot of [1000, 2000, 3000]) {
      const p = (await lite.claimPost(claim(slot)))!;
      await lite.markPostSent(p.id, `m${slot}`, slot);
      await lite.recordAnswer({ postId: p.id, userId: 'U1', choice: 0, correct: true, answeredAt: slot + 1 });
      await lite.recordAnswer({ postId: p.id, userId: 'U2', choice: 1, correct: slot === 3000, answeredAt: slot + 2 });
    }
    await lite.putReview({ platform: 'slack', userId: 'U1', itemId: 'i1000', box: 3, dueAt: 9000, lastAnsweredAt: 1001, rightCount: 2, wrongCount: 0 });
    await lite.recordGap('how do i bake bread', 'slack', 5);
    await lite.recordGap('how do i bake bread', 'discord', 6);
    await lite.putUpload('slack', 'T1', 'diagram-key', 'F123', 7);
    await lite.putConversation('slack:U1:C1', { conceptId: 'volumes', question: 'what is a volume', updatedAt: 8 });
    const ask = await lite.createPracticeAsk({ platform: 'slack', userId: 'U1' }, 'i1000', 9);
    await lite.answerPracticeAsk(ask, { platform: 'slack', userId: 'U1' }, 2, 10);
    await lite.recordFeedback({ platform: 'slack', conceptId: 'volumes', question: 'what is a volume', helpful: false, note: 'needs an example', at: 11 });
    await lite.rememberEvent('Ev1', 12, 0);
    await lite.putInstallation({ platform: 'slack', workspaceId: 'T1', enterpriseInstall: false, data: '{"bot":{"token":"xoxb-1"}}', installedAt: 13 });
    lite.close();
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    tmp.cleanup();
  });

  it('copies every table with counts, then copies nothing twice, and the bot carries on from the copy', async () => {
    const first = await tutor(['db', 'migrate-to-postgres'], { DATA_DIR: tmp.dir, DATABASE_URL: target.url });
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const counts = Object.fromEntries(
      first.out
        .trim()
        .split('\n')
        .slice(0, -1)
        .map((l) => {
          const m = /^(\w+)\s+(\d+) copied\s+(\d+) already there\s+\((\d+) in SQLite\)$/.exec(l)!;
          return [m[1], [Number(m[2]), Number(m[3]), Number(m[4])]];
        }),
    );
    expect(counts).toEqual({
      schedules: [1, 0, 1],
      posts: [3, 0, 3],
      answers: [6, 0, 6],
      reviews: [1, 0, 1],
      gaps: [2, 0, 2],
      uploads: [1, 0, 1],
      conversations: [1, 0, 1],
      practice_asks: [1, 0, 1],
      feedback: [1, 0, 1],
      seen_events: [1, 0, 1],
      installations: [1, 0, 1],
      workspace_removals: [0, 0, 0],
      reminders: [0, 0, 0],
    });
    expect(first.out.trim().split('\n').at(-1)).toBe(`${join(tmp.dir, DB_FILE)} -> database ${target.name} on 127.0.0.1:5432: 19 rows copied`);

    const again = await tutor(['db', 'migrate-to-postgres', '--from', join(tmp.dir, DB_FILE), '--to', target.url], {});
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^posts\s+0 copied\s+3 already there/m);
    expect(again.out.trim().split('\n').at(-1)).toMatch(/: 0 rows copied$/);

    // Reports read the database DATABASE_URL names.
    const gaps = await tutor(['report', 'gaps', '--json'], { DATABASE_URL: target.url });
    expect(JSON.parse(gaps.out)).toMatchObject([{ text: 'how do i bake bread', count: 2 }]);

    const pg = await PgStore.open(target.url, { max: 2 });
    try {
      expect(await pg.getSchedule(ch)).toMatchObject({ workspaceId: 'T1', nextRunAt: 4000, label: 'daily 09:00' });
      expect(await pg.getInstallation('slack', 'T1')).toMatchObject({ data: '{"bot":{"token":"xoxb-1"}}', installedAt: 13 });
      expect(await pg.scoreboard(ch, undefined, 10)).toEqual([
        { userId: 'U1', points: 3, answered: 3 },
        { userId: 'U2', points: 1, answered: 3 },
      ]);
      expect((await pg.channelPosts(ch)).map((p) => p.messageId)).toEqual(['m1000', 'm2000', 'm3000']);
      expect(await pg.listReviews({ platform: 'slack', userId: 'U1' })).toEqual([
        { platform: 'slack', userId: 'U1', itemId: 'i1000', box: 3, dueAt: 9000, lastAnsweredAt: 1001, rightCount: 2, wrongCount: 0 },
      ]);
      expect(await pg.gapReport(10)).toEqual([{ text: 'how do i bake bread', count: 2, lastAskedAt: 6, platforms: ['discord', 'slack'] }]);
      expect(await pg.getUpload('slack', 'T1', 'diagram-key')).toBe('F123');
      expect(await pg.getConversation('slack:U1:C1')).toEqual({ conceptId: 'volumes', question: 'what is a volume', updatedAt: 8 });
      expect(await pg.feedbackReport(10)).toEqual([{ conceptId: 'volumes', up: 0, down: 1, notes: [{ question: 'what is a volume', note: 'needs an example', at: 11 }] }]);
      expect(await pg.rememberEvent('Ev1', 13, 0)).toBe(false);
      // New rows continue after the copied ids.
      const next = (await pg.claimPost(claim(4000)))!;
      expect(next.id).toBe(4);
      expect(await pg.createPracticeAsk({ platform: 'slack', userId: 'U1' }, 'i2', 14)).toBe(2);
    } finally {
      await pg.close();
    }
  });

  it('refuses to merge into a database whose id-keyed rows are different ones, naming the table and id', async () => {
    const other = await createTestDatabase();
    dbs.push(other);
    const pg = await PgStore.open(other.url, { max: 1 });
    await pg.recordFeedback({ platform: 'discord', conceptId: 'images', question: 'something else', helpful: true, at: 99 });
    await pg.close();
    const r = await tutor(['db', 'migrate-to-postgres'], { DATA_DIR: tmp.dir, DATABASE_URL: other.url });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`Storage error: feedback id 1: Postgres already holds a different row under this id; copy ${join(tmp.dir, DB_FILE)} into an empty database`);
  });

  it('tutor db check with DATABASE_URL checks Postgres, reading only', async () => {
    const empty = await createTestDatabase();
    dbs.push(empty);
    const before = await tutor(['db', 'check'], { DATABASE_URL: empty.url });
    expect(before.code).toBe(0);
    expect(before.out).toBe(`database ${empty.name} on 127.0.0.1:5432: reachable, not migrated yet (the bot migrates it at start)\n`);
    const after = await tutor(['db', 'check'], { DATABASE_URL: target.url });
    expect(after.code).toBe(0);
    expect(after.out).toMatch(new RegExp(`^database ${target.name} on 127\\.0\\.0\\.1:5432: ok \\(schema version ${PG_MIGRATIONS.length} of ${PG_MIGRATIONS.length}, 1 schedules, \\d+ posts\\)\n$`));
    const down = await tutor(['db', 'check'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tutor' });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^Storage error: database tutor on 127\.0\.0\.1:1: cannot be opened \(/);
  });

  it('explains a missing DATABASE_URL and a missing SQLite file', async () => {
    const none = await tutor(['db', 'migrate-to-postgres'], { DATA_DIR: tmp.dir });
    expect(none.code).toBe(2);
    expect(none.err.trim()).toBe('DATABASE_URL is not set: set it, or pass --to postgres://user@host:5432/tutor');
    const missing = await tutor(['db', 'migrate-to-postgres', '--from', join(tmp.dir, 'nope.db'), '--to', target.url], {});
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(`${join(tmp.dir, 'nope.db')}: no such file (nothing to copy)`);
  });
});
