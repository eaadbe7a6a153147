/**
 * Scheduled Discord posts: each carries a nonce from its post key (enforce_nonce), a claim left
 * unconfirmed by a crashed process is found in the channel instead of being posted again, and a
 * channel rate-limited for minutes does not hold up the others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { nonceFor } from '../../../adapters/discord/poster.ts';
import { startHarness, type Harness } from './harness.ts';

// Real, recent instants: Discord's message ids (and the fake's history) follow the real clock.
const SLOT = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
const ISO = new Date(SLOT).toISOString();
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function seed(h: Harness, channels: string[]) {
  for (const channelId of channels) {
    await h.app.store.putSchedule({ platform: 'discord', channelId, label: 'daily', cron: '0 9 * * *', zone: 'UTC', nextRunAt: SLOT, updatedBy: '1', updatedAt: SLOT });
  }
}
const posts = (h: Harness, channel: string) => h.fake.matching('POST', new RegExp(`^/v10/channels/${channel}/messages$`)).filter((r) => r.status === 200);

describe('scheduled Discord posts, exactly once', () => {
  it('send a nonce derived from the post key, with enforce_nonce', async () => {
    h = await startHarness({ app: { clock: new ManualClock(SLOT + 5000), scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
    await seed(h, ['400000000000000001']);
    expect(await h.app.scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    const [req] = posts(h, '400000000000000001');
    expect(req!.body).toMatchObject({ nonce: nonceFor(`400000000000000001:${ISO}`), enforce_nonce: true });
    expect(req!.body.nonce).toHaveLength(25);
  });

  it('a claim a crashed process left unconfirmed is found in the channel and not posted again', async () => {
    const clock = new ManualClock(SLOT + 5000);
    h = await startHarness({ app: { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1, staleClaimMs: 60_000 } } });
    const channelId = '400000000000000002';
    await seed(h, [channelId]);
    const s = (await h.app.store.getSchedule({ platform: 'discord', channelId }))!;
    // The crashed process claimed the slot and posted it; it died before recording that.
    const claim = (await h.app.store.claimPost({
      platform: 'discord',
      channelId,
      slotAt: SLOT,
      zone: 'UTC',
      itemId: 'containers-vs-vms-q1',
      conceptId: 'containers-vs-vms',
      claimedAt: SLOT + 1000,
      claimedBy: 'crashed-process',
      closesAt: SLOT + 86_400_000,
      expectedNextRunAt: s.nextRunAt,
      nextRunAt: SLOT + 86_400_000,
    }))!;
    expect(claim.status).toBe('claimed');
    const { messageId } = await h.app.posters.get('discord')!.post(channelId, (await h.app.quiz.postReply(claim))!, { postKey: `${channelId}:${ISO}` });

    clock.set(SLOT + 5000 + 30_000);
    expect(await h.app.scheduler.tick()).toMatchObject({ recovered: 0, sent: 0 }); // the lease has not run out
    clock.set(SLOT + 5000 + 120_000);
    expect(await h.app.scheduler.tick()).toMatchObject({ recovered: 1, sent: 1 });
    expect(posts(h, channelId)).toHaveLength(1);
    expect(h.fake.matching('GET', new RegExp(`^/v10/channels/${channelId}/messages$`))).toHaveLength(1);
    expect(await h.app.store.getPost(claim.id)).toMatchObject({ status: 'sent', messageId });
  });

  it('4 channels rate-limited for 300 s do not hold up 20 healthy ones', async () => {
    const waits: number[] = [];
    h = await startHarness({ app: { clock: new ManualClock(SLOT + 5000), scheduler: { perChannelIntervalMs: 0, retryAttempts: 2, sleep: async (ms) => void waits.push(ms) } } });
    const limited = ['410000000000000001', '410000000000000002', '410000000000000003', '410000000000000004'];
    const healthy = Array.from({ length: 20 }, (_, i) => `42000000000000${String(i).padStart(4, '0')}`);
    h.logs.length = 0;
    for (const c of limited)
      h.fake.fail('POST', new RegExp(`^/v10/channels/${c}/messages$`), 429, {
        times: 10,
        headers: { 'retry-after': '300' },
        body: { message: 'You are being rate limited.', retry_after: 300, global: false },
      });
    await seed(h, [...limited, ...healthy]);
    const started = Date.now();
    const report = await h.app.scheduler.tick();
    const ms = Date.now() - started;
    expect(report).toMatchObject({ claimed: 24, sent: 20, failed: 4 });
    expect(healthy.every((c) => posts(h!, c).length === 1)).toBe(true);
    // discord.js did not sit out the 300 s: the scheduler was told to wait, per channel.
    expect(waits).toEqual(limited.map(() => expect.any(Number)));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(290_000);
    for (const c of limited) expect(h.logs.some((l) => l.msg === 'post failed; retrying' && l.channelId === c)).toBe(true);
    expect(ms).toBeLessThan(25_000);
  });
});
