/** /tutor stats through Discord: private, with answers, accuracy per topic, streak, best streak and reviews due. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { seedScores } from '../../helpers/seed-scores.ts';
import { startHarness, type Harness } from './harness.ts';
import { CHANNEL_ID, slash, USER_ID } from './payloads.ts';

const clock = new ManualClock('2027-03-01T08:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

it('before any answer: a pointer to the quiz, privately', async () => {
  const r = await h.interact(slash('stats'));
  expect(r.body.data.flags).toBe(64);
  expect(r.body.data.embeds[0].title).toBe('Your stats');
  expect(r.body.data.embeds[0].description).toContain('not answered any quiz questions yet');
});

it('after quiz days: answered, accuracy per topic, streak and best streak, reviews due', async () => {
  // Day 1 right, day 2 missed by USER_ID (a second person answers), day 3 and 4 right.
  await seedScores(h.app, 'discord', CHANNEL_ID, [USER_ID], clock.now().getTime());
  clock.set('2027-03-02T08:00:00Z');
  await seedScores(h.app, 'discord', CHANNEL_ID, ['200000000000000002'], clock.now().getTime());
  for (const day of ['2027-03-03', '2027-03-04', '2027-03-05']) {
    clock.set(`${day}T08:00:00Z`);
    await seedScores(h.app, 'discord', CHANNEL_ID, day === '2027-03-05' ? ['200000000000000002', USER_ID] : [USER_ID], clock.now().getTime());
  }
  const r = await h.interact(slash('stats'));
  expect(r.body.data.flags).toBe(64);
  const text = JSON.stringify(r.body.data.embeds[0]);
  expect(text).toContain('Answered: **4**, 75% right.');
  expect(text).toContain('Streak: **3** quiz days (best: 3).');
  expect(text).toContain('Accuracy per topic');
  // The one miss comes back for review: due within a day, not today.
  expect(text).toContain('No reviews due today.');
  clock.set('2027-03-07T08:00:00Z');
  const later = JSON.stringify((await h.interact(slash('stats'))).body.data.embeds[0]);
  // The same count the review command works through (misses after a day, right answers after three).
  const due = Number(/\*\*(\d+)\*\* reviews? due today/.exec(later)?.[1]);
  expect(due).toBeGreaterThanOrEqual(1);
  const review = await h.interact(slash('review'));
  expect(review.body.data.embeds[0].description).toContain(`Review 1 of ${due} due today`);
});
