/** Daily reminders through the real discord.js client and the fake Discord: opt-in, only when due, once a day, Stop, blocked users. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonPress, slash, str, USER_ID } from './payloads.ts';

const clock = new ManualClock('2027-03-01T06:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

const DM = `9${USER_ID.slice(1)}`;
const dms = () => h.fake.matching('POST', new RegExp(`^/v10/channels/${DM}/messages$`));
const me = { platform: 'discord', userId: USER_ID };

async function dueReview(): Promise<void> {
  const item = h.app.tutor.pack.quizItems[0]!;
  const now = clock.now().getTime();
  await h.app.store.putReview({ ...me, itemId: item.id, box: 1, dueAt: now - 1, lastAnsweredAt: now - 86_400_000, rightCount: 0, wrongCount: 1 });
}

it('never messages someone who has not opted in', async () => {
  await dueReview();
  clock.set('2027-03-01T09:00:00Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  expect(h.fake.matching('POST', /^\/v10\/users\/@me\/channels$/)).toHaveLength(0);
});

it('remind time with a zone is confirmed privately, then one DM a day with Start review and Stop reminders', async () => {
  const r = await h.interact(slash('time', [str('time', '07:30'), str('timezone', 'Europe/Berlin')], { group: 'remind' }));
  expect(r.body.data.flags).toBe(64);
  expect(r.body.data.embeds[0].description).toContain('**07:30** (Europe/Berlin)');
  // 07:30 in Berlin is 06:30 UTC in March.
  clock.set('2027-03-02T06:29:00Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  clock.set('2027-03-02T06:30:01Z');
  expect((await h.app.reminders.sweep()).sent).toBe(1);
  clock.set('2027-03-02T23:00:00Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  expect(dms()).toHaveLength(1);
  const body = dms()[0]!.body;
  expect(body.embeds[0].description).toContain('review due today');
  expect(body.allowed_mentions).toEqual({ parse: [] });
  const buttons = body.components.flatMap((row: any) => row.components) as { label: string; custom_id: string }[];
  expect(buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Start review', 'Stop reminders']));

  const start = await h.interact(buttonPress(buttons.find((b) => b.label === 'Start review')!.custom_id, { dm: true }));
  expect(JSON.stringify(start.body)).toContain('Review 1 of 1 due today');
  const stop = await h.interact(buttonPress(buttons.find((b) => b.label === 'Stop reminders')!.custom_id, { dm: true }));
  expect(JSON.stringify(stop.body)).toContain('Reminders are off');
  expect((await h.app.store.getReminder(me))?.enabled).toBe(false);
  clock.set('2027-03-03T06:30:01Z');
  await dueReview();
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  expect(dms()).toHaveLength(1);
});

it('a user who blocked the bot (50007) is stopped after the first failure, with the reason', async () => {
  await h.interact(slash('on', [], { group: 'remind' }));
  const r = await h.app.store.getReminder(me);
  expect(r).toMatchObject({ enabled: true, time: '07:30', zone: 'Europe/Berlin' });
  h.fake.fail('POST', new RegExp(`^/v10/channels/${DM}/messages$`), 403, { body: { message: 'Cannot send messages to this user', code: 50007 } });
  clock.set('2027-03-04T06:30:01Z');
  expect(await h.app.reminders.sweep()).toMatchObject({ stopped: 1, sent: 0 });
  const attempts = h.fake.matching('POST', new RegExp(`^/v10/channels/${DM}/messages$`)).length;
  const after = await h.app.store.getReminder(me);
  expect(after?.enabled).toBe(false);
  expect(after?.stoppedReason).toContain('Cannot send messages to this user');
  clock.set('2027-03-05T06:30:01Z');
  await h.app.reminders.sweep();
  expect(h.fake.matching('POST', new RegExp(`^/v10/channels/${DM}/messages$`))).toHaveLength(attempts);
});
