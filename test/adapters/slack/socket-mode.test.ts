/**
 * Socket Mode with the bot token and app-level token only (no signing secret): the real Bolt app
 * opens its socket through apps.connections.open on the fake Slack, a `ws` server plays Slack's
 * socket (hello, an events_api envelope), and the answer arrives as chat.postMessage.
 */
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { fileURLToPath } from 'node:url';
import { createTutorApp, parseConfig, type TutorApp } from '../../../src/index.ts';
import { startSlack, type SlackAdapter } from '../../../adapters/slack/index.ts';
import { FakeSlack } from './helpers/fake-slack.ts';
import { waitFor } from '../../reliability/bot-process.ts';

const PACK_DIR = fileURLToPath(new URL('../../fixtures/pack', import.meta.url));
const APP_TOKEN = 'xapp-1-A0TUTOR01-1-abcdef';

let fake: FakeSlack;
let wss: WebSocketServer;
let socket: WebSocket | undefined;
const acks: string[] = [];
let app: TutorApp;
let adapter: SlackAdapter;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { envelope_id?: string };
      if (msg.envelope_id) acks.push(msg.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TUTOR01' } }));
  });
  fake.script('apps.connections.open', { body: { ok: true, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` } });
  const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, CONTENT_DIR: PACK_DIR, DATA_DIR: ':memory:' });
  app = await createTutorApp(config, pino({ level: 'silent' }));
  adapter = await startSlack(app);
});

afterAll(async () => {
  await adapter?.stop();
  await app?.close();
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise((r) => wss?.close(r));
  await fake?.stop();
});

describe('Slack Socket Mode', () => {
  it('starts without a signing secret: no HTTP port, the socket opened with the app token', () => {
    expect(app.config.slack?.signingSecret).toBeUndefined();
    expect(adapter.port).toBeUndefined();
    const open = fake.of('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(socket).toBeDefined();
  });

  it('acks an app_mention that arrives over the socket and answers it in the thread', async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        payload: {
          token: 'x',
          team_id: 'T0001TEST',
          api_app_id: 'A0TUTOR01',
          type: 'event_callback',
          event_id: 'EvSOCKET1',
          event_time: Math.floor(Date.now() / 1000),
          event: { type: 'app_mention', user: 'U061F7AUR', text: '<@UBOT0001> what is a volume?', ts, channel: 'CSOCKET1', event_ts: ts, team: 'T0001TEST' },
        },
      }),
    );
    await waitFor(
      () => acks.includes('env-1'),
      10_000,
      () => 'the envelope ack',
    );
    await waitFor(
      () => fake.of('chat.postMessage').some((c) => c.args.channel === 'CSOCKET1'),
      10_000,
      () => 'the answer',
    );
    const answer = fake.of('chat.postMessage').find((c) => c.args.channel === 'CSOCKET1')!;
    expect(answer.args.thread_ts).toBe(ts);
    expect(JSON.stringify(answer.args.blocks)).toMatch(/volume/i);
  });
});
