/**
 * The daily quiz through Slack: a channel manager sets a schedule with /tutor, the core's
 * scheduler posts through the adapter's poster at the scheduled time, people answer with buttons,
 * and the closing summary replaces the question.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { fixture, slashAs, startManagerHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z'); // a Monday
let h: Harness;
beforeAll(async () => {
  h = await startManagerHarness(clock);
});
afterAll(async () => {
  await h.close();
});

type Blocks = { type: string; text?: { text: string }; elements?: { value: string; text: { text: string } }[] }[];
const slash = (user: string, text: string) => slashAs(h, user, text);
const header = (blocks: unknown) => (blocks as Blocks)[0]?.text?.text;

test('schedule in chat, post at the scheduled time, answer with a button, summary at close', async () => {
  await slash('U0PLAIN', 'schedule daily 09:00 Europe/Berlin');
  expect(header(h.fake.responses.at(-1)!.body.blocks)).toBe('Not allowed');

  await slash('U0MANAGER', 'schedule daily 09:00 Europe/Berlin');
  expect(header(h.fake.responses.at(-1)!.body.blocks)).not.toMatch(/Not allowed|Something went wrong/);

  // Nothing is due before 09:00 Berlin (08:00 UTC).
  await h.app.scheduler.tick();
  expect(h.fake.of('chat.postMessage')).toEqual([]);

  clock.set('2027-03-01T08:00:30Z');
  await h.app.scheduler.tick();
  const posts = h.fake.of('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.args.channel).toBe('C2147483705');
  const blocks = posts[0]!.args.blocks as Blocks;
  const choices = blocks.find((b) => b.type === 'actions')!.elements!;
  expect(choices.length).toBeGreaterThanOrEqual(2);
  const messageTs = String(posts[0]!.result!.ts);

  // Two people answer on the visible post; each gets private feedback. A second click is refused.
  const clickOn = (user: string, choice: { value: string; text: { text: string } }) => {
    const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
    return h.click({
      ...p,
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001TEST' },
      container: { type: 'message', message_ts: messageTs, channel_id: 'C2147483705', is_ephemeral: false },
      message: { type: 'message', ts: messageTs, bot_id: 'BBOT0001', text: 'quiz', blocks },
      response_url: h.fake.responseUrl(`click-${user}`),
      actions: [{ ...p.actions[0], value: choice.value, text: { type: 'plain_text', text: choice.text.text, emoji: true } }],
    });
  };
  h.fake.calls.length = 0;
  await clickOn('U0ALICE', choices[0]!);
  await clickOn('U0BOB', choices[1]!);
  await clickOn('U0ALICE', choices[1]!);
  const feedback = h.fake.of('chat.postEphemeral');
  expect(feedback.map((c) => c.args.user)).toEqual(['U0ALICE', 'U0BOB', 'U0ALICE']);
  expect(feedback.every((c) => c.args.channel === 'C2147483705')).toBe(true);
  const headers = feedback.map((c) => header(c.args.blocks));
  expect(headers.slice(0, 2).sort()).toEqual(['Correct!', 'Not quite'].sort());
  expect(JSON.stringify(feedback[2]!.args)).toMatch(/already answered/i);
  expect(h.fake.of('chat.postMessage')).toEqual([]);

  // A day later the quiz closes: the question is replaced by its summary.
  clock.set('2027-03-02T08:00:00Z');
  h.fake.calls.length = 0;
  await h.app.scheduler.tick();
  const updates = h.fake.of('chat.update');
  expect(updates).toHaveLength(1);
  expect(updates[0]!.args).toMatchObject({ channel: 'C2147483705', ts: messageTs });
  const summary = JSON.stringify(updates[0]!.args.blocks);
  expect(summary).toMatch(/1 of 2|50%/);
  // The summary names the correct answer and offers a "learn more" button for the concept.
  const right = headers[0] === 'Correct!' ? choices[0]! : choices[1]!;
  expect(summary).toContain(right.text.text.slice(0, 20));
  const buttons = (updates[0]!.args.blocks as Blocks).flatMap((b) => b.elements ?? []).map((e) => e.text?.text ?? '');
  expect(buttons.some((t) => /learn more/i.test(t))).toBe(true);
});
