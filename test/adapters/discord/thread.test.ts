/**
 * A follow-up in a thread is resolved against the conversation of that thread, not the channel it
 * hangs off: the real discord.js client sees a public thread (type 11) in the fake's GUILD_CREATE,
 * and answers in the thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { BOT_ID, chatMessage, THREAD_ID } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function say(text: string, thread: boolean) {
  const msg = chatMessage(`<@${BOT_ID}> ${text}`, { mentionsBot: true, thread });
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.body?.nonce === `q${msg.id}`);
  return { path: sent.path, title: sent.body.embeds[0]?.title as string | undefined, reference: sent.body.message_reference?.message_id as string | undefined, id: msg.id };
}

describe('a follow-up in a thread', () => {
  it('continues the thread’s own concept, answered in the thread, while the channel keeps its own', async () => {
    expect((await say('what is a volume?', false)).title).toBe('Volumes');
    const first = await say('what is a hypervisor?', true);
    expect(first.path).toBe(`/v10/channels/${THREAD_ID}/messages`);
    expect(first.title).toBe('Hypervisor');
    const more = await say('tell me more', true);
    expect(more.path).toBe(`/v10/channels/${THREAD_ID}/messages`);
    expect(more.reference).toBe(more.id);
    expect(more.title).toBe('Hypervisor: in more depth');
    // The channel's conversation is untouched by what was said in the thread.
    expect((await say('tell me more', false)).title).toBe('Volumes: in more depth');
  });
});
