/** Share on the leaderboard through Slack: the ephemeral board carries Share, which posts it visibly and replaces the private copy with a note. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { seedScores } from '../../helpers/seed-scores.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T08:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
  await seedScores(h.app, 'slack', 'C2147483705', ['U0ALICE', 'U0BOB'], clock.now().getTime());
});
afterAll(async () => {
  await h.close();
});

type Block = { type: string; elements?: { value?: string; text?: { text: string } }[] };

test('the ephemeral leaderboard has Share in channel; sharing posts it and leaves a short note', async () => {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text: 'leaderboard', response_url: h.fake.responseUrl('lb') });
  const board = h.fake.responses.at(-1)!.body;
  expect(board.response_type).toBe('ephemeral');
  const share = (board.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.text?.text === 'Share in channel');
  expect(share?.value).toBe('b:week');

  h.fake.calls.length = 0;
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[]; container: Record<string, unknown> }>('block-actions.json');
  await h.click({
    ...p,
    response_url: h.fake.responseUrl('share'),
    container: { ...p.container, is_ephemeral: true },
    actions: [{ ...p.actions[0], value: share!.value, text: { type: 'plain_text', text: 'Share in channel', emoji: true } }],
  });
  const posts = h.fake.of('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.args.channel).toBe('C2147483705');
  const text = JSON.stringify(posts[0]!.args.blocks);
  expect(text).toContain('Leaderboard (this week)');
  expect(text).toContain('<@U0ALICE> 1 point');
  expect(text).not.toContain('b:week');
  expect(h.fake.responses.at(-1)).toEqual({ id: 'share', body: { response_type: 'ephemeral', replace_original: true, text: 'Shared in <#C2147483705>' } });
});
