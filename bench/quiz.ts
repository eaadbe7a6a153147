/**
 * Quiz benchmarks: a scheduler tick among 10,000 scheduled channels, and recording 10,000 answers.
 * `npx tsx bench/quiz.ts` prints a table; bench/run.ts imports benchQuiz().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pack } from './bench-pack.ts';
import type { ChannelPoster } from '../src/adapter-api/poster.ts';
import type { Platform } from '../src/adapter-api/request.ts';
import { silentLogger } from '../src/log.ts';
import { PersistentQuiz } from '../src/quiz/persistent.ts';
import { ManualClock } from '../src/time/clock.ts';
import { Scheduler } from '../src/schedule/scheduler.ts';
import { nextRunAfter } from '../src/schedule/spec.ts';
import { SqliteStore } from '../src/store/sqlite.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

const CHANNELS = 10_000;
const ANSWERS = 10_000;

/** A platform that answers instantly, so the figures are the core's own cost. */
const instantPoster = (): ChannelPoster => {
  let n = 0;
  return { platform: 'slack', post: async () => ({ messageId: `m${++n}` }), update: async () => {} };
};

function setup(dir: string, start: string) {
  const store = new SqliteStore(join(dir, 'tutor.db'));
  const clock = new ManualClock(start);
  const quiz = new PersistentQuiz(pack(), store, { clock });
  const posters = new Map<Platform, ChannelPoster>([['slack', instantPoster()]]);
  const scheduler = new Scheduler(
    { store, quiz, posters, clock, logger: silentLogger },
    { graceMs: 2 * 3_600_000, closeMs: 24 * 3_600_000, perChannelIntervalMs: 0, concurrency: 64, sleep: async () => {} },
  );
  return { store, clock, quiz, scheduler };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchQuiz(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-bench-'));
  try {
    const rows: BenchRow[] = [];
    const { store, clock, scheduler, quiz } = setup(dir, '2027-01-04T00:00:00Z');
    const now = clock.now().getTime();
    // 10,000 channels spread over the day's minutes (in three zones), 100 of them due at 09:00 UTC.
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York'];
    for (let i = 0; i < CHANNELS; i++) {
      const due = i < 100;
      const spec = due ? { cron: '0 9 * * *', zone: 'UTC' } : { cron: `${i % 60} ${10 + (i % 12)} * * *`, zone: zones[i % 3]! };
      await store.putSchedule({ platform: 'slack', channelId: `C${i}`, label: 'bench', ...spec, nextRunAt: nextRunAfter(spec, now)!, updatedBy: 'bench', updatedAt: now });
    }
    clock.set('2027-01-04T08:59:00Z');
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await time(() => scheduler.tick()));
    rows.push({ name: `scheduler tick, ${CHANNELS} channels, none due`, value: round(median(idle)), unit: 'ms' });
    clock.set('2027-01-04T09:00:00Z');
    rows.push({ name: `scheduler tick, ${CHANNELS} channels, 100 due (claim + post)`, value: round(await time(() => scheduler.tick())), unit: 'ms' });

    // Worst case: every channel due at the same minute.
    const dir2 = mkdtempSync(join(tmpdir(), 'tutor-bench-'));
    try {
      const b = setup(dir2, '2027-01-04T00:00:00Z');
      const spec = { cron: '0 9 * * *', zone: 'UTC' };
      for (let i = 0; i < CHANNELS; i++)
        await b.store.putSchedule({ platform: 'slack', channelId: `C${i}`, label: 'bench', ...spec, nextRunAt: nextRunAfter(spec, now)!, updatedBy: 'bench', updatedAt: now });
      b.clock.set('2027-01-04T09:00:00Z');
      rows.push({ name: `scheduler tick, ${CHANNELS} channels, all due (claim + post)`, value: round(await time(() => b.scheduler.tick())), unit: 'ms' });
      b.store.close();
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }

    // 10,000 answers to the 100 posted quizzes, through the quiz (as a button click) and raw.
    const posts = (await Promise.all(Array.from({ length: 100 }, (_, i) => store.channelPosts({ platform: 'slack', channelId: `C${i}` })))).flat();
    const clickMs = await time(async () => {
      for (let i = 0; i < ANSWERS; i++) {
        const p = posts[i % posts.length]!;
        await quiz.answer({ type: 'post-answer', postId: p.id, choice: i % 3 }, { platform: 'slack', userId: `U${Math.floor(i / posts.length)}`, channelId: p.channelId });
      }
    });
    rows.push({ name: `record ${ANSWERS} answers (button clicks with feedback)`, value: round(clickMs), unit: 'ms' });
    const rawMs = await time(async () => {
      for (let i = 0; i < ANSWERS; i++) await store.recordAnswer({ postId: posts[i % posts.length]!.id, userId: `V${i}`, choice: 0, correct: true, answeredAt: now });
    });
    rows.push({ name: `record ${ANSWERS} answers (store only)`, value: round(rawMs), unit: 'ms' });
    store.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchQuiz();
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) process.stdout.write(`${r.name.padEnd(w)}  ${String(r.value).padStart(9)} ${r.unit}\n`);
}
