/**
 * The daily-quiz flow through Discord: a schedule set with `/tutor schedule set`, the post at the
 * scheduled time (through the poster the adapter registered), a button answer with private
 * feedback, a second click, and the summary edited over the question when the quiz closes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonPress, CHANNEL_ID, MANAGER_PERMS, slash, str } from './payloads.ts';

// Monday 1 March 2027, 07:00 UTC = 08:00 in Berlin (CET).
const clock = new ManualClock('2027-03-01T07:00:00Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ app: { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

const buttons = (body: any): { custom_id: string; label: string }[] => body.components.flatMap((r: any) => r.components);

it('schedules, posts at 09:00 Berlin, takes one answer per person and closes with a summary', async () => {
  const set = await h.interact(
    slash('set', [str('when', 'weekdays'), str('timezone', 'Europe/Berlin'), str('time', '09:00')], { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }),
  );
  expect(set.body.data.embeds[0].title).toBe('Quiz scheduled');
  // Discord shows the core's time token natively, in each reader's zone.
  expect(set.body.data.embeds[0].description).toContain(`(<t:${Date.parse('2027-03-01T08:00:00Z') / 1000}:F>)`);

  // Nothing is due before 09:00 local time.
  expect((await h.app.scheduler.tick()).claimed).toBe(0);

  clock.set('2027-03-01T08:00:05Z');
  const report = await h.app.scheduler.tick();
  expect(report).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
  const post = h.fake.matching('POST', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages$`)).at(-1)!;
  expect(post.body.allowed_mentions).toEqual({ parse: [] });
  expect(post.body.enforce_nonce).toBe(true);
  expect(post.body.embeds[0].title).toMatch(/^Daily quiz: /);
  const choices = buttons(post.body);
  expect(choices.length).toBeGreaterThanOrEqual(2);
  expect(choices.every((b) => /^k:\d+:\d$/.test(b.custom_id))).toBe(true);

  // A click on the public post: private feedback, counted once.
  const first = await h.interact(buttonPress(choices[0]!.custom_id));
  expect(first.body.type).toBe(4);
  expect(first.body.data.flags).toBe(64);
  expect(['Correct!', 'Not quite']).toContain(first.body.data.embeds[0].title);
  expect(first.body.data.embeds[0].description).toContain('**Answer:**');
  const again = await h.interact(buttonPress(choices[1]!.custom_id));
  expect(again.body.data.embeds[0].title).toBe('You already answered');
  expect(again.body.data.flags).toBe(64);

  // Next weekday 09:00: the first quiz closes (its message is edited into the summary) and a new one is posted.
  clock.set('2027-03-02T08:00:05Z');
  const next = await h.app.scheduler.tick();
  expect(next).toMatchObject({ closed: 1, sent: 1 });
  const messageId = (await h.app.store.channelPosts({ platform: 'discord', channelId: CHANNEL_ID }))[0]!.messageId;
  expect(messageId).toBe(post.response.id);
  // Edits before it are the live tally ("1 answered so far"); the close edits the summary over the question once.
  const summary = h.fake.matching('PATCH', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages/${messageId}$`)).filter((r) => /^Quiz closed: /.test(r.body.embeds?.[0]?.title ?? ''));
  expect(summary).toHaveLength(1);
  expect(summary[0]!.body.embeds[0].title).toMatch(/^Quiz closed: /);
  const right = first.body.data.embeds[0].title === 'Correct!' ? 1 : 0;
  expect(summary[0]!.body.embeds[0].description).toContain(`${right} of 1 got it right`);
  expect(buttons(summary[0]!.body).map((b) => b.label)).toEqual([expect.stringMatching(/^Learn more: /)]);
  expect(summary[0]!.body.allowed_mentions).toEqual({ parse: [] });
});
