/**
 * App Home through the real Bolt app and the fake Slack: opening the Home tab publishes the
 * learner's view (views.publish), read here from the payload the fake recorded.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { fixture, startManagerHarness, type Harness } from './helpers/harness.ts';
import { openHome as openHomeView, type ViewBlock } from './helpers/home.ts';

const CHANNEL = 'C2147483705';
const clock = new ManualClock('2027-03-01T07:00:00Z'); // a Monday
let h: Harness;
beforeAll(async () => {
  h = await startManagerHarness(clock);
});
afterAll(async () => {
  await h.close();
});

const openHome = async (user: string) => {
  h.fake.calls.length = 0;
  const view = await openHomeView(h, user);
  expect(view.type).toBe('home');
  return view.blocks;
};
const allText = (blocks: ViewBlock[]) => JSON.stringify(blocks);

test('a first-time visitor gets a welcome and three starter questions that ask them', async () => {
  const blocks = await openHome('U0NEWBIE');
  expect(allText(blocks)).toMatch(/Welcome!/);
  expect(allText(blocks)).not.toMatch(/Your streak/);
  const starters = blocks.find((b) => b.type === 'actions')!.elements!;
  expect(starters).toHaveLength(3);
  // Each starter is a question; its value is a core action the button listener hands back.
  expect(starters.every((s) => s.text!.text.length > 5 && s.value)).toBe(true);
  const picker = blocks.find((b) => b.accessory?.type === 'static_select')!;
  expect(picker.accessory!.options!).toHaveLength(h.app.tutor.pack.concepts.length);

  // Clicking one in App Home (no channel in the payload) answers in the learner's Messages tab.
  h.fake.calls.length = 0;
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
  const { channel: _c, container: _k, ...rest } = p;
  await h.click({
    ...rest,
    user: { id: 'U0NEWBIE', username: 'newbie', name: 'newbie', team_id: 'T0001TEST' },
    container: { type: 'view', view_id: 'V0001' },
    view: { id: 'V0001', type: 'home' },
    actions: [{ ...p.actions[0], action_id: starters[0]!.action_id, value: starters[0]!.value, text: { type: 'plain_text', text: starters[0]!.text!.text } }],
  });
  const posted = h.fake.of('chat.postMessage');
  expect(posted).toHaveLength(1);
  expect(posted[0]!.args.channel).toBe('U0NEWBIE');
  const concept = h.app.tutor.pack.byId.get(starters[0]!.value!.replace(/^c:/, ''))!;
  // The answer about that concept (a comparison travels in an attachment, with its table).
  expect(JSON.stringify(posted[0]!.args.blocks ?? posted[0]!.args.attachments)).toContain(concept.title);
});

test('a returning learner sees streak, answers, reviews, their channel leaderboards; a manager sees the schedule with Edit', async () => {
  // A manager schedules the channel, the quiz is posted, Alice answers it wrong (so a review is due).
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: 'U0MANAGER', text: 'schedule daily 09:00 Europe/Berlin', response_url: h.fake.responseUrl('sched') });
  clock.set('2027-03-01T08:00:30Z');
  await h.app.scheduler.tick();
  const post = h.fake.of('chat.postMessage').at(-1)!;
  const choices = (post.args.blocks as ViewBlock[]).find((b) => b.type === 'actions')!.elements!;
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
  const ts = String(post.result!.ts);
  for (const [user, choice] of [
    ['U0ALICE', choices[1]!],
    ['U0BOBBY', choices[0]!],
  ] as const) {
    await h.click({
      ...p,
      user: { id: user, username: user, name: user, team_id: 'T0001TEST' },
      container: { type: 'message', message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
      message: { type: 'message', ts, text: 'quiz' },
      response_url: h.fake.responseUrl(`a-${user}`),
      actions: [{ ...p.actions[0], value: choice.value }],
    });
  }
  clock.set('2027-03-02T12:00:00Z'); // Alice's miss is due for review a day later
  h.fake.memberships.set('U0ALICE', [CHANNEL, 'C0OTHER']);
  h.fake.memberships.set('U0MANAGER', [CHANNEL]);

  const alice = await openHome('U0ALICE');
  expect(allText(alice)).not.toMatch(/Welcome!/);
  const stats = alice.find((b) => b.fields)!.fields!.map((f) => f.text);
  expect(stats).toEqual(['*Your streak*\n1 quiz day', '*Answered this week*\n1', '*Reviews due today*\n1']);
  const review = alice.flatMap((b) => b.elements ?? []).find((e) => e.text?.text === 'Start review')!;
  expect(review.value).toBe('r:');
  // This week's leaderboard of the one scheduled channel she is in: Bob has the point.
  expect(allText(alice)).toContain(`This week in <#${CHANNEL}>`);
  expect(allText(alice)).toMatch(/<@U0BOBBY> 1 point/);
  expect(allText(alice)).not.toMatch(/Edit/);
  expect(h.fake.of('users.conversations')[0]!.args.user).toBe('U0ALICE');

  // Start review from Home: the review question arrives in her Messages tab.
  h.fake.calls.length = 0;
  const { channel: _c, container: _k, ...rest } = p;
  await h.click({
    ...rest,
    user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0001TEST' },
    container: { type: 'view', view_id: 'V0001' },
    view: { id: 'V0001', type: 'home' },
    actions: [{ ...p.actions[0], action_id: review.action_id, value: review.value }],
  });
  const sent = h.fake.of('chat.postMessage');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.args.channel).toBe('U0ALICE');
  expect(JSON.stringify(sent[0]!.args.blocks)).toMatch(/Review 1 of 1 due today/);

  // The manager sees the schedule, its next (not yet posted) run in the reader's own zone, and Edit.
  const manager = await openHome('U0MANAGER');
  const schedule = manager.find((b) => b.accessory?.action_id === 'tutor-home:edit-schedule')!;
  expect(JSON.parse(schedule.accessory!.value!)).toEqual({ c: CHANNEL, cron: '0 9 * * *', z: 'Europe/Berlin' });
  const unix = Date.parse('2027-03-02T08:00:00Z') / 1000;
  expect(schedule.text!.text).toContain(`<!date^${unix}^{date_short_pretty} {time}|2 Mar 2027, 09:00 Europe/Berlin>`);

  // Someone in no scheduled channel sees no leaderboard.
  const bob = await openHome('U0BOBBY');
  expect(allText(bob)).not.toContain('This week in');
});
