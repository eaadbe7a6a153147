/** Daily reminders through the real Bolt app and the fake Slack: opt-in, only when due, once a day, Stop, blocked users. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { seedScores } from '../../helpers/seed-scores.ts';
import { putWrongReview } from '../../helpers/reviews.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

type Block = { type: string; elements?: { action_id?: string; value?: string; text?: { text?: string } }[] };

const clock = new ManualClock('2027-03-01T06:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
});
afterAll(async () => {
  await h.close();
});

const slash = fixture<Record<string, string>>('slash-command.json');
const dmsTo = (user: string) => h.fake.of('chat.postMessage').filter((c) => c.args.channel === user);

const dueReview = (userId: string) => putWrongReview(h.app, 'slack', userId, { dueAt: clock.now().getTime() - 1, lastAnsweredAt: clock.now().getTime() - 86_400_000 });

test('opt in at your own zone; one DM a day only when reviews are due; Stop reminders turns them off', async () => {
  h.fake.users.set('U0ALICE', { tz: 'Europe/Berlin' });
  await dueReview('U0NOTIN'); // has reviews due but never opted in
  await h.slash({ ...slash, user_id: 'U0ALICE', text: 'remind on', response_url: h.fake.responseUrl('on') });
  const on = JSON.stringify(h.fake.responses.at(-1)!.body);
  expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
  expect(on).toContain('09:00');
  expect(on).toContain('(Europe/Berlin)');

  // 09:00 in Berlin is 08:00 UTC in March. Before it: nothing; at it, with nothing due: nothing either.
  clock.set('2027-03-01T07:59:00Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  clock.set('2027-03-01T08:00:10Z');
  expect(await h.app.reminders.sweep()).toMatchObject({ sent: 0, quiet: 1 });
  expect(dmsTo('U0ALICE')).toHaveLength(0);

  // Next day a review is due: one DM with Start review and Stop reminders; a second sweep sends nothing more.
  await dueReview('U0ALICE');
  clock.set('2027-03-02T08:00:05Z');
  expect((await h.app.reminders.sweep()).sent).toBe(1);
  clock.set('2027-03-02T20:00:00Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  const dms = dmsTo('U0ALICE');
  expect(dms).toHaveLength(1);
  expect(dmsTo('U0NOTIN')).toHaveLength(0);
  const buttons = (dms[0]!.args.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
  expect(JSON.stringify(dms[0]!.args.blocks)).toContain('review due today');
  const labels = buttons.map((b) => b.text?.text);
  expect(labels).toEqual(expect.arrayContaining(['Start review', 'Stop reminders']));

  // Start review answers with the learner's review; Stop reminders turns them off in one click.
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
  const click = async (label: string) => {
    const b = buttons.find((x) => x.text?.text === label)!;
    await h.click({
      ...p,
      user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0001TEST' },
      channel: { id: 'D0ALICE', name: 'directmessage' },
      container: { type: 'message', message_ts: String(dms[0]!.result!.ts), channel_id: 'D0ALICE', is_ephemeral: false },
      message: { type: 'message', ts: String(dms[0]!.result!.ts), text: 'reminder' },
      response_url: h.fake.responseUrl(`click-${label}`),
      actions: [{ ...p.actions[0], action_id: b.action_id, value: b.value }],
    });
  };
  const before = h.fake.calls.length;
  await click('Start review');
  expect(JSON.stringify(h.fake.calls.slice(before).map((c) => c.args))).toMatch(/Review 1 of 1 due today/);
  const beforeStop = h.fake.calls.length;
  await click('Stop reminders');
  const stopped = h.fake.calls.slice(beforeStop).filter((c) => c.method === 'chat.postMessage');
  expect(stopped.map((c) => [c.args.channel, c.args.text])).toEqual([['D0ALICE', 'Reminders are off. Turn them on again with /tutor remind on.']]);
  expect((await h.app.store.getReminder({ platform: 'slack', userId: 'U0ALICE' }))?.enabled).toBe(false);
  clock.set('2027-03-03T08:00:05Z');
  await dueReview('U0ALICE');
  expect((await h.app.reminders.sweep()).sent).toBe(0);
  expect(dmsTo('U0ALICE')).toHaveLength(1);
});

test('time HH:MM Zone is confirmed with its zone; a bad time or zone gets a clear answer', async () => {
  await h.slash({ ...slash, user_id: 'U0BOB', text: 'remind time 18:30 America/New_York', response_url: h.fake.responseUrl('t') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('18:30');
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('(America/New_York)');
  await h.slash({ ...slash, user_id: 'U0BOB', text: 'remind time 25:00', response_url: h.fake.responseUrl('t2') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('is not a time');
  await h.slash({ ...slash, user_id: 'U0BOB', text: 'remind time 07:00 Mars/Olympus', response_url: h.fake.responseUrl('t3') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('Unknown time zone');
  // Without a Slack zone the default is UTC, and the confirmation says so.
  await h.slash({ ...slash, user_id: 'U0CAROL', text: 'remind on', response_url: h.fake.responseUrl('t4') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('(UTC)');
});

test('a user who cannot be reached (blocked the bot) is stopped after the first permanent failure, no retries', async () => {
  await h.slash({ ...slash, user_id: 'U0GONE', text: 'remind time 10:00 UTC', response_url: h.fake.responseUrl('g') });
  await dueReview('U0GONE');
  clock.set('2027-03-04T10:00:05Z');
  h.fake.script('chat.postMessage', { body: { ok: false, error: 'cannot_dm_bot' } });
  const before = h.fake.of('chat.postMessage').length;
  expect(await h.app.reminders.sweep()).toMatchObject({ stopped: 1, sent: 0 });
  expect(h.fake.of('chat.postMessage').length - before).toBe(1);
  const r = await h.app.store.getReminder({ platform: 'slack', userId: 'U0GONE' });
  expect(r?.enabled).toBe(false);
  expect(r?.stoppedReason).toContain('cannot_dm_bot');
  clock.set('2027-03-05T10:00:05Z');
  await h.app.reminders.sweep();
  expect(h.fake.of('chat.postMessage').length - before).toBe(1);
  await h.slash({ ...slash, user_id: 'U0GONE', text: 'remind', response_url: h.fake.responseUrl('g2') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('could not be delivered');
});

test('a streak about to break brings a reminder even with no reviews due; answering today means none', async () => {
  const channel = slash.channel_id!;
  clock.set('2027-03-10T08:00:00Z');
  await seedScores(h.app, 'slack', channel, ['U0STREAK'], clock.now().getTime()); // answered right: nothing to review
  await h.slash({ ...slash, user_id: 'U0STREAK', text: 'remind time 09:00 UTC', response_url: h.fake.responseUrl('s') });
  clock.set('2027-03-10T09:00:05Z');
  expect((await h.app.reminders.sweep()).sent).toBe(0); // today's quiz is answered
  expect(dmsTo('U0STREAK')).toHaveLength(0);
  clock.set('2027-03-11T08:00:00Z');
  await seedScores(h.app, 'slack', channel, [], clock.now().getTime()); // today's quiz, not answered yet
  clock.set('2027-03-11T09:00:05Z');
  expect((await h.app.reminders.sweep()).sent).toBe(1);
  const dm = dmsTo('U0STREAK');
  expect(dm).toHaveLength(1);
  expect(String(dm[0]!.args.text)).toContain('1-day streak ends today');
});
