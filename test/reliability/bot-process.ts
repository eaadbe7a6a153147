/**
 * The real bot (`npm start`'s entry) as a child process against the fake Slack, for crash tests:
 * start it, wait for a condition, kill it with SIGKILL, start it again on the same DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { SIGNING_SECRET, type FakeSlack } from '../adapters/slack/helpers/fake-slack.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'adapters/start.ts');
const PACK = resolve(ROOT, 'test/fixtures/pack');
/** Where bots are started from: not the project folder, whose .env (a developer's real tokens) must not be read. */
export const NEUTRAL_CWD = resolve(ROOT, 'test/fixtures');

/** A port nobody listens on right now (the OS picks it; the child binds it a moment later). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface BotProcess {
  child: ChildProcess;
  /** Where its Slack HTTP receiver listens. */
  port: number;
  output: string[];
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

export async function startBot(fake: FakeSlack, dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ENTRY], {
    cwd: NEUTRAL_CWD,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(port),
      CONTENT_DIR: PACK,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      QUIZ_TICK_SECONDS: '0.5',
      PLATFORM_TIMEOUT_SECONDS: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    port,
    output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Schedules due a minute ago (inside the grace window) in `channels` channels, written straight to the store. */
export function seedDueSchedules(dataDir: string, channels: string[]): void {
  const store = SqliteStore.open(dataDir);
  const due = Date.now() - 60_000;
  for (const channelId of channels) {
    store.putSchedule({ platform: 'slack', channelId, label: 'daily', cron: '0 0 * * *', zone: 'UTC', nextRunAt: due, updatedBy: 'UADMIN', updatedAt: due });
  }
  store.close();
}

/** Quiz posts per channel that reached the fake Slack, by their metadata. */
export function quizPostsByChannel(fake: FakeSlack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [channel, list] of fake.history) {
    const keys = list
      .filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'tutor_quiz_post')
      .map((m) => (m.metadata as { event_payload: { post_key: string } }).event_payload.post_key);
    if (keys.length) out.set(channel, keys);
  }
  return out;
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves once something answers HTTP on 127.0.0.1:`port` (the bot's receiver is up). */
export async function waitForListening(port: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
      return;
    } catch {
      if (Date.now() > end) throw new Error(`nothing listens on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
