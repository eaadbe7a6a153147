import { resolve } from 'node:path';
import { pino } from 'pino';
import { createTutorApp, parseConfig, type AppOptions, type TutorApp } from '../../../src/index.ts';
import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/index.ts';
import type { DiscordTiming } from '../../../adapters/discord/context.ts';
import { FakeDiscord, type RecordedRequest } from './fake-discord.ts';
import { APP_ID } from './payloads.ts';

export const TOKEN = 'test-bot-token-0123456789abcdef';
export const FIXTURE_PACK = resolve(import.meta.dirname, '../../fixtures/pack');

export interface Harness {
  fake: FakeDiscord;
  app: TutorApp;
  bot: DiscordAdapter;
  logs: { level: number; msg: string; [k: string]: unknown }[];
  /** Dispatch an interaction and wait for its callback (POST /interactions/{id}/{token}/callback). */
  interact(payload: { id: string; token: string }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** The real app and the real discord.js client, talking to the fake Discord. */
export async function startHarness(opts: { timing?: Partial<DiscordTiming>; env?: Record<string, string>; app?: AppOptions } = {}): Promise<Harness> {
  const fake = await new FakeDiscord().listen();
  const logs: Harness['logs'] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = parseConfig({ CONTENT_DIR: FIXTURE_PACK, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, DATA_DIR: ':memory:', LOG_LEVEL: 'debug', ...opts.env });
  const app = await createTutorApp(config, logger, {}, opts.app);
  const bot = await startDiscord(app, { retryDelaysMs: [50, 50], ...opts.timing });
  await bot.ready;
  return {
    fake,
    app,
    bot,
    logs,
    async interact(payload) {
      fake.dispatch('INTERACTION_CREATE', payload);
      return fake.waitFor((r) => r.method === 'POST' && r.path === `/v10/interactions/${payload.id}/${payload.token}/callback` && r.status < 300, 10_000, `callback for ${payload.id}`);
    },
    async close() {
      await bot.stop();
      await app.close();
      await fake.close();
    },
  };
}

/** Poll `check` every 20 ms until it gives a value (not undefined or false); fail after `timeoutMs` with `what`. */
export async function waitUntil<T>(check: () => T | undefined | false, what: () => string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const hit = check();
    if (hit !== undefined && hit !== false) return hit;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first log line matching `pred`, waiting for it to appear. */
export function waitForLog(h: Harness, pred: (l: Harness['logs'][number]) => boolean, timeoutMs = 10_000) {
  return waitUntil(
    () => h.logs.find(pred),
    () => `a log line; saw: ${h.logs.map((l) => l.msg).join(' | ')}`,
    timeoutMs,
  );
}
