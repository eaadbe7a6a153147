/**
 * Slow answers (defer, then edit), REST failures (500), rate limits (429) and a gateway reconnect:
 * handled without crashing and without dropping the question.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTutorApp, parseConfig, type Requester } from '../../../src/index.ts';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { renderFor } from '../../../adapters/discord/respond.ts';
import { toMessageBody } from '../../../adapters/discord/render/index.ts';
import { FakeDiscord } from './fake-discord.ts';
import { FIXTURE_PACK, startHarness, TOKEN, waitForLog, type Harness } from './harness.ts';
import { APP_ID, BOT_ID, buttonPress, CHANNEL_ID, chatMessage, GUILD_ID, slash, str, USER_ID } from './payloads.ts';

const inGuild: Requester = { platform: 'discord', userId: USER_ID, channelId: CHANNEL_ID, workspaceId: GUILD_ID, direct: false, canManageChannel: false };
const CHANNEL_MESSAGES = new RegExp(`^/v10/channels/${CHANNEL_ID}/messages$`);
const CALLBACK = /^\/v10\/interactions\/\d+\/[^/]+\/callback$/;

describe('slow answers: defer first, then edit', () => {
  let h: Harness;
  beforeAll(async () => {
    // deferAfterMs 0 takes the slow path every time, whatever the core's speed.
    h = await startHarness({ timing: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a command is deferred privately (type 5, ephemeral) and the answer edits @original', async () => {
    const i = slash('ask', [str('question', 'what is a hypervisor')]);
    const cb = await h.interact(i);
    expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${i.token}/messages/@original`);
    const reply = await h.app.tutor.handle({ type: 'command', name: 'ask', args: 'what is a hypervisor' }, inGuild);
    expect(edit.body).toEqual({ tts: false, enforce_nonce: false, ...toMessageBody(renderFor(reply, true)[0]) });
    expect(edit.body.embeds[0].title).toBe('Hypervisor');
    expect(h.fake.requests.indexOf(cb)).toBeLessThan(h.fake.requests.indexOf(edit));
  });

  it('a slow leaderboard is deferred privately, like its quick answer', async () => {
    const i = slash('leaderboard');
    expect((await h.interact(i)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${i.token}/messages/@original`);
    expect(edit.body.embeds[0].title).toMatch(/^Leaderboard/);
  });

  it('Share from a private answer defers an update: the copy becomes a note, the answer a public follow-up; paging defers an update (type 6)', async () => {
    const share = buttonPress('s:hypervisor', { ephemeral: true });
    expect((await h.interact(share)).body).toEqual({ type: 6 });
    const note = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${share.token}/messages/@original`));
    expect(note.body).toMatchObject({ content: `Shared in <#${share.channel_id}>`, embeds: [], components: [] });
    const shared = await h.fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/${share.token}`));
    expect(shared.body.embeds[0].title).toBe('Hypervisor');
    expect(shared.body.flags ?? 0).toBe(0);
    expect(shared.body.components.flatMap((r: any) => r.components).some((b: any) => String(b.custom_id).startsWith('s:'))).toBe(false);

    const page = buttonPress('t:1', { ephemeral: true });
    expect((await h.interact(page)).body).toEqual({ type: 6 });
    const paged = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${page.token}/messages/@original`));
    expect(paged.body.embeds[0].title).toBe('Topics (page 1 of 1)');
  });

  it('a 👎 whose modal can no longer open (the answer was deferred) gets a clear "try again", not silence', async () => {
    const i = buttonPress('f:volume:d');
    expect((await h.interact(i)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${i.token}/messages/@original`));
    expect(edit.body.embeds[0].title).toBe('Please try again');
  });

  it('a public deferral whose answer is for the asker: ephemeral follow-up, then the placeholder is deleted', async () => {
    // Share defers publicly (its answer is normally for the channel); sharing a topic that no
    // longer exists gets a notice meant only for the asker.
    const i = buttonPress('s:no-such-topic');
    expect((await h.interact(i)).body).toEqual({ type: 5, data: { flags: 0 } });
    const del = await h.fake.waitFor((r) => r.method === 'DELETE' && r.path.includes(`/${i.token}/`));
    const reply = await h.app.tutor.handle({ type: 'action', action: 's:no-such-topic' }, inGuild);
    expect(reply.audience).toBe('requester');
    const after = h.fake.requests.filter((r) => r.path.includes(`/${i.token}`));
    expect(after.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /v10/interactions/${i.id}/${i.token}/callback 204`,
      `POST /v10/webhooks/${APP_ID}/${i.token} 200`,
      `DELETE /v10/webhooks/${APP_ID}/${i.token}/messages/@original 204`,
    ]);
    expect(after[1]!.body).toEqual({ tts: false, enforce_nonce: false, flags: 64, ...toMessageBody(renderFor(reply, true)[0]) });
    expect(after[1]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(after[1]!.body.embeds[0].title).toBe('Topic removed');
    expect(del).toBe(after[2]);
  });

  it('a placeholder that cannot be deleted is logged as a warning; the answer was already sent', async () => {
    h.fake.fail('DELETE', /\/messages\/@original$/, 404, { body: { message: 'Unknown Message', code: 10008 } });
    const i = buttonPress('s:gone-too');
    await h.interact(i);
    await h.fake.waitFor((r) => r.method === 'DELETE' && r.path.includes(`/${i.token}/`));
    expect(h.fake.matching('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`))[0]?.body.flags).toBe(64);
    const warn = await waitForLog(h, (l) => l.msg === 'could not delete the public placeholder' && l.interaction === i.id);
    expect(warn.level).toBe(40);
  });

  it('an edit that keeps failing with 500 is retried until it goes through', async () => {
    // discord.js itself tries 4 times; the adapter then retries the whole edit.
    h.fake.fail('PATCH', /\/messages\/@original$/, 500, { times: 5 });
    const i = slash('topics');
    await h.interact(i);
    const ok = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${i.token}/`) && r.status === 200);
    const attempts = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${i.token}/`));
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    for (const a of attempts) expect(a.body).toEqual(ok.body);
    await waitForLog(h, (l) => l.msg === 'edit deferred reply failed; retrying');
  });
});

describe('REST errors and rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a 500 on the interaction callback is retried with the same body', async () => {
    h.fake.fail('POST', CALLBACK, 500);
    const i = slash('explain', [str('concept', 'volume')]);
    const ok = await h.interact(i);
    const attempts = h.fake.matching('POST', CALLBACK).filter((r) => r.path.includes(i.id));
    expect(attempts.map((r) => r.status)).toEqual([500, 204]);
    expect(attempts[0]!.body).toEqual(ok.body);
    expect(ok.body.data.embeds[0].title).toBe('Volumes');
  });

  it('a 429 waits for retry_after and then sends the answer once', async () => {
    h.fake.fail('POST', CHANNEL_MESSAGES, 429, {
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1', 'x-ratelimit-bucket': 'fake-bucket' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: false },
    });
    const m = chatMessage(`<@${BOT_ID}> what is a volume?`, { mentionsBot: true });
    h.fake.dispatch('MESSAGE_CREATE', m);
    const ok = await h.fake.waitFor((r) => r.body?.message_reference?.message_id === m.id && r.status === 200);
    const attempts = h.fake.matching('POST', CHANNEL_MESSAGES).filter((r) => r.body?.message_reference?.message_id === m.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[0]!.body).toEqual(ok.body);
    expect(ok.body.nonce).toBe(`q${m.id}`);
  });

  it('a reply that fails with 500 beyond discord.js retries is retried by the adapter with the same nonce', async () => {
    h.fake.fail('POST', CHANNEL_MESSAGES, 500, { times: 5 });
    const m = chatMessage(`<@${BOT_ID}> tell me about hypervisors`, { mentionsBot: true });
    h.fake.dispatch('MESSAGE_CREATE', m);
    await h.fake.waitFor((r) => r.body?.message_reference?.message_id === m.id && r.status === 200);
    const attempts = h.fake.matching('POST', CHANNEL_MESSAGES).filter((r) => r.body?.message_reference?.message_id === m.id);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(new Set(attempts.map((r) => r.body.nonce))).toEqual(new Set([`q${m.id}`]));
    expect(attempts.every((r) => r.body.enforce_nonce === true)).toBe(true);
    await waitForLog(h, (l) => l.msg === 'reply to message failed; retrying');
  });

  it('a callback that never succeeds is logged, and the bot keeps answering', async () => {
    h.fake.fail('POST', CALLBACK, 503, { times: 4 });
    const lost = slash('topics');
    h.fake.dispatch('INTERACTION_CREATE', lost);
    const log = await waitForLog(h, (l) => l.msg === 'could not answer the interaction' && l.interaction === lost.id);
    expect(log.level).toBe(50);
    const next = await h.interact(slash('topics'));
    expect(next.body.data.embeds[0].title).toBe('Topics (page 1 of 1)');
  });
});

describe('gateway reconnect', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('resumes the session and answers a question that arrived while disconnected', async () => {
    const ready = h.fake.gatewayFrames.find((f) => f.op === 2);
    expect(ready).toBeDefined();
    const framesBefore = h.fake.gatewayFrames.length;
    h.fake.dropGateway(4000);
    const m = chatMessage(`<@${BOT_ID}> what is a volume?`, { mentionsBot: true });
    h.fake.dispatch('MESSAGE_CREATE', m); // kept by the fake and replayed after RESUME

    const resume = await h.fake.waitForFrame(6, framesBefore);
    expect(resume.path).toBe('/resume');
    expect(resume.d).toEqual({ token: 'test-bot-token-0123456789abcdef', session_id: expect.stringMatching(/^session-/), seq: expect.any(Number) });
    expect(h.fake.connections.at(-1)).toEqual({ path: '/resume', query: { v: '10', encoding: 'json' } });

    const sent = await h.fake.waitFor((r) => r.body?.message_reference?.message_id === m.id);
    expect(sent.status).toBe(200);
    expect(sent.body.embeds[0].title).toBe('Volumes');
    await waitForLog(h, (l) => l.msg === 'gateway resumed');

    // And new interactions after the resume are answered as usual.
    const cb = await h.interact(slash('explain', [str('concept', 'hypervisor')]));
    expect(cb.body.data.embeds[0].title).toBe('Hypervisor');
    // No second IDENTIFY: the session was resumed, not restarted.
    expect(h.fake.gatewayFrames.filter((f) => f.op === 2)).toHaveLength(1);
  });
});

describe('startup', () => {
  it('gives up with a clear error when the gateway never sends READY', async () => {
    const fake = await new FakeDiscord().listen();
    fake.sendReady = false;
    const config = parseConfig({ CONTENT_DIR: FIXTURE_PACK, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, DATA_DIR: ':memory:' });
    const app = await createTutorApp(config, pino({ level: 'silent' }));
    try {
      const started = Date.now();
      await expect(startDiscord(app, { readyTimeoutMs: 500 })).rejects.toThrow(/^Discord did not become ready within 0.5 s/);
      // The timeout plus at most the bounded wait for destroy(), not discord.js's endless retries.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(fake.gatewayFrames.some((f) => f.op === 2)).toBe(true); // it did identify; READY just never came
      expect(app.posters.has('discord')).toBe(false);
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
