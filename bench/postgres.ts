/**
 * Postgres benchmarks: a scheduler tick among 100,000 schedules of which 1,000 are due (one
 * replica, then three replicas sharing the due slots), the tick's query alone, and an idle tick.
 * Needs a Postgres server (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres);
 * a fresh database is created and dropped. `npx tsx bench/postgres.ts` prints a table.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { pack } from './bench-pack.ts';
import type { ChannelPoster } from '../src/adapter-api/poster.ts';
import type { Platform } from '../src/adapter-api/request.ts';
import { silentLogger } from '../src/log.ts';
import { PersistentQuiz } from '../src/quiz/persistent.ts';
import { ManualClock } from '../src/time/clock.ts';
import { Scheduler } from '../src/schedule/scheduler.ts';
import { LEASE_DUE_SCHEDULES_SQL, PgStore } from '../src/store/pg.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

const SCHEDULES = 100_000;
const DUE = 1_000;
const START = Date.parse('2027-01-04T09:00:30Z');
const SLOT = Date.parse('2027-01-04T09:00:00Z');

/** A platform that answers at once and counts what it was sent, so figures are the store's and core's cost. */
function countingPoster(sent: Map<string, number>, by: Map<string, number>, name: string): ChannelPoster {
  let n = 0;
  return {
    platform: 'slack',
    post: async (channelId) => {
      sent.set(channelId, (sent.get(channelId) ?? 0) + 1);
      by.set(name, (by.get(name) ?? 0) + 1);
      return { messageId: `m${++n}` };
    },
    update: async () => {},
  };
}

const byReplica = new Map<string, number>();

async function replica(url: string, name: string, clock: ManualClock, sent: Map<string, number>) {
  const store = await PgStore.open(url, { max: 8 });
  const quiz = new PersistentQuiz(pack(), store, { clock });
  const posters = new Map<Platform, ChannelPoster>([['slack', countingPoster(sent, byReplica, name)]]);
  const scheduler = new Scheduler(
    { store, quiz, posters, clock, logger: silentLogger },
    { graceMs: 2 * 3_600_000, closeMs: 24 * 3_600_000, perChannelIntervalMs: 0, concurrency: 64, sleep: async () => {}, instanceId: name },
  );
  return { store, scheduler };
}

/** 100,000 schedules, 1,000 due at 09:00 UTC, the rest later in the day. */
async function seed(store: PgStore): Promise<void> {
  await store.pool.query('TRUNCATE schedules, posts, answers RESTART IDENTITY CASCADE');
  await store.pool.query(
    `INSERT INTO schedules (platform, channel_id, label, cron, zone, next_run_at, updated_by, updated_at)
     SELECT 'slack', 'C' || g, 'bench', CASE WHEN g <= $1 THEN '0 9 * * *' ELSE '0 18 * * *' END, 'UTC',
            CASE WHEN g <= $1 THEN $2::bigint ELSE $3::bigint + g END, 'bench', 0
     FROM generate_series(1, $4) g`,
    [DUE, SLOT, SLOT + 9 * 3_600_000, SCHEDULES],
  );
  await store.pool.query('ANALYZE schedules');
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** Undefined when no Postgres server answers (the caller prints that it was skipped). */
export async function benchPostgres(adminUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<BenchRow[] | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tutor_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const rows: BenchRow[] = [];
  try {
    const clock = new ManualClock(START);
    const sent = new Map<string, number>();
    const one = await replica(url, 'A', clock, sent);
    await seed(one.store);

    // The tick's query, timed by the server, in a transaction rolled back so it holds nothing.
    const client = await one.store.pool.connect();
    await client.query('BEGIN');
    const plan = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${LEASE_DUE_SCHEDULES_SQL}`, [START, ['slack'], DUE, 'bench', START + 30_000]);
    await client.query('ROLLBACK');
    client.release();
    const top = plan.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number };
    rows.push({ name: `the tick's query (take and hold the due schedules, SKIP LOCKED), ${SCHEDULES} schedules, ${DUE} due`, value: round(top['Execution Time']), unit: 'ms' });

    rows.push({ name: `scheduler tick, ${SCHEDULES} schedules, ${DUE} due (claim + post), 1 replica`, value: round(await time(() => one.scheduler.tick())), unit: 'ms' });
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await time(() => one.scheduler.tick()));
    rows.push({ name: `scheduler tick, ${SCHEDULES} schedules, none due`, value: round(median(idle)), unit: 'ms' });
    const once = sent.size === DUE && [...sent.values()].every((n) => n === 1);

    // Three replicas tick at the same moment over the same 1,000 due slots.
    await seed(one.store);
    sent.clear();
    byReplica.clear();
    const others = [await replica(url, 'B', clock, sent), await replica(url, 'C', clock, sent)];
    const three = [one, ...others];
    const ms = await time(() => Promise.all(three.map((r) => r.scheduler.tick())));
    rows.push({ name: `scheduler tick, ${SCHEDULES} schedules, ${DUE} due, 3 replicas at once`, value: round(ms), unit: 'ms' });
    rows.push({ name: `posts per second, 3 replicas`, value: Math.round((DUE / ms) * 1000), unit: '/s' });
    const lost = DUE - sent.size;
    const doubled = [...sent.values()].filter((n) => n > 1).length;
    rows.push({ name: `posts lost / doubled (1 replica ${once ? 'each once' : 'NOT each once'}; 3 replicas)`, value: lost + doubled, unit: `(${lost} lost, ${doubled} doubled)` });
    rows.push({ name: 'posts per replica (A, B, C)', value: DUE, unit: `(${['A', 'B', 'C'].map((n) => byReplica.get(n) ?? 0).join(', ')})` });
    for (const r of three) await r.store.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchPostgres();
  if (!rows) process.stdout.write('Postgres bench skipped: no Postgres server answers (set BENCH_POSTGRES_URL)\n');
  else {
    const w = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) process.stdout.write(`${r.name.padEnd(w)}  ${String(r.value).padStart(9)} ${r.unit}\n`);
  }
}
