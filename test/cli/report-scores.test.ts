import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { runTutor } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tutor-scores-'));
const DAY = 86_400_000;
const start = Date.UTC(2027, 2, 1, 8);

const tutor = runTutor;

beforeAll(async () => {
  const store = SqliteStore.open(dir);
  const ch = { platform: 'console' as const, channelId: 'team-room' };
  await store.putSchedule({ ...ch, label: 'daily 08:00', cron: '0 8 * * *', zone: 'UTC', nextRunAt: start, updatedBy: 'x', updatedAt: 0 });
  // Three quiz days; "ada" answers all (two right), a name with a comma and a quote answers the last one right.
  for (let d = 0; d < 3; d++) {
    const at = start + d * DAY;
    const post = await store.claimPost({
      ...ch,
      slotAt: at,
      zone: 'UTC',
      itemId: 'volume-q1',
      conceptId: 'volume',
      claimedAt: at,
      claimedBy: 'x',
      closesAt: at + DAY,
      expectedNextRunAt: at,
      nextRunAt: at + DAY,
    });
    await store.markPostSent(post!.id, `m${d}`, at);
    await store.recordAnswer({ postId: post!.id, userId: 'ada', choice: 0, correct: d !== 1, answeredAt: at + 1 });
    if (d === 2) await store.recordAnswer({ postId: post!.id, userId: 'Smith, "Bob"', choice: 0, correct: true, answeredAt: at + 2 });
  }
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('exports a channel as CSV, quoted where needed', () => {
  const r = tutor(['report', 'scores', '--channel', 'team-room', '--platform', 'console', '--csv', '--data', dir]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toBe(['user,answered,correct,accuracy,streak', 'ada,3,2,0.667,3', '"Smith, ""Bob""",1,1,1.000,1', ''].join('\r\n'));
});

it('prints a table by default, and says so when a channel has no answers', () => {
  const table = tutor(['report', 'scores', '--channel', 'team-room', '--platform', 'console', '--data', dir]);
  expect(table.code).toBe(0);
  expect(table.out.split('\n')[0]).toMatch(/^user\s+answered\s+correct\s+accuracy\s+streak$/);
  expect(table.out).toMatch(/ada\s+3\s+2\s+67%\s+3/);
  const none = tutor(['report', 'scores', '--channel', 'C0EMPTY', '--platform', 'slack', '--data', dir]);
  expect(none.code).toBe(0);
  expect(none.out.trim()).toBe('No quiz answers in C0EMPTY yet.');
});

it('needs --channel', () => {
  const missing = tutor(['report', 'scores', '--platform', 'slack', '--data', dir]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/usage: tutor report scores --channel ID \[--platform NAME\]/);
});
