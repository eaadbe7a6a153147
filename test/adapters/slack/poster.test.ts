/**
 * Scheduled posts when Slack says no. The core's scheduler owns the retries (withRetry): the
 * poster marks errors it must not retry (`retryable: false`) and passes rate limits on as
 * `retryAfterMs`, and its Web API client does not retry on its own underneath.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z'); // a Monday; Berlin is UTC+1
/** What the scheduler waited between attempts (its sleep is replaced, so nothing really waits). */
const sleeps: number[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SLACK_ADMIN_USERS: 'U0MANAGER' }, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 5, sleep: async (ms) => void sleeps.push(ms) } });
  // One channel per case, each due at its own hour, so each tick posts exactly one quiz.
  for (const [channel, hour] of [
    ['C0GONE', '09'],
    ['C0BUSY', '10'],
    ['C0FLAKY', '11'],
  ] as const) {
    await h.slash({
      ...fixture<Record<string, string>>('slash-command.json'),
      channel_id: channel,
      user_id: 'U0MANAGER',
      text: `schedule daily ${hour}:00 Europe/Berlin`,
      response_url: h.fake.responseUrl(channel),
    });
  }
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.calls.length = 0;
  h.logs.length = 0;
  sleeps.length = 0;
});

describe('scheduled quiz posts', () => {
  test('channel_not_found is permanent: the post is attempted once and marked failed', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    clock.set('2027-03-01T08:00:30Z');
    const report = await h.app.scheduler.tick();
    expect(report).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    expect(h.fake.of('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0GONE']);
    expect(sleeps).toEqual([]);
    expect(h.logs.some((l) => l.msg === 'post failed; retrying')).toBe(false);
  });

  test("a rate limit is retried by the scheduler after Slack's Retry-After, not sooner", async () => {
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    clock.set('2027-03-01T09:00:30Z');
    expect(await h.app.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(h.fake.of('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0BUSY', 'C0BUSY']);
    expect(sleeps).toEqual([7000]);
  });

  test('a 5xx is retried by the scheduler only: one request per attempt, no client retry underneath', async () => {
    h.fake.script('chat.postMessage', { status: 503, body: 'busy' });
    clock.set('2027-03-01T10:00:30Z');
    expect(await h.app.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(h.fake.of('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0FLAKY', 'C0FLAKY']);
    expect(sleeps).toEqual([5]); // the scheduler's own backoff
  });
});

describe('the errors the poster throws', () => {
  const reply = () => h.app.tutor.handle({ type: 'text', text: 'hypervisor' }, { platform: 'slack', userId: 'U1', channelId: 'C1' });
  const failure = async () => {
    const poster = h.app.posters.get('slack')!;
    return (await poster.post('C0X', await reply()).catch((err: unknown) => err)) as { retryable?: boolean; retryAfterMs?: number };
  };

  test.each(['not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'missing_scope'])('%s is marked not retryable', async (error) => {
    h.fake.script('chat.postMessage', { body: { ok: false, error } });
    expect(await failure()).toMatchObject({ retryable: false });
    expect(h.fake.of('chat.postMessage')).toHaveLength(1);
  });

  test('rejected content is marked not retryable once every simpler rendering was refused too', async () => {
    const no = { body: { ok: false, error: 'invalid_blocks' } };
    h.fake.script('chat.postMessage', no, no, no);
    expect(await failure()).toMatchObject({ retryable: false });
  });

  test('an unknown error stays retryable', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    const err = await failure();
    expect(err.retryable).toBeUndefined();
    expect(err.retryAfterMs).toBeUndefined();
  });
});
