/**
 * Set-up as a team does it: tokens in `.env` in the directory `npm start` runs from. The real bot
 * process against the fake Slack and Discord; the startup lines say what started and why not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, SIGNING_SECRET } from '../adapters/slack/helpers/fake-slack.ts';
import { FakeDiscord } from '../adapters/discord/fake-discord.ts';
import { APP_ID } from '../adapters/discord/payloads.ts';
import { TOKEN } from '../adapters/discord/harness.ts';
import { freePort, waitFor, waitForListening } from '../reliability/bot-process.ts';

const root = resolve(import.meta.dirname, '../..');
const PACK = resolve(root, 'test/fixtures/pack');
/** What `npm start` runs. */
const START = [resolve(root, 'bin/start.mjs')];
const CLI = [resolve(root, 'bin/tutor.mjs')];

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', CONTENT_DIR: PACK });

let dir: string;
let fake: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  discord = await new FakeDiscord().listen();
});
afterAll(async () => {
  await fake?.stop();
  await discord?.close();
});
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function inDir(envFile: string): string {
  dir = mkdtempSync(join(tmpdir(), 'tutor-dotenv-'));
  writeFileSync(join(dir, '.env'), envFile);
  return dir;
}

/** Start the bot in `cwd`; resolves once `line` is on stderr, with a way to stop it. */
async function startUntil(cwd: string, env: Record<string, string>, until: (err: string) => boolean) {
  const child = spawn(process.execPath, START, { cwd, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  // A signal name instead of null when the process was killed, so a failure says how it ended.
  const exited = new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  await waitFor(
    () => until(err) || child.exitCode !== null,
    60_000,
    () => `startup lines, got: ${err}`,
  );
  return {
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('.env in the working directory', () => {
  it('is read by npm start; a variable in the real environment wins over the file', async () => {
    const [filePort, realPort] = [await freePort(), await freePort()];
    const cwd = inDir(
      ['# tokens for the tutor', `SLACK_BOT_TOKEN=xoxb-test-token`, `SLACK_SIGNING_SECRET="${SIGNING_SECRET}"`, `SLACK_API_URL=${fake.apiUrl}`, `SLACK_PORT=${filePort}`, ''].join('\n'),
    );
    const bot = await startUntil(cwd, { SLACK_PORT: String(realPort) }, (e) => e.includes('Slack: started'));
    try {
      await waitForListening(realPort);
      const lines = bot.stderr().trim().split('\n');
      expect(lines).toContain(`Slack: started, listening on port ${realPort} (POST /slack/events)`);
      expect(lines).toContain('Discord: skipped, DISCORD_TOKEN not set');
      expect(fake.of('auth.test').length).toBeGreaterThan(0);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });

  it('starts both platforms from .env alone, one line each', async () => {
    const port = await freePort();
    const cwd = inDir(
      [
        'SLACK_BOT_TOKEN=xoxb-test-token',
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        `SLACK_API_URL=${fake.apiUrl}`,
        `SLACK_PORT=${port}`,
        `export DISCORD_TOKEN=${TOKEN}`,
        `DISCORD_APPLICATION_ID=${APP_ID}`,
        `DISCORD_API_URL=${discord.apiUrl}`,
      ].join('\n'),
    );
    const bot = await startUntil(cwd, {}, (e) => e.includes('Slack: started') && e.includes('Discord: started'));
    try {
      const lines = bot.stderr().trim().split('\n');
      // Both connect at once: each line comes when its platform is up, in either order.
      expect(lines.sort()).toEqual(['Discord: started, connected to the gateway', `Slack: started, listening on port ${port} (POST /slack/events)`]);
      expect(discord.gatewayFrames.some((f) => f.op === 2 && f.d.token === TOKEN)).toBe(true);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });

  it('a platform that refuses the token gets a failed line with the reason, and the bot exits 1', async () => {
    const cwd = inDir(`SLACK_BOT_TOKEN=xoxb-revoked-token\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\nSLACK_API_URL=${fake.apiUrl}\nSLACK_PORT=${await freePort()}\n`);
    const bot = await startUntil(cwd, {}, (e) => e.includes('Slack: failed'));
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim().split('\n')).toEqual(['Discord: skipped, DISCORD_TOKEN not set', 'Slack: failed to start, An API error occurred: invalid_auth']);
  });

  it('a platform it cannot reach gets a failed line naming the network error, not just "fetch failed"', async () => {
    // Nothing listens on these ports: each API address is refused, like a wrong URL or no network.
    const [slackApi, discordApi] = [await freePort(), await freePort()];
    const cwd = inDir(
      [
        'SLACK_BOT_TOKEN=xoxb-test-token',
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        `SLACK_API_URL=http://127.0.0.1:${slackApi}/api/`,
        `SLACK_PORT=${await freePort()}`,
        `DISCORD_TOKEN=${TOKEN}`,
        `DISCORD_APPLICATION_ID=${APP_ID}`,
        `DISCORD_API_URL=http://127.0.0.1:${discordApi}/api`,
      ].join('\n'),
    );
    const bot = await startUntil(cwd, {}, (e) => e.includes('Slack: failed') && e.includes('Discord: failed'));
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim().split('\n').sort()).toEqual([
      `Discord: failed to start, fetch failed (connect ECONNREFUSED 127.0.0.1:${discordApi})`,
      `Slack: failed to start, A request error occurred: fetch failed (connect ECONNREFUSED 127.0.0.1:${slackApi})`,
    ]);
  });

  it('with no credentials anywhere says why each platform is skipped and opens the console', () => {
    const cwd = inDir('LOG_LEVEL=silent\n');
    const r = spawnSync(process.execPath, START, { cwd, input: 'what is a container\n', encoding: 'utf8', env: baseEnv(), timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual(['Slack: skipped, SLACK_BOT_TOKEN not set', 'Discord: skipped, DISCORD_TOKEN not set']);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('a line without "=" stops start-up naming the file and line, without printing the value', () => {
    const cwd = inDir('# ok\nLOG_LEVEL=silent\nSLACK_BOT_TOKEN xoxb-secret-value\n');
    const r = spawnSync(process.execPath, START, { cwd, input: 'hi\n', encoding: 'utf8', env: baseEnv(), timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`Configuration error: ${join(cwd, '.env')} line 3: expected NAME=value, got a line starting "SLACK_BOT_TOKEN"`);
    expect(r.stderr).not.toContain('secret-value');
    expect(r.stdout).toBe('');
  });

  it('a malformed value in .env is named like one in the environment', () => {
    const cwd = inDir('MATCH_THRESHOLD=high\n');
    const r = spawnSync(process.execPath, START, { cwd, input: 'hi\n', encoding: 'utf8', env: baseEnv(), timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Configuration error: MATCH_THRESHOLD: expected a number between 0 and 1 \(got "high"\)/);
  });

  it('is read by the tutor CLI, with the real environment winning', () => {
    const other = mkdtempSync(join(tmpdir(), 'tutor-dotenv-pack-'));
    try {
      // The file points the CLI at an empty pack; the real CONTENT_DIR (the fixture pack) wins.
      const cwd = inDir(`CONTENT_DIR=${other}\nMATCH_THRESHOLD=0.99\n`);
      const real = spawnSync(process.execPath, [...CLI, 'content', 'list', '--json'], { cwd, encoding: 'utf8', env: baseEnv(), timeout: 60_000 });
      expect(real.status).toBe(0);
      expect(JSON.parse(real.stdout).length).toBeGreaterThan(0);
      const { CONTENT_DIR: _, ...withoutContent } = baseEnv();
      const fromFile = spawnSync(process.execPath, [...CLI, 'content', 'check'], { cwd, encoding: 'utf8', env: withoutContent, timeout: 60_000 });
      expect(fromFile.status).toBe(1);
      expect(fromFile.stdout + fromFile.stderr).toContain(`${other}: (file): no concept files`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('is read by npm run discord:register', async () => {
    const cwd = inDir(`DISCORD_TOKEN=${TOKEN}\nDISCORD_APPLICATION_ID=${APP_ID}\nDISCORD_API_URL=${discord.apiUrl}\n`);
    // Not spawnSync: the fake Discord answers from this process's event loop.
    const child = spawn(process.execPath, [resolve(root, 'bin/discord-register.mjs')], { cwd, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const r = { stdout: '', stderr: '', status: null as number | null };
    child.stdout.on('data', (c: Buffer) => (r.stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (r.stderr += c.toString()));
    r.status = await new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Registered /tutor');
    expect(discord.matching('PUT', new RegExp(`/applications/${APP_ID}/commands$`)).length).toBeGreaterThan(0);
  });
});
