/**
 * Start to ready: from spawning `npm start`'s process to both adapters ready, against the fake
 * Slack and Discord from test/: the Slack port accepts connections and Discord's IDENTIFY has
 * reached the gateway. Measured for the bundle (what an install runs) and for the TypeScript
 * sources through tsx (the fallback when sources are newer than the bundle, and how the bot
 * started before it was bundled).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakeDiscord } from '../test/adapters/discord/fake-discord.ts';
import { TOKEN } from '../test/adapters/discord/harness.ts';
import { APP_ID } from '../test/adapters/discord/payloads.ts';
import { freePort, NEUTRAL_CWD } from '../test/reliability/bot-process.ts';
import { FakeSlack, SIGNING_SECRET } from '../test/adapters/slack/helpers/fake-slack.ts';

const root = resolve(import.meta.dirname, '..');

export interface StartFigures {
  p50: number;
  min: number;
  runs: number;
}

const tryConnect = (port: number) =>
  new Promise<boolean>((r) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      r(true);
    });
    s.once('error', () => r(false));
  });

async function once(args: string[], slack: FakeSlack, discord: FakeDiscord, dataDir: string): Promise<number> {
  const port = await freePort();
  const identifiesBefore = discord.gatewayFrames.filter((f) => f.op === 2).length;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: NEUTRAL_CWD,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: String(port),
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  let listening = 0;
  let identified = 0;
  const deadline = t0 + 60_000;
  try {
    while (!listening || !identified) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`bot did not become ready: ${err}`);
      if (!identified && discord.gatewayFrames.filter((f) => f.op === 2).length > identifiesBefore) identified = performance.now();
      if (!listening && (await tryConnect(port))) listening = performance.now();
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  return Math.max(listening, identified) - t0;
}

/** `args` after the node binary; each run gets a fresh DATA_DIR. */
export async function startToReady(args: string[], runs = 7): Promise<StartFigures> {
  const slack = new FakeSlack();
  await slack.start();
  const discord = await new FakeDiscord().listen();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'tutor-bench-start-'));
      try {
        samples.push(await once(args, slack, discord, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await slack.stop();
    await discord.close();
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, runs };
}

/** What `npm start` runs: the launcher, which picks the bundle when it is up to date. */
export const LAUNCHER_ARGS = [resolve(root, 'bin/start.mjs')];
export const SOURCES_ARGS = ['--import', 'tsx', resolve(root, 'adapters/start.ts')];

// Run on its own: `node --import tsx bench/start-to-ready.ts`.
if (import.meta.filename === process.argv[1]) {
  for (const [name, args] of [
    ['npm start (bundle)', LAUNCHER_ARGS],
    ['sources (tsx)', SOURCES_ARGS],
  ] as const) {
    const f = await startToReady(args, 5);
    console.log(`${name}: p50 ${f.p50.toFixed(0)} ms, best ${f.min.toFixed(0)} ms`);
  }
}
