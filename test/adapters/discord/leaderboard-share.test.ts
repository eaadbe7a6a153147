/** Share on the leaderboard through Discord: the private board carries Share, which posts it visibly and turns the private copy into a note. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { seedScores } from '../../helpers/seed-scores.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonPress, CHANNEL_ID, slash, str, USER_ID } from './payloads.ts';

const clock = new ManualClock('2027-03-01T08:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
  await seedScores(h.app, 'discord', CHANNEL_ID, [USER_ID, '200000000000000002'], clock.now().getTime());
});
afterAll(async () => {
  await h?.close();
});

const buttons = (data: any): { custom_id: string; label: string }[] => (data.components ?? []).flatMap((r: any) => r.components);

it('the private leaderboard has Share in channel; sharing posts it visibly and replaces the private copy', async () => {
  const lb = await h.interact(slash('leaderboard', [str('period', 'month')]));
  expect(lb.body.data.flags).toBe(64);
  expect(lb.body.data.embeds[0].title).toBe('Leaderboard (this month)');
  const share = buttons(lb.body.data).find((b) => b.label === 'Share in channel');
  expect(share?.custom_id).toBe('b:month');

  const press = buttonPress(share!.custom_id, { ephemeral: true });
  const cb = await h.interact(press);
  expect(cb.body).toMatchObject({ type: 7, data: { content: `Shared in <#${CHANNEL_ID}>`, embeds: [], components: [] } });
  const posted = await h.fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/${press.token}`));
  expect(posted.body.flags ?? 0).toBe(0);
  expect(posted.body.embeds[0].title).toBe('Leaderboard (this month)');
  expect(posted.body.embeds[0].description).toContain(`<@${USER_ID}> 1 point`);
  // The public copy cannot be shared again, and mentions in it never ping.
  expect(JSON.stringify(posted.body.components ?? [])).not.toContain('b:month');
  expect(posted.body.allowed_mentions).toEqual({ parse: [] });
});

it('an empty leaderboard has nothing to share', async () => {
  const lb = await h.interact(slash('leaderboard', [str('period', 'week')], { dm: true }));
  expect(buttons(lb.body.data).some((b) => b.label === 'Share in channel')).toBe(false);
});
