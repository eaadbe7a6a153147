import { expect, test } from 'vitest';
import { bestStreak, currentStreak } from '../../src/quiz/streaks.ts';
import type { PostRecord } from '../../src/store/types.ts';

const day = (d: number, id = d): PostRecord => ({
  id,
  platform: 'slack',
  channelId: 'C1',
  slotAt: Date.UTC(2027, 2, d, 8),
  zone: 'UTC',
  itemId: 'i',
  conceptId: 'c',
  status: 'sent',
  claimedAt: 0,
  claimedBy: 'x',
  closesAt: Date.UTC(2027, 2, d + 1, 8),
  closedAt: Date.UTC(2027, 2, d + 1, 8),
});

test('the best streak is the longest run of answered quiz days, even when the current one is shorter', () => {
  const posts = [1, 2, 3, 4, 5, 6, 7].map((d) => day(d));
  const answered = new Set([1, 2, 3, 5, 6]);
  expect(bestStreak(posts, answered, 'UTC')).toBe(3);
  expect(currentStreak(posts, answered, 'UTC')).toBe(0);
  expect(bestStreak(posts, new Set(), 'UTC')).toBe(0);
  // A failed post is no quiz day and does not break a run.
  expect(bestStreak([day(1), { ...day(2), status: 'failed' }, day(3)], new Set([1, 3]), 'UTC')).toBe(2);
});
