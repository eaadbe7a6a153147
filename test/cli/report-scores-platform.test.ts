/** `tutor report scores` without --platform: the channel's only platform, or a clear error naming the choices. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { runTutor } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tutor-scores-platform-'));
const start = Date.UTC(2027, 2, 1, 8);

function tutor(args: string[]) {
  return runTutor(['report', 'scores', ...args, '--data', dir]);
}

beforeAll(async () => {
  const store = SqliteStore.open(dir);
  // "room" has answers on the console; "shared" has a schedule on slack and on discord.
  await store.putSchedule({ platform: 'console', channelId: 'room', label: 'daily 08:00', cron: '0 8 * * *', zone: 'UTC', nextRunAt: start, updatedBy: 'x', updatedAt: 0 });
  const post = await store.claimPost({
    platform: 'console',
    channelId: 'room',
    slotAt: start,
    zone: 'UTC',
    itemId: 'volume-q1',
    conceptId: 'volume',
    claimedAt: start,
    claimedBy: 'x',
    closesAt: start + 1000,
    expectedNextRunAt: start,
    nextRunAt: start + 86_400_000,
  });
  await store.markPostSent(post!.id, 'm1', start);
  await store.recordAnswer({ postId: post!.id, userId: 'ada', choice: 0, correct: true, answeredAt: start + 1 });
  for (const platform of ['slack', 'discord'])
    await store.putSchedule({ platform, channelId: 'shared', label: 'daily 08:00', cron: '0 8 * * *', zone: 'UTC', nextRunAt: start, updatedBy: 'x', updatedAt: 0 });
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("uses the channel's only platform", () => {
  const r = tutor(['--channel', 'room', '--csv']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toBe(['user,answered,correct,accuracy,streak', 'ada,1,1,1.000,1', ''].join('\r\n'));
});

it('names the platforms to choose from when there are several, and --platform picks one', () => {
  const r = tutor(['--channel', 'shared']);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain('channel shared has quiz data on more than one platform (discord, slack); choose one with --platform');
  const one = tutor(['--channel', 'shared', '--platform', 'slack']);
  expect(one.code).toBe(0);
  expect(one.out.trim()).toBe('No quiz answers in shared yet.');
});

it('a channel with no data anywhere has no answers', () => {
  const r = tutor(['--channel', 'C0NOWHERE']);
  expect(r.code).toBe(0);
  expect(r.out.trim()).toBe('No quiz answers in C0NOWHERE yet.');
});
