/**
 * Scheduled posts survive `kill -9`: the real bot as a child process posts 200 due quizzes to the
 * fake Slack and is killed at random moments while posting, then restarted on the same DATA_DIR.
 * Every channel must end with exactly one quiz post (0 lost, 0 doubled), and the store must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { FakeSlack } from '../adapters/slack/helpers/fake-slack.ts';
import { quizPostsByChannel, seedDueSchedules, startBot, waitFor, type BotProcess } from './bot-process.ts';

const CHANNELS = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(4, '0')}`);
const ROUNDS = 5;

let fake: FakeSlack;
let dir: string;
const bots: BotProcess[] = [];
/** Every bot's log, kept after it is gone. */
const allOutput: string[][] = [];
const logged = (msg: string) => allOutput.flatMap((o) => o.join('').split('\n')).filter((l) => l.includes(`"msg":"${msg}`)).length;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  fake.latencyMs = 20; // posting 200 channels takes long enough to be killed in the middle of it
  dir = mkdtempSync(join(tmpdir(), 'tutor-kill-'));
  seedDueSchedules(dir, CHANNELS);
});
afterEach(async () => {
  allOutput.length = 0;
  for (const b of bots.splice(0)) await b.kill();
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const posted = () => fake.of('chat.postMessage').length;
const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** Start a bot, let it make `n` more post requests (plus a random few ms), then kill -9 it. */
async function killAfter(n: number, env: Record<string, string> = {}) {
  const bot = await startBot(fake, dir, env);
  bots.push(bot);
  allOutput.push(bot.output);
  const target = posted() + n;
  await waitFor(
    () => posted() >= target || quizPostsByChannel(fake).size === CHANNELS.length,
    30_000,
    () => `${target} post requests; bot said:\n${bot.output.join('').slice(-2000)}`,
  );
  await new Promise((r) => setTimeout(r, random(0, 15)));
  await bot.kill();
}

async function assertExactlyOnce() {
  const byChannel = quizPostsByChannel(fake);
  const lost = CHANNELS.filter((c) => !byChannel.has(c));
  const doubled = [...byChannel].filter(([, keys]) => keys.length > 1);
  expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
  const store = SqliteStore.open(dir);
  try {
    for (const c of CHANNELS) {
      const posts = await store.channelPosts({ platform: 'slack', channelId: c });
      expect(posts.map((p) => p.status)).toEqual(['sent']);
      expect(posts[0]!.messageId).toBe(fake.history.get(c)!.find((m) => m.metadata)!.ts);
    }
  } finally {
    store.close();
  }
}

/** Every channel's post is recorded as sent in the store (the bot writes that right after Slack answers). */
async function waitForConfirmed() {
  const store = SqliteStore.open(dir);
  try {
    let sent = 0;
    await waitFor(
      () => (sent = store.countPosts('sent')) === CHANNELS.length,
      20_000,
      () => `${CHANNELS.length} posts recorded as sent (${sent})`,
    );
  } finally {
    store.close();
  }
}

describe('kill -9 while posting', () => {
  it(`${ROUNDS} rounds, 200 channels: 0 lost, 0 doubled`, async () => {
    for (let round = 0; round < ROUNDS; round++) await killAfter(random(1, 35));
    const last = await startBot(fake, dir);
    bots.push(last);
    allOutput.push(last.output);
    await waitFor(
      () => quizPostsByChannel(fake).size === CHANNELS.length,
      30_000,
      () => `all channels posted (${quizPostsByChannel(fake).size}); bot said:\n${last.output.join('').slice(-2000)}`,
    );
    await waitForConfirmed();
    await last.kill();
    await assertExactlyOnce();
    expect(posted()).toBeGreaterThanOrEqual(CHANNELS.length);
    // The kills did land mid-post: claims were left unconfirmed and the restarts recovered them.
    expect(logged('recovering an unconfirmed quiz post')).toBeGreaterThan(0);
  }, 120_000);

  it('two processes on one DATA_DIR, killed at random: 0 lost, 0 doubled', async () => {
    const steady = await startBot(fake, dir);
    bots.push(steady);
    allOutput.push(steady.output);
    for (let round = 0; round < 3; round++) await killAfter(random(1, 25));
    await waitFor(
      () => quizPostsByChannel(fake).size === CHANNELS.length,
      30_000,
      () => `all channels posted (${quizPostsByChannel(fake).size}); steady bot said:\n${steady.output.join('').slice(-2000)}`,
    );
    await waitForConfirmed();
    await steady.kill();
    await assertExactlyOnce();
  }, 120_000);
});
