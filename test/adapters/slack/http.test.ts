/**
 * Request verification at the HTTP receiver: Slack's signature scheme (v0:timestamp:body,
 * HMAC-SHA256 with the signing secret) and a five-minute window on both sides of now.
 */
import { describe, expect, test } from 'vitest';
import { fixture, sign, SIGNING_SECRET, useHarness } from './helpers/harness.ts';

const h = useHarness();

const now = () => Math.floor(Date.now() / 1000);
const slashBody = (id: string) => new URLSearchParams({ ...fixture<Record<string, string>>('slash-command.json'), response_url: h.fake.responseUrl(id) }).toString();
const FORM = 'application/x-www-form-urlencoded';

describe('signatures and timestamps', () => {
  test('a correctly signed request is answered', async () => {
    expect(await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), response_url: h.fake.responseUrl('ok') })).toBe(200);
    expect(h.fake.responses.map((r) => r.id)).toEqual(['ok']);
  });

  test('a bad signature gets a 401 and no answer', async () => {
    expect(await h.post(slashBody('bad'), FORM, { secret: 'NotTheSigningSecret0000' })).toBe(401);
    expect(h.fake.responses).toEqual([]);
  });

  test('a body changed after signing gets a 401', async () => {
    const ts = now();
    const res = await fetch(`http://127.0.0.1:${h.adapter.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(slashBody('x'), ts, SIGNING_SECRET) },
      body: slashBody('tampered'),
    });
    expect(res.status).toBe(401);
  });

  test('a stale timestamp (6 minutes old) is rejected even with a valid signature', async () => {
    expect(await h.post(slashBody('stale'), FORM, { timestamp: now() - 6 * 60 })).toBe(401);
    expect(h.fake.responses).toEqual([]);
  });

  test('a timestamp 6 minutes in the future is rejected too (Bolt alone would accept it)', async () => {
    expect(await h.post(slashBody('future'), FORM, { timestamp: now() + 6 * 60 })).toBe(401);
    expect(h.fake.responses).toEqual([]);
    expect(h.logs.some((l) => l.level === 40 && /timestamp missing or more than 5 minutes off/.test(l.msg))).toBe(true);
  });

  test('a missing timestamp header is rejected', async () => {
    const res = await fetch(`http://127.0.0.1:${h.adapter.port}/slack/events`, { method: 'POST', headers: { 'content-type': FORM, 'x-slack-signature': 'v0=00' }, body: slashBody('none') });
    expect(res.status).toBe(401);
  });

  test('clock drift within the window (4 minutes either way) is accepted', async () => {
    expect(await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), response_url: h.fake.responseUrl('a') })).toBe(200);
    expect(await h.post(slashBody('ahead'), FORM, { timestamp: now() + 4 * 60 })).toBe(200);
    expect(await h.post(slashBody('behind'), FORM, { timestamp: now() - 4 * 60 })).toBe(200);
    await expect.poll(() => h.fake.responses.map((r) => r.id).sort()).toEqual(['a', 'ahead', 'behind']);
    await h.adapter.idle();
  });

  test("Slack's URL verification handshake is answered with the challenge", async () => {
    const body = JSON.stringify({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    const ts = now();
    const res = await fetch(`http://127.0.0.1:${h.adapter.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });
});
