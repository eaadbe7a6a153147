/**
 * What only the Postgres store has: migrations under an advisory lock, the newer-schema refusal,
 * the tick's query plan, and two schedulers on one database posting each due quiz once.
 * A fresh database per test file, dropped after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelPoster } from '../../src/adapter-api/poster.ts';
import type { Platform } from '../../src/adapter-api/request.ts';
import { silentLogger } from '../../src/log.ts';
import { PersistentQuiz } from '../../src/quiz/persistent.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { Scheduler } from '../../src/schedule/scheduler.ts';
import { StoreError } from '../../src/store/errors.ts';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { DUE_SCHEDULES_SQL, LEASE_DUE_SCHEDULES_SQL, PgStore } from '../../src/store/pg.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { bankPack, RecordingPoster, seeded, setSchedule } from '../quiz/helpers.ts';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe.skipIf(!postgresAdminUrl())('PgStore', () => {
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('three replicas starting together migrate once, and all open at the latest version', async () => {
    const db = await fresh();
    const stores = await Promise.all([1, 2, 3].map(() => PgStore.open(db.url, { max: 2 })));
    try {
      expect(stores.map((s) => s.schemaVersion)).toEqual([1, 2, 3].map(() => PG_MIGRATIONS.length));
      const { rows } = await stores[0]!.pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('refuses a database with a newer schema than this build, in one line naming the database and versions', async () => {
    const db = await fresh();
    const s = await PgStore.open(db.url, { max: 1 });
    await s.pool.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [PG_MIGRATIONS.length + 1]);
    await s.close();
    const err = await PgStore.open(db.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `database ${db.name} on 127.0.0.1:5432: schema version ${PG_MIGRATIONS.length + 1} is newer than this build knows (${PG_MIGRATIONS.length}); run a newer tutor`,
    );
  });

  it('an unreachable server is a one-line StoreError without the password', async () => {
    const err = await PgStore.open('postgres://bot:hunter2@127.0.0.1:1/tutor').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/^database tutor on 127\.0\.0\.1:1: cannot be opened \(/);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('keeps text people typed with NUL characters (which Postgres text cannot hold) without them', async () => {
    const db = await fresh();
    const s = await PgStore.open(db.url, { max: 1 });
    try {
      await s.recordGap('what\u0000 is this', 'slack', 1);
      await s.putConversation('k', { conceptId: 'volumes', question: 'a\u0000b', updatedAt: 1 });
      await s.recordFeedback({ platform: 'slack', conceptId: 'volumes', question: 'q\u0000', helpful: false, note: 'n\u0000o', at: 1 });
      expect((await s.gapReport(5))[0]!.text).toBe('what is this');
      expect((await s.getConversation('k'))?.question).toBe('ab');
      expect((await s.feedbackReport(5))[0]!.notes).toEqual([{ question: 'q', note: 'no', at: 1 }]);
    } finally {
      await s.close();
    }
  });

  describe('the scheduler tick', () => {
    let db: TestDatabase;
    let store: PgStore;
    beforeAll(async () => {
      db = await fresh();
      store = await PgStore.open(db.url, { max: 2 });
    });
    afterAll(() => store.close());

    it('reads only the due schedules through the next_run_at index (20,000 schedules, 40 due)', async () => {
      // 20,000 channels, 40 of them due at 1000; the rest far in the future.
      await store.pool.query(`
        INSERT INTO schedules (platform, channel_id, label, cron, zone, next_run_at, updated_by, updated_at)
        SELECT 'slack', 'C' || g, 'daily 09:00', '0 9 * * *', 'UTC', CASE WHEN g <= 40 THEN 1000 ELSE 10000000 + g END, 'U1', 0
        FROM generate_series(1, 20000) g`);
      await store.pool.query('ANALYZE schedules');
      for (const [sql, params] of [
        [LEASE_DUE_SCHEDULES_SQL, [5000, ['slack', 'discord'], 1000, 'A', 35_000]],
        [DUE_SCHEDULES_SQL, [5000, ['slack', 'discord'], 1000]],
      ] as const) {
        const { rows } = await store.pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [...params]);
        const plan = nodes((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan);
        const scan = plan.find((n) => n['Index Name'] === 'schedules_due')!;
        expect(scan['Node Type']).toBe('Index Scan');
        // Rows read = rows due: the cost follows the due channels, not the 20,000 that exist.
        expect(scan['Actual Rows']).toBe(40);
        expect(plan.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
        expect(plan.some((n) => n['Node Type'] === 'LockRows')).toBe(true);
      }
    });

    it("a tick holds the due schedules it read: another replica's tick skips them until the lease ends", async () => {
      await store.pool.query('TRUNCATE schedules');
      for (let c = 0; c < 5; c++) await store.putSchedule({ platform: 'slack', channelId: `C${c}`, label: 'l', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000 + c, updatedBy: 'U1', updatedAt: 0 });
      expect((await store.dueSchedules(5000, ['slack'], 3, 'A')).map((s) => s.channelId)).toEqual(['C0', 'C1', 'C2']);
      expect((await store.dueSchedules(5000, ['slack'], 10, 'B')).map((s) => s.channelId)).toEqual(['C3', 'C4']);
      // Its own rows stay visible to the holder (the tick reads one batch further each time).
      expect((await store.dueSchedules(5000, ['slack'], 10, 'A')).map((s) => s.channelId)).toEqual(['C0', 'C1', 'C2']);
      // A plain read, and any replica once the lease is over, sees them all.
      expect(await store.dueSchedules(5000, ['slack'], 10)).toHaveLength(5);
      expect(await store.dueSchedules(5000 + 31_000, ['slack'], 10, 'C')).toHaveLength(5);
    });

    it('a replica shutting down releases its leases at once: another tick takes those schedules without waiting', async () => {
      await store.pool.query('TRUNCATE schedules');
      for (let c = 0; c < 4; c++) await store.putSchedule({ platform: 'slack', channelId: `C${c}`, label: 'l', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000 + c, updatedBy: 'U1', updatedAt: 0 });
      expect(await store.dueSchedules(5000, ['slack'], 2, 'A')).toHaveLength(2);
      expect((await store.dueSchedules(5000, ['slack'], 10, 'B')).map((s) => s.channelId)).toEqual(['C2', 'C3']);
      expect(await store.releaseSchedules('A')).toBe(2);
      expect(await store.releaseSchedules('A')).toBe(0);
      // Still inside A's 30 s: C0 and C1 are free again; B's own hold is untouched.
      expect((await store.dueSchedules(5001, ['slack'], 10, 'C')).map((s) => s.channelId)).toEqual(['C0', 'C1']);
    });
  });

  it('two schedulers on one database post each of 60 due quizzes exactly once', async () => {
    const db = await fresh();
    const clock = new ManualClock('2027-01-04T08:59:00Z');
    const pack = bankPack(4);
    const replicas = await Promise.all(
      ['A', 'B'].map(async (name, i) => {
        const store = await PgStore.open(db.url, { max: 3 });
        const quiz = new PersistentQuiz(pack, store, { clock, random: seeded(i + 1), closeHours: 24 });
        const poster = new RecordingPoster('slack');
        const posters = new Map<Platform, ChannelPoster>([['slack', poster]]);
        const scheduler = new Scheduler(
          { store, quiz, posters, clock, logger: silentLogger },
          { graceMs: 120 * 60_000, closeMs: 24 * 3_600_000, perChannelIntervalMs: 0, retryBaseMs: 1, sleep: async () => {}, instanceId: name },
        );
        return { store, quiz, poster, scheduler };
      }),
    );
    try {
      for (let c = 0; c < 60; c++) await setSchedule(replicas[c % 2]!, 'daily 09:00', `C${c}`);
      clock.set('2027-01-04T09:00:30Z');
      await Promise.all(replicas.map((r) => r.scheduler.tick()));
      const posted = replicas.flatMap((r) => r.poster.quizPosts().map((p) => p.channelId)).sort();
      expect(posted).toEqual(Array.from({ length: 60 }, (_, c) => `C${c}`).sort());
      expect(await replicas[0]!.store.countPosts('sent')).toBe(60);
      // A schedule set through one replica is read by the other.
      expect((await replicas[1]!.store.getSchedule({ platform: 'slack', channelId: 'C0' }))?.label).toBeTruthy();
    } finally {
      for (const r of replicas) await r.store.close();
    }
  });
});
