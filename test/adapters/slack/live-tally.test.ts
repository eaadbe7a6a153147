/**
 * The live tally through Slack: answers edit the posted question (chat.update) to "N answered so
 * far", at most once per 30 s per message, coalescing clicks; manual clock and timers.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock, ManualTimers } from '../../../src/index.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z');
const timers = new ManualTimers(clock);
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SLACK_ADMIN_USERS: 'U0MANAGER' }, { clock, timers, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
});
afterAll(async () => {
  await h.close();
});

type Blocks = { type: string; elements?: { value: string; text: { text: string } }[] }[];
const fire = async () => {
  const n = timers.fire();
  await h.app.tally.settled();
  return n;
};

test('answers are tallied on the question with chat.update, at most once per 30 s', async () => {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: 'U0MANAGER', text: 'schedule daily 08:00 UTC', response_url: h.fake.responseUrl('set') });
  clock.set('2027-03-01T08:00:30Z');
  await h.app.scheduler.tick();
  const posted = h.fake.of('chat.postMessage')[0]!;
  const ts = String(posted.result!.ts);
  const blocks = posted.args.blocks as Blocks;
  const choice = blocks.find((b) => b.type === 'actions')!.elements![0]!;
  const clickAs = (user: string) => {
    const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
    return h.click({
      ...p,
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001TEST' },
      container: { type: 'message', message_ts: ts, channel_id: 'C2147483705', is_ephemeral: false },
      message: { type: 'message', ts, bot_id: 'BBOT0001', text: 'quiz', blocks },
      response_url: h.fake.responseUrl(`click-${user}`),
      actions: [{ ...p.actions[0], value: choice.value, text: { type: 'plain_text', text: choice.text.text, emoji: true } }],
    });
  };
  const updates = () => h.fake.of('chat.update').filter((c) => c.args.ts === ts);

  await clickAs('U0ALICE');
  await fire();
  expect(updates()).toHaveLength(1);
  expect(updates()[0]!.args.channel).toBe('C2147483705');
  expect(JSON.stringify(updates()[0]!.args.blocks)).toContain('1 answered so far');
  // The buttons stay, so people can keep answering.
  expect(JSON.stringify(updates()[0]!.args.blocks)).toContain(choice.value);

  for (const u of ['U0BOB', 'U0CARL', 'U0DANA']) {
    clock.advance(3_000);
    await clickAs(u);
    await fire();
  }
  // A second click by the same person changes nothing and schedules nothing new.
  await clickAs('U0BOB');
  expect(updates()).toHaveLength(1);
  clock.advance(20_999);
  expect(await fire()).toBe(0);
  clock.advance(1);
  expect(await fire()).toBe(1);
  expect(updates()).toHaveLength(2);
  expect(JSON.stringify(updates()[1]!.args.blocks)).toContain('4 answered so far');

  // The close summary replaces it as before.
  clock.set('2027-03-02T08:00:00Z');
  await h.app.scheduler.tick();
  expect(JSON.stringify(updates().at(-1)!.args.blocks)).toMatch(/of 4 got it right/);
});

test('on a post that pings, the tally edit keeps the one mention where it was (text first, one block), and adds none', async () => {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: 'U0MANAGER', text: 'ping here', response_url: h.fake.responseUrl('ping') });
  clock.set('2027-03-03T08:00:30Z');
  h.fake.calls.length = 0;
  await h.app.scheduler.tick();
  const posted = h.fake.of('chat.postMessage').find((c) => JSON.stringify(c.args.blocks).includes('<!here>'))!;
  const ts = String(posted.result!.ts);
  const blocks = posted.args.blocks as Blocks;
  const choice = blocks.find((b) => b.type === 'actions')!.elements![0]!;
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
  await h.click({
    ...p,
    user: { id: 'U0ERIN', username: 'erin', name: 'erin', team_id: 'T0001TEST' },
    container: { type: 'message', message_ts: ts, channel_id: 'C2147483705', is_ephemeral: false },
    message: { type: 'message', ts, bot_id: 'BBOT0001', text: 'quiz', blocks },
    response_url: h.fake.responseUrl('click-erin'),
    actions: [{ ...p.actions[0], value: choice.value, text: { type: 'plain_text', text: choice.text.text, emoji: true } }],
  });
  await fire();
  const update = h.fake.of('chat.update').find((c) => c.args.ts === ts)!;
  const text = String(update.args.text);
  expect(JSON.stringify(update.args.blocks)).toContain('1 answered so far');
  expect(text.startsWith('<!here> ')).toBe(true);
  for (const part of [text, JSON.stringify(update.args.blocks)]) {
    expect(part.split('<!here>')).toHaveLength(2);
    expect(part.replace('<!here>', '')).not.toMatch(/<[!@#]/);
  }
});
