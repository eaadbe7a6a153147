/** /tutor stats through Slack: an ephemeral answer with answers, accuracy per topic, streaks and reviews due. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { seedScores } from '../../helpers/seed-scores.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T08:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
});
afterAll(async () => {
  await h.close();
});

test('stats are private and count what the learner answered', async () => {
  const slash = fixture<Record<string, string>>('slash-command.json');
  await seedScores(h.app, 'slack', slash.channel_id!, [slash.user_id!], clock.now().getTime());
  clock.set('2027-03-02T08:00:00Z');
  await seedScores(h.app, 'slack', slash.channel_id!, ['U0OTHER', slash.user_id!], clock.now().getTime());
  await h.slash({ ...slash, text: 'stats', response_url: h.fake.responseUrl('stats') });
  const body = h.fake.responses.at(-1)!.body;
  expect(body.response_type).toBe('ephemeral');
  const text = JSON.stringify(body);
  expect(text).toContain('Your stats');
  expect(text).toContain('Answered: *2*, 50% right.');
  expect(text).toContain('Streak: *2* quiz days (best: 2).');
  expect(text).toContain('Accuracy per topic');
});
