/**
 * An answer whose post Slack accepted but answered too slowly (past PLATFORM_TIMEOUT_SECONDS), or
 * answered with a 5xx: the outcome is unknown, so the bot sends nothing more (no client retry, no
 * other way, no apology). Every request gets exactly one message.
 */
import { afterEach, expect, it } from 'vitest';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

let h: Harness | undefined;
let release: () => void = () => {};
afterEach(async () => {
  release();
  await h?.close();
  h = undefined;
});

const held = () => new Promise<void>((r) => (release = r));
const mention = (id: string) => {
  const env = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  return { ...env, event_id: id, event: { ...env.event, text: '<@UBOT0001> what is a volume?' } };
};
const messagesOf = (h: Harness) => h.fake.posts.length + h.fake.responses.length;

it('chat.postMessage taken by Slack but answered after the timeout: one message, logged with the question', async () => {
  h = await startHarness({ PLATFORM_TIMEOUT_SECONDS: '1' });
  h.fake.script('chat.postMessage', { commit: true, hold: held(), body: { ok: true, ts: '1515449600.000001' } });
  expect(await h.event(mention('EvSlow1'))).toBe(200);
  const channel = String((mention('x').event as { channel?: string }).channel);
  expect(h.fake.history.get(channel)).toHaveLength(1);
  expect(h.fake.posts.map((c) => c.method)).toEqual(['chat.postMessage']);
  const line = h.logs.find((l) => /may not have reached Slack/.test(l.msg));
  expect(line).toMatchObject({ question: 'what is a volume?' });
});

it('chat.postMessage taken by Slack but answered with a 500: no retry, no apology', async () => {
  h = await startHarness({ PLATFORM_TIMEOUT_SECONDS: '1' });
  h.fake.script('chat.postMessage', { commit: true, status: 500, body: 'oops' });
  expect(await h.event(mention('EvSlow2'))).toBe(200);
  expect(h.fake.posts.map((c) => c.method)).toEqual(['chat.postMessage']);
  expect(messagesOf(h)).toBe(1);
});

it('a response_url post taken but answered after the timeout: one message, no ephemeral fallback', async () => {
  h = await startHarness({ PLATFORM_TIMEOUT_SECONDS: '1' });
  h.fake.script('respond:slow', { hold: held(), body: 'ok' });
  const fields = { ...fixture<Record<string, string>>('slash-command.json'), text: 'explain volume', response_url: h.fake.responseUrl('slow') };
  expect(await h.slash(fields)).toBe(200);
  expect(h.fake.responses.map((r) => r.id)).toEqual(['slow']);
  expect(h.fake.posts).toEqual([]);
  expect(h.logs.some((l) => /may not have reached Slack/.test(l.msg) && l.target === 'response_url')).toBe(true);
});
