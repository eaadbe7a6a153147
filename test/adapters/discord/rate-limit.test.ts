/**
 * An interaction's first response never waits behind a rate limit past Discord's 3 s: when the
 * callback route answers 429, the adapter waits only if the limit ends in time, sends a bare
 * deferral, and edits the answer in through the webhook. The real discord.js against the fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForLog, type Harness } from './harness.ts';
import { APP_ID, buttonPress, slash, str } from './payloads.ts';

const CALLBACK = /^\/v10\/interactions\/\d+\/[^/]+\/callback$/;
const limited = (seconds: number) => ({
  headers: {
    'retry-after': String(seconds),
    'x-ratelimit-scope': 'user',
    'x-ratelimit-limit': '1',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(seconds),
    'x-ratelimit-bucket': 'cb-bucket',
  },
  body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a rate-limited interaction callback', () => {
  it('a short limit: waits it out, defers (type 5), then edits the answer in', async () => {
    h.fake.fail('POST', CALLBACK, 429, limited(0.5));
    const i = slash('explain', [str('concept', 'volume')]);
    const cb = await h.interact(i);
    const attempts = h.fake.matching('POST', CALLBACK).filter((r) => r.path.includes(`/${i.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    // The retry is the smallest callback there is: a deferral, not the whole answer again.
    expect(cb.body.type).toBe(5);
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${i.token}/messages/@original`);
    expect(edit.body.embeds[0].title).toBe('Volumes');
    await waitForLog(h, (l) => l.msg === 'interaction callback rate-limited; deferring once the limit ends');
  });

  it('a click continuing a private answer defers as an update (type 6), then edits the message', async () => {
    h.fake.fail('POST', CALLBACK, 429, limited(0.5));
    const press = buttonPress('t:1', { ephemeral: true });
    const cb = await h.interact(press);
    expect(cb.body.type).toBe(6);
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${press.token}/messages/@original`);
    expect(edit.body.embeds[0].title).toMatch(/^Topics/);
  });

  it('a limit longer than the deadline: no late callback is sent, and it is logged', async () => {
    h.fake.fail('POST', CALLBACK, 429, limited(5));
    const i = slash('explain', [str('concept', 'hypervisor')]);
    h.fake.dispatch('INTERACTION_CREATE', i);
    await waitForLog(h, (l) => l.msg === 'interaction callback rate-limited past the 3 s deadline; not answered');
    await new Promise((r) => setTimeout(r, 300));
    const attempts = h.fake.matching('POST', CALLBACK).filter((r) => r.path.includes(`/${i.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429]);
  });
});

describe('a rate-limited deferral of a slow answer', () => {
  let slow: Harness;
  beforeAll(async () => {
    // deferAfterMs 0: every answer takes the deferred path.
    slow = await startHarness({ timing: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('is sent again once the limit ends, then the answer is edited in', async () => {
    slow.fake.fail('POST', CALLBACK, 429, limited(0.5));
    const i = slash('explain', [str('concept', 'volume')]);
    const cb = await slow.interact(i);
    expect(cb.body.type).toBe(5);
    const attempts = slow.fake.matching('POST', CALLBACK).filter((r) => r.path.includes(`/${i.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    const edit = await slow.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${i.token}/messages/@original`);
    expect(edit.body.embeds[0].title).toBe('Volumes');
  });
});
