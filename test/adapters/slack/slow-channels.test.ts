/**
 * Scheduled posts when Slack is slow or unsure: hanging channels never hold up healthy ones, and
 * a post whose outcome was not seen (5xx, timeout) is looked up in the channel before it is re-sent.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { startHarness, type Harness } from './helpers/harness.ts';

// A real, recent instant: Slack's message timestamps (and the fake's) come from the real clock.
const SLOT = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
const SLOT_ISO = new Date(SLOT).toISOString();
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function seed(h: Harness, channels: string[]) {
  for (const channelId of channels) {
    await h.app.store.putSchedule({ platform: 'slack', channelId, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: SLOT, updatedBy: 'U0', updatedAt: SLOT });
  }
}

const quizKeys = (h: Harness, channel: string) =>
  (h.fake.history.get(channel) ?? []).filter((m) => m.metadata).map((m) => (m.metadata as { event_payload: { post_key: string } }).event_payload.post_key);

describe('slow and unsure Slack', () => {
  test('4 hanging channels first in a batch of 34: the 30 healthy ones are all posted within 10 s', async () => {
    const clock = new ManualClock(SLOT + 5_000);
    h = await startHarness({ PLATFORM_TIMEOUT_SECONDS: '1' }, { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 200, retryAttempts: 2 } });
    const hanging = ['C0HANG1', 'C0HANG2', 'C0HANG3', 'C0HANG4'];
    const healthy = Array.from({ length: 30 }, (_, i) => `C1OK${String(i).padStart(3, '0')}`);
    for (const c of hanging) h.fake.hanging.add(c);
    await seed(h, [...hanging, ...healthy]);
    const started = Date.now();
    const tick = h.app.scheduler.tick();
    await expect.poll(() => healthy.filter((c) => quizKeys(h!, c).length === 1).length, { timeout: 10_000, interval: 20 }).toBe(30);
    const healthyMs = Date.now() - started;
    const report = await tick;
    expect(report).toMatchObject({ claimed: 34, sent: 30, failed: 4 });
    expect(healthyMs).toBeLessThan(10_000);
    // The hanging ones were retried (after checking the channel), and each failure names channel and reason.
    for (const c of hanging) {
      const retries = h.logs.filter((l) => l.msg === 'post failed; retrying' && l.channelId === c);
      expect(retries.length).toBe(1);
      expect(String(retries[0]!.reason)).toMatch(/time|abort/i);
      expect(h.logs.some((l) => l.msg === 'quiz post failed after retries' && l.channelId === c && typeof l.reason === 'string')).toBe(true);
      expect(h.fake.of('conversations.history').some((call) => call.args.channel === c)).toBe(true);
    }
    expect(hanging.every((c) => quizKeys(h!, c).length === 0)).toBe(true);
  }, 30_000);

  test('a 5xx after Slack did post: the next attempt finds the post by its metadata and does not post again', async () => {
    const clock = new ManualClock(SLOT + 5_000);
    h = await startHarness({}, { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
    await seed(h, ['C0UNSURE']);
    h.fake.script('chat.postMessage', { status: 503, body: 'upstream timeout', commit: true });
    const report = await h.app.scheduler.tick();
    expect(report).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(quizKeys(h, 'C0UNSURE')).toEqual([`C0UNSURE:${SLOT_ISO}`]);
    expect(h.fake.of('chat.postMessage')).toHaveLength(1);
    const [history] = h.fake.of('conversations.history');
    expect(history!.args).toMatchObject({ channel: 'C0UNSURE', include_all_metadata: 'true', oldest: ((SLOT - 300_000) / 1000).toFixed(6) });
    const post = (await h.app.store.channelPosts({ platform: 'slack', channelId: 'C0UNSURE' }))[0]!;
    expect(post).toMatchObject({ status: 'sent', messageId: h.fake.history.get('C0UNSURE')![0]!.ts });
  });

  test('a 5xx that did not post: the check finds nothing and the post is sent once, with its metadata', async () => {
    const clock = new ManualClock(SLOT + 5_000);
    h = await startHarness({}, { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
    await seed(h, ['C0FLAKY']);
    h.fake.script('chat.postMessage', { status: 500, body: 'oops' });
    expect(await h.app.scheduler.tick()).toMatchObject({ sent: 1 });
    const calls = h.fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.method);
    expect(calls).toEqual(['chat.postMessage', 'conversations.history', 'chat.postMessage']);
    expect(h.fake.of('chat.postMessage')[1]!.args.metadata).toEqual({ event_type: 'tutor_quiz_post', event_payload: { post_key: `C0FLAKY:${SLOT_ISO}` } });
    expect(quizKeys(h, 'C0FLAKY')).toHaveLength(1);
  });
});
