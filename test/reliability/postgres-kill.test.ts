/**
 * Scheduled posts survive `kill -9` across three replicas on one Postgres database: three real bot
 * processes share a fresh database and one fake Slack, 200 quizzes are due at once, and replicas
 * are killed at random moments and restarted for several rounds. Every channel must end with
 * exactly one quiz post (0 lost, 0 doubled), in the fake's record and in the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/pg.ts';
import { FakeSlack } from '../adapters/slack/helpers/fake-slack.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { quizPostsByChannel, startBot, waitFor, type BotProcess } from './bot-process.ts';

const CHANNELS = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(4, '0')}`);
const REPLICAS = 3;
const ROUNDS = 6;

describe.skipIf(!postgresAdminUrl())('kill -9 across three replicas on one Postgres database', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  /** Each replica's DATA_DIR (empty: the data is in Postgres). */
  let dir: string;
  const bots: BotProcess[] = [];
  const allOutput: string[][] = [];
  const logged = (msg: string) => allOutput.flatMap((o) => o.join('').split('\n')).filter((l) => l.includes(`"msg":"${msg}`)).length;

  beforeAll(async () => {
    fake = new FakeSlack();
    await fake.start();
    fake.latencyMs = 40; // posting 200 channels takes long enough to be killed in the middle of it
    dir = mkdtempSync(join(tmpdir(), 'tutor-pgkill-'));
    db = await createTestDatabase();
    // The first replica to start migrates; seed the schedules through the store itself.
    const store = await PgStore.open(db.url, { max: 2 });
    try {
      const due = Date.now() - 60_000;
      for (const channelId of CHANNELS) {
        await store.putSchedule({ platform: 'slack', channelId, label: 'daily', cron: '0 0 * * *', zone: 'UTC', nextRunAt: due, updatedBy: 'UADMIN', updatedAt: due });
      }
    } finally {
      await store.close();
    }
  }, 60_000);
  afterAll(async () => {
    for (const b of bots.splice(0)) await b.kill();
    await fake?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const posted = () => fake.of('chat.postMessage').length;
  const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
  const done = () => quizPostsByChannel(fake).size === CHANNELS.length;
  const start = async () => {
    const bot = await startBot(fake, dir, { DATABASE_URL: db.url });
    bots.push(bot);
    allOutput.push(bot.output);
    return bot;
  };
  const alive = () => bots.filter((b) => b.child.exitCode === null && b.child.signalCode === null);

  it(`${ROUNDS} rounds of kill -9 and restart, 200 channels: 0 lost, 0 doubled`, async () => {
    for (let i = 0; i < REPLICAS; i++) await start();
    let midPost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Let a few more posts through (or the replicas finish), then kill one replica at random and start a new one.
      const target = posted() + random(1, 25);
      await waitFor(
        () => posted() >= target || done(),
        60_000,
        () =>
          `${target} post requests (round ${round}); replicas said:\n${alive()
            .map((b) => b.output.join('').slice(-1500))
            .join('\n---\n')}`,
      );
      await new Promise((r) => setTimeout(r, random(0, 15)));
      const live = alive();
      if (!done()) midPost++;
      await live[random(0, live.length - 1)]!.kill();
      await start();
    }
    await waitFor(
      done,
      240_000,
      () =>
        `all channels posted (${quizPostsByChannel(fake).size}); replicas said:\n${alive()
          .map((b) => b.output.join('').slice(-1500))
          .join('\n---\n')}`,
    );
    const store = await PgStore.open(db.url, { max: 2 });
    try {
      let sent = 0;
      const end = Date.now() + 60_000;
      while ((sent = await store.countPosts('sent')) < CHANNELS.length) {
        if (Date.now() > end) throw new Error(`${CHANNELS.length} posts recorded as sent (${sent})`);
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const b of bots) await b.kill();
      const byChannel = quizPostsByChannel(fake);
      const lost = CHANNELS.filter((c) => !byChannel.has(c));
      const doubled = [...byChannel].filter(([, keys]) => keys.length > 1);
      expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
      for (const c of CHANNELS) {
        const posts = await store.channelPosts({ platform: 'slack', channelId: c });
        expect(posts.map((p) => p.status)).toEqual(['sent']);
        expect(posts[0]!.messageId).toBe(fake.history.get(c)!.find((m) => m.metadata)!.ts);
      }
      expect(await store.countPosts('sent')).toBe(CHANNELS.length);
    } finally {
      await store.close();
    }
    expect(posted()).toBeGreaterThanOrEqual(CHANNELS.length);
    // The kills landed while posting was under way, and left claims that a replica recovered.
    expect(midPost).toBeGreaterThanOrEqual(5);
    expect(logged('recovering an unconfirmed quiz post')).toBeGreaterThan(0);
  }, 420_000);
});
