/**
 * DM channels do not pile up in discord.js's channel cache: a periodic sweep drops them, and a DM
 * after the sweep is still answered (the Channel partial rebuilds the channel from the event).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitUntil, type Harness } from './harness.ts';
import { chatMessage, HUMAN } from './payloads.ts';

const dmChannelCount = (h: Harness) => h.bot.client.channels.cache.filter((c) => c.isDMBased()).size;

/** A DM from user `n` in that user's own DM channel. */
function dmFrom(n: number, text: string) {
  const author = { ...HUMAN, id: `41000000000000000${n}`, username: `user${n}` };
  return { ...chatMessage(text, { dm: true, author }), channel_id: `31000000000000000${n}` };
}

describe('DM channel cache', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ timing: { dmSweepMs: 200 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const answered = (m: { id: string; channel_id: string }) =>
    h.fake.waitFor((r) => r.method === 'POST' && r.path === `/v10/channels/${m.channel_id}/messages` && r.body?.nonce === `q${m.id}` && r.status === 200);

  it('DMs from 3 users are answered and their channels are swept from the cache', async () => {
    const dms = [1, 2, 3].map((n) => dmFrom(n, 'what is a hypervisor'));
    for (const m of dms) h.fake.dispatch('MESSAGE_CREATE', m);
    for (const m of dms) expect((await answered(m)).body.embeds[0].title).toBe('Hypervisor');
    await waitUntil(
      () => dmChannelCount(h) === 0,
      () => 'an empty DM cache',
    );
    // They had been cached (that is what the sweep dropped), and server channels are kept.
    expect(h.logs.filter((l) => l.msg === 'dropped cached DM channels').reduce((n, l) => n + Number(l.dropped), 0)).toBeGreaterThanOrEqual(3);
    expect(h.bot.client.channels.cache.filter((c) => !c.isDMBased()).size).toBeGreaterThan(0);
  });

  it('a DM after the sweep is still answered', async () => {
    const m = dmFrom(1, 'what is a volume?');
    h.fake.dispatch('MESSAGE_CREATE', m);
    expect((await answered(m)).body.embeds[0].title).toBe('Volumes');
    await waitUntil(
      () => dmChannelCount(h) === 0,
      () => 'an empty DM cache again',
    );
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
