/**
 * The channel poster's errors, as the core's scheduler sees them: a permanent failure (unknown
 * channel, missing access) is not retried; a rate limit that reaches us carries its wait.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { forScheduler } from '../../../adapters/discord/errors.ts';
import { startHarness, type Harness } from './harness.ts';
import { CHANNEL_ID, MANAGER_PERMS, slash, str } from './payloads.ts';

const CHANNEL_MESSAGES = new RegExp(`^/v10/channels/${CHANNEL_ID}/messages$`);
const apiError = (status: number, raw: object = { message: 'x', code: 0 }) => new DiscordAPIError(raw as never, 0, status, 'POST', '/channels/1/messages', {});

describe('scheduled posts through the fake Discord', () => {
  // Monday 1 March 2027, 07:00 UTC = 08:00 in Berlin.
  const clock = new ManualClock('2027-03-01T07:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    // retryBaseMs 1: were the post retried, it would be retried at once (and show in the count).
    h = await startHarness({ app: { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1, retryAttempts: 4 } } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a quiz post to an unknown channel (404) fails once and is not retried', async () => {
    const set = await h.interact(
      slash('set', [str('when', 'daily'), str('timezone', 'Europe/Berlin'), str('time', '09:00')], { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }),
    );
    expect(set.body.data.embeds[0].title).toBe('Quiz scheduled');
    h.fake.fail('POST', CHANNEL_MESSAGES, 404, { times: 4, body: { message: 'Unknown Channel', code: 10003 } });

    clock.set('2027-03-01T08:00:05Z');
    expect(await h.app.scheduler.tick()).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    expect(h.fake.matching('POST', CHANNEL_MESSAGES).map((r) => r.status)).toEqual([404]);
    expect(h.logs.some((l) => l.msg === 'post failed; retrying')).toBe(false);
    expect(h.logs.find((l) => l.msg === 'quiz post failed after retries')).toMatchObject({ err: { status: 404, retryable: false } });
  });

  it('a 403 (missing access) from the poster is marked as not retryable', async () => {
    // Another channel: the first test leaves unused 404s queued for CHANNEL_ID.
    const other = '300000000000000009';
    h.fake.fail('POST', new RegExp(`^/v10/channels/${other}/messages$`), 403, { body: { message: 'Missing Access', code: 50001 } });
    const reply = await h.app.tutor.handle({ type: 'command', name: 'help', args: '' }, { platform: 'discord', userId: '1', channelId: other, direct: false, canManageChannel: false });
    await expect(h.app.posters.get('discord')!.post(other, reply)).rejects.toMatchObject({ status: 403, retryable: false });
  });
});

describe('forScheduler', () => {
  it('marks 4xx as permanent and leaves 5xx and network errors to the backoff', () => {
    for (const status of [400, 401, 403, 404]) expect(forScheduler(apiError(status))).toMatchObject({ status, retryable: false });
    for (const err of [apiError(500), apiError(408), Object.assign(new Error('reset'), { code: 'ECONNRESET' })]) {
      expect((forScheduler(err) as { retryable?: boolean }).retryable).toBeUndefined();
    }
    const html = new HTTPError(502, 'Bad Gateway', 'POST', '/channels/1/messages', {});
    expect((forScheduler(html) as { retryable?: boolean }).retryable).toBeUndefined();
  });

  it('turns a rate limit that reached us into retryAfterMs', () => {
    expect(forScheduler(apiError(429, { message: 'You are being rate limited.', retry_after: 1.5, global: false }))).toMatchObject({ retryAfterMs: 1500 });
    const limited = new RateLimitError({
      timeToReset: 2000,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: '/x',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 2000,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(forScheduler(limited)).toMatchObject({ retryAfterMs: 2000 });
    expect((forScheduler(limited) as { retryable?: boolean }).retryable).toBeUndefined();
  });
});
