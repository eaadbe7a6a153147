/**
 * The live tally through Discord: answers to a posted question edit it to "N answered so far", at
 * most once per 30 s per message (clicks in between are coalesced into one timed edit), and the
 * close summary still replaces the question. Time moves by a manual clock and manual timers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, ManualTimers } from '../../../src/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonPress, CHANNEL_ID, MANAGER_PERMS, slash, str } from './payloads.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z');
const timers = new ManualTimers(clock);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ app: { clock, timers, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

const buttons = (body: any): { custom_id: string }[] => body.components.flatMap((r: any) => r.components);
const edits = (messageId: string) => h.fake.matching('PATCH', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages/${messageId}$`));
/** Fire the timers due now and wait for the edits they start. */
const fire = async () => {
  const n = timers.fire();
  await h.app.tally.settled();
  return n;
};

it('edits the question at most once per 30 s, coalescing answers, then closes with the summary', async () => {
  await h.interact(slash('set', [str('when', 'daily'), str('timezone', 'UTC'), str('time', '08:00')], { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }));
  clock.set('2027-03-01T08:00:05Z');
  expect(await h.app.scheduler.tick()).toMatchObject({ sent: 1 });
  const post = h.fake.matching('POST', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages$`)).at(-1)!;
  const messageId = String(post.response.id);
  const choice = buttons(post.body)[0]!.custom_id;

  // The first answer schedules one refresh right away.
  await h.interact(buttonPress(choice, { userId: '200000000000000001' }));
  expect(await fire()).toBe(1);
  expect(edits(messageId)).toHaveLength(1);
  expect(edits(messageId)[0]!.body.embeds[0].description).toContain('1 answered so far');
  expect(edits(messageId)[0]!.body.components).toEqual(post.body.components);
  expect(edits(messageId)[0]!.body.allowed_mentions).toEqual({ parse: [] });

  // Three more answers within the window: nothing is edited until 30 s after the last edit.
  for (const id of ['200000000000000002', '200000000000000003', '200000000000000004']) {
    clock.advance(5_000);
    await h.interact(buttonPress(choice, { userId: id }));
    expect(await fire()).toBe(0);
  }
  expect(edits(messageId)).toHaveLength(1);
  expect(timers.size).toBe(1);
  clock.advance(14_999); // 29.999 s after the first edit
  expect(await fire()).toBe(0);
  clock.advance(1);
  expect(await fire()).toBe(1);
  expect(edits(messageId)).toHaveLength(2);
  expect(edits(messageId)[1]!.body.embeds[0].description).toContain('4 answered so far');

  // No answers, no edits.
  clock.advance(120_000);
  expect(await fire()).toBe(0);
  expect(edits(messageId)).toHaveLength(2);

  // An answer long after the last edit refreshes at once again.
  await h.interact(buttonPress(choice, { userId: '200000000000000005' }));
  expect(await fire()).toBe(1);
  expect(edits(messageId).at(-1)!.body.embeds[0].description).toContain('5 answered so far');

  // A refresh pending when the quiz closes never turns the summary back into the question.
  clock.advance(1_000);
  await h.interact(buttonPress(choice, { userId: '200000000000000006' }));
  clock.set('2027-03-02T08:00:05Z');
  await h.app.scheduler.tick();
  const summary = edits(messageId).at(-1)!;
  expect(summary.body.embeds[0].title).toMatch(/^Quiz closed: /);
  const count = edits(messageId).length;
  await fire();
  expect(edits(messageId)).toHaveLength(count);
});
