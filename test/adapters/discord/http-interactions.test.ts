import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTutorApp, parseConfig, type TutorApp } from '../../../src/index.ts';
import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/index.ts';
import { startHttpServer, type HttpServer } from '../../../adapters/http/routes.ts';
import { FakeDiscord } from './fake-discord.ts';
import { FIXTURE_PACK, TOKEN } from './harness.ts';
import { APP_ID, autocomplete, buttonPress, modalSubmit, slash, str } from './payloads.ts';

/** Discord HTTP interactions: the real discord.js structures and listeners, no gateway at all. */
function keyPair(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { publicHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

const signer = keyPair();
const stranger = keyPair();

let fake: FakeDiscord;
let app: TutorApp;
let bot: DiscordAdapter;
let http: HttpServer;

const DIAGRAM_PACK = resolve(import.meta.dirname, '../../fixtures/diagram-pack');

async function start(timing: { deferAfterMs?: number } = {}, contentDir = FIXTURE_PACK) {
  const config = parseConfig({
    CONTENT_DIR: contentDir,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: signer.publicHex,
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'silent',
  });
  const a = await createTutorApp(config, pino({ level: 'silent' }));
  const b = await startDiscord(a, { retryDelaysMs: [50], ...timing });
  const s = await startHttpServer(b.routes ?? [], { port: 0, host: '127.0.0.1' }, a.logger);
  return { a, b, s };
}

function post(server: HttpServer, payload: unknown, opts: { key?: KeyObject; at?: number; signature?: string | null } = {}) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor((opts.at ?? Date.now()) / 1000));
  const signature = opts.signature === null ? undefined : (opts.signature ?? sign(null, Buffer.from(timestamp + body), opts.key ?? signer.privateKey).toString('hex'));
  return fetch(`http://127.0.0.1:${server.port}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, ...(signature ? { 'x-signature-ed25519': signature } : {}) },
    body,
  });
}

beforeAll(async () => {
  fake = await new FakeDiscord().listen();
  ({ a: app, b: bot, s: http } = await start());
});

afterAll(async () => {
  await http?.close();
  await bot?.stop();
  await app?.close();
  await fake?.close();
});

describe('POST /discord/interactions', () => {
  it('answers a signed PING with PONG', async () => {
    const res = await post(http, { id: '1', type: 1, application_id: APP_ID, token: 't', version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('refuses a bad signature, a missing one and a timestamp more than 5 minutes off with 401', async () => {
    const ping = { id: '1', type: 1, application_id: APP_ID, token: 't', version: 1 };
    const wrongKey = await post(http, ping, { key: stranger.privateKey });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.text()).toContain('bad signature');
    expect((await post(http, ping, { signature: null })).status).toBe(401);
    expect((await post(http, ping, { signature: 'ab'.repeat(64) })).status).toBe(401);
    const stale = await post(http, ping, { at: Date.now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(await stale.text()).toContain('stale timestamp');
    expect((await post(http, ping, { at: Date.now() + 6 * 60_000 })).status).toBe(401);
    // A body changed after signing fails too.
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = sign(null, Buffer.from(ts + JSON.stringify(ping)), signer.privateKey).toString('hex');
    const tampered = await fetch(`http://127.0.0.1:${http.port}/discord/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
      body: JSON.stringify({ ...ping, type: 2 }),
    });
    expect(tampered.status).toBe(401);
  });

  it('answers a signed /tutor ask in the HTTP response, with no gateway connection at all', async () => {
    const res = await post(http, slash('ask', [str('question', 'what is a volume?')]));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].title).toBe('Volumes');
    expect(body.data.flags).toBe(64);
    expect(body.data.components[0].components.map((c: { custom_id: string }) => c.custom_id)).toContain('m:volume');
    // The first response went back over HTTP only, never to the callback endpoint; nothing touched the gateway.
    expect(fake.requests.filter((r) => r.path.includes('/callback'))).toEqual([]);
    expect(fake.requests.filter((r) => r.path.includes('/gateway'))).toEqual([]);
    expect(fake.connections).toEqual([]);
  });

  it('handles autocomplete, button clicks and modals through the same listeners', async () => {
    const ac = await (await post(http, autocomplete('explain', [str('concept', 'vol', true)]))).json();
    expect(ac.type).toBe(8);
    expect(ac.data.choices[0]).toEqual({ name: 'Volumes', value: 'volume' });
    const click = await (await post(http, buttonPress('m:volume', { ephemeral: true }))).json();
    // Explain more on a private message continues it in place (UPDATE_MESSAGE).
    expect(click.type).toBe(7);
    expect(click.data.embeds[0].title).toBe('Volumes: in more depth');
    // 👎 asks what was missing: a modal must be the first response (MODAL).
    const thumbsDown = await (await post(http, buttonPress('f:volume:d'))).json();
    expect(thumbsDown.type).toBe(9);
    expect(thumbsDown.data.custom_id).toBe('g:volume');
    const submitted = await (await post(http, modalSubmit('g:volume', 'note', 'how volumes are backed up'))).json();
    expect(submitted.type).toBe(4);
    expect(submitted.data.embeds[0].description).toContain('Thanks for telling me');
  });
});

describe('an answer with a diagram', () => {
  it('defers over HTTP (Discord refuses multipart there), then edits the answer in with the PNG through REST', async () => {
    const pics = await start({}, DIAGRAM_PACK);
    try {
      const payload = slash('explain', [str('concept', 'writable layer')]);
      const res = await post(pics.s, payload);
      const first = await res.json();
      expect(first.type).toBe(5);
      const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${payload.token}/messages/@original`, 10_000, 'the edit with the picture');
      expect(String(edit.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
      expect(edit.body.embeds[0].title).toBe('Writable layer');
      expect(edit.files[0]).toMatchObject({ filename: 'layers.png' });
      expect(fake.requests.filter((r) => r.path.includes('/callback'))).toEqual([]);
    } finally {
      await pics.s.close();
      await pics.b.stop();
      await pics.a.close();
    }
  });
});

describe('a slow answer', () => {
  it('defers over HTTP, then edits the answer in through REST with the bot token', async () => {
    const slow = await start({ deferAfterMs: 0 });
    try {
      const payload = slash('ask', [str('question', 'what is a volume?')]);
      const res = await post(slow.s, payload);
      expect(await res.json()).toEqual({ type: 5, data: { flags: 64 } });
      const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${payload.token}/messages/@original`, 10_000, 'the deferred edit');
      expect(edit.body.embeds[0].title).toBe('Volumes');
      expect(fake.connections).toEqual([]);
    } finally {
      await slow.s.close();
      await slow.b.stop();
      await slow.a.close();
    }
  });
});
