/**
 * The person's Slack zone (users.info tz) through the real Bolt app and the fake Slack: looked up
 * once per workspace and user an hour, used by App Home's week and day and by `remind` however it
 * arrives; a failed lookup means UTC, one log line, and no lookup per request.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';
import { openHome } from './helpers/home.ts';
import { putWrongReview } from '../../helpers/reviews.ts';

// Sunday 12:00 UTC is already Monday 01:00 in Auckland (UTC+13 in March): a new local week and day.
const clock = new ManualClock('2027-03-07T12:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { clock, random: () => 0 });
});
afterAll(async () => {
  await h.close();
});

const HOUR = 3_600_000;

/** One review answered Sunday 10:00 UTC (Sunday 23:00 in Auckland, last week there) and due Monday 05:00 UTC. */
const seedReview = (userId: string) => putWrongReview(h.app, 'slack', userId, { dueAt: Date.parse('2027-03-08T05:00:00Z'), lastAnsweredAt: Date.parse('2027-03-07T10:00:00Z') });

async function homeStats(user: string): Promise<string[]> {
  const view = await openHome(h, user);
  return view.blocks.find((b) => b.fields)!.fields!.map((f) => f.text);
}

const zoneLookups = (user: string) => h.fake.of('users.info').filter((c) => c.args.user === user).length;

test("App Home counts the learner's own week and day, not UTC's", async () => {
  h.fake.users.set('U0KIWI', { tz: 'Pacific/Auckland' });
  await seedReview('U0KIWI');
  await seedReview('U0UTC'); // no Slack zone: the same review, counted in UTC
  // Auckland: the answer was last week and the review falls within today. UTC: the other way round.
  expect(await homeStats('U0KIWI')).toEqual(['*Your streak*\n0 quiz days', '*Answered this week*\n0', '*Reviews due today*\n1']);
  expect(await homeStats('U0UTC')).toEqual(['*Your streak*\n0 quiz days', '*Answered this week*\n1', '*Reviews due today*\n0']);

  // Opening it again within the hour asks Slack nothing more; after the hour it asks again.
  expect(zoneLookups('U0KIWI')).toBe(1);
  await homeStats('U0KIWI');
  expect(zoneLookups('U0KIWI')).toBe(1);
  clock.set(new Date(clock.now().getTime() + HOUR + 1000));
  await homeStats('U0KIWI');
  expect(zoneLookups('U0KIWI')).toBe(2);
  clock.set('2027-03-07T12:00:00Z');
});

test('users.info failing falls back to UTC, is logged once, and is not retried on every request', async () => {
  await seedReview('U0FAIL');
  h.fake.users.set('U0FAIL', { tz: 'Pacific/Auckland' });
  h.fake.script('users.info', { body: { ok: false, error: 'user_not_found' } });
  const warned = () => h.logs.filter((l) => l.level === 40 && l.userId === 'U0FAIL' && /users\.info failed/.test(l.msg)).length;
  expect(await homeStats('U0FAIL')).toEqual(['*Your streak*\n0 quiz days', '*Answered this week*\n1', '*Reviews due today*\n0']);
  for (let i = 0; i < 3; i++) await homeStats('U0FAIL');
  expect(zoneLookups('U0FAIL')).toBe(1);
  expect(warned()).toBe(1);
  // The home still opens for everyone: the failure was one person's lookup.
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: 'U0FAIL', text: 'remind on', response_url: h.fake.responseUrl('fail-on') });
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('(UTC)');
  expect(zoneLookups('U0FAIL')).toBe(1);

  // A zone Slack names that this runtime does not know is treated like no zone, not an error.
  await seedReview('U0ODD');
  h.fake.users.set('U0ODD', { tz: 'Mars/Olympus' });
  expect(await homeStats('U0ODD')).toEqual(['*Your streak*\n0 quiz days', '*Answered this week*\n1', '*Reviews due today*\n0']);
});

test('remind takes the Slack zone whether it comes as a slash command, a mention or a DM; other messages look nothing up', async () => {
  const mention = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('app-mention.json');
  const dm = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('message-im.json');
  const replyText = (before: number) =>
    JSON.stringify(
      h.fake.calls
        .slice(before)
        .filter((c) => c.method === 'chat.postMessage')
        .map((c) => [c.args.text, c.args.blocks]),
    );

  h.fake.users.set('U0MENTION', { tz: 'America/New_York' });
  let before = h.fake.calls.length;
  await h.event({ ...mention, event_id: 'Ev-zone-mention', event: { ...mention.event, user: 'U0MENTION', text: '<@UBOT0001> remind on', ts: '1700000000.000001', event_ts: '1700000000.000001' } });
  expect(replyText(before)).toContain('(America/New_York)');
  expect((await h.app.store.getReminder({ platform: 'slack', userId: 'U0MENTION' }))?.zone).toBe('America/New_York');

  h.fake.users.set('U0DIRECT', { tz: 'Asia/Kolkata' });
  before = h.fake.calls.length;
  await h.event({ ...dm, event_id: 'Ev-zone-dm', event: { ...dm.event, user: 'U0DIRECT', text: 'remind on', client_msg_id: 'zone-dm-1', ts: '1700000000.000002', event_ts: '1700000000.000002' } });
  expect(replyText(before)).toContain('(Asia/Kolkata)');
  expect((await h.app.store.getReminder({ platform: 'slack', userId: 'U0DIRECT' }))?.zone).toBe('Asia/Kolkata');

  // A question is not a zoned command: no users.info call for it.
  h.fake.users.set('U0ASKER', { tz: 'Europe/Berlin' });
  await h.event({
    ...dm,
    event_id: 'Ev-zone-question',
    event: { ...dm.event, user: 'U0ASKER', text: 'container vs vm', client_msg_id: 'zone-dm-2', ts: '1700000000.000003', event_ts: '1700000000.000003' },
  });
  expect(zoneLookups('U0ASKER')).toBe(0);
});
