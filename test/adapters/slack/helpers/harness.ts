/**
 * Starts the real thing for a test: the core (fixture pack), the Slack adapter with Bolt's HTTP
 * receiver on 127.0.0.1, and the fake Slack API it talks to. Requests are signed like Slack's.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { createTutorApp, parseConfig, type AppOptions, type Clock, type TutorApp } from '../../../../src/index.ts';
import { startSlack, type SlackAdapter, type SlackStartOptions } from '../../../../adapters/slack/index.ts';
import { FakeSlack, SIGNING_SECRET } from './fake-slack.ts';

export { SIGNING_SECRET };
const PACK_DIR = fileURLToPath(new URL('../../../fixtures/pack', import.meta.url));

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeSlack;
  app: TutorApp;
  adapter: SlackAdapter;
  logs: LogLine[];
  /** POST a raw body to /slack/events, signed unless told otherwise. Resolves with the HTTP status. */
  post(body: string, contentType: string, opts?: SignOptions): Promise<number>;
  /** A slash command (form fields), an Events API envelope, or an interactivity payload; waits until its work is done. */
  slash(fields: Record<string, string>): Promise<number>;
  event(envelope: unknown): Promise<number>;
  click(payload: unknown): Promise<number>;
  close(): Promise<void>;
}

interface SignOptions {
  /** Unix seconds. Default: now. */
  timestamp?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  /** Extra headers, e.g. x-slack-retry-num on a re-sent event. */
  headers?: Record<string, string>;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * The harness of the channel-management tests: U0MANAGER may manage channels, a channel's posts
 * go out without spacing, retries are quick, and the quiz always picks its first item.
 */
export function startManagerHarness(clock: Clock): Promise<Harness> {
  return startHarness({ SLACK_ADMIN_USERS: 'U0MANAGER' }, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });
}

/** `/tutor <text>` from `user`, with a response_url of its own. */
export function slashAs(h: Harness, user: string, text: string): Promise<number> {
  return h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: user, text, response_url: h.fake.responseUrl(`${user}-${text}-${Math.random()}`) });
}

export async function startHarness(env: Record<string, string> = {}, appOptions: AppOptions = {}, slackOptions: Omit<SlackStartOptions, 'listen'> = {}): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    CONTENT_DIR: PACK_DIR,
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const app = await createTutorApp(config, logger, {}, appOptions);
  const adapter = await startSlack(app, { ...slackOptions, listen: { port: 0, host: '127.0.0.1' } });
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;

  const post = async (body: string, contentType: string, opts: SignOptions = {}) => {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, opts.secret), ...opts.headers },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };
  /** Send, then wait for the work the request started (not for a fixed time). */
  const settled = async (send: () => Promise<number>) => {
    const before = adapter.started;
    const status = await send();
    if (status === 200) await vi.waitFor(() => expect(adapter.started).toBeGreaterThan(before), { timeout: 5000, interval: 5 });
    await adapter.idle();
    return status;
  };

  return {
    fake,
    app,
    adapter,
    logs,
    post,
    slash: (fields) => settled(() => post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded')),
    event: (envelope) => settled(() => post(JSON.stringify(envelope), 'application/json')),
    click: (payload) => settled(() => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded')),
    async close() {
      await adapter.stop();
      await app.close();
      await fake.stop();
    },
  };
}

/**
 * One harness for a whole test file: started before the first test, closed after the last, and
 * its recordings cleared before each test. The proxy lets tests write `h.fake` as if it were the
 * harness itself although it only exists once beforeAll has run.
 */
export function useHarness(env: Record<string, string> = {}, appOptions: AppOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(env, appOptions);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current!.fake.calls.length = 0;
    current!.fake.responses.length = 0;
    current!.fake.uploads.length = 0;
    current!.logs.length = 0;
  });
  return new Proxy({} as Harness, { get: (_, key) => Reflect.get(current!, key) });
}
