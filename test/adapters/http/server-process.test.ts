import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { TOKEN } from '../discord/harness.ts';
import { APP_ID, slash, str } from '../discord/payloads.ts';
import { freePort, NEUTRAL_CWD } from '../../reliability/bot-process.ts';
import { resolve } from 'node:path';

/** `npm start`'s entry as a real process: one HTTP server with health, metrics and Discord interactions; SIGTERM. */
const ROOT = resolve(import.meta.dirname, '../../..');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');

let fake: FakeDiscord;
let dir: string;
beforeAll(async () => {
  fake = await new FakeDiscord().listen();
  dir = mkdtempSync(join(tmpdir(), 'tutor-http-'));
});
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the shared HTTP server in a real process', () => {
  it('serves /healthz, /readyz, /metrics and signed interactions, then exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'adapters/start.ts')], {
      cwd: NEUTRAL_CWD,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_PUBLIC_KEY: PUBLIC_HEX,
        PORT: String(port),
        CONTENT_DIR: resolve(ROOT, 'test/fixtures/pack'),
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
    const base = `http://127.0.0.1:${port}`;
    try {
      await until(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), `/readyz; output: ${out}`);
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
      expect((await fetch(`${base}/nothing`)).status).toBe(404);

      const body = JSON.stringify(slash('ask', [str('question', 'what is a volume?')]));
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
      const answer = await fetch(`${base}/discord/interactions`, { method: 'POST', headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts }, body });
      expect(answer.status).toBe(200);
      expect((await answer.json()).data.embeds[0].title).toBe('Volumes');
      expect((await fetch(`${base}/discord/interactions`, { method: 'POST', body })).status).toBe(401);

      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/tutor_http_requests_total\{platform="discord",path="\/discord\/interactions",status="200"\} 1/);
      expect(metrics).toMatch(/tutor_http_requests_total\{platform="discord",path="\/discord\/interactions",status="401"\} 1/);
      expect(metrics).toMatch(/tutor_ack_seconds_count\{platform="discord"\} 2/);
      expect(metrics).toMatch(/tutor_replies_total\{platform="discord",kind="[a-z-]+"\} 1/);
      expect(metrics).toMatch(/tutor_posts_total\{outcome="sent"\} 0/);
      expect(metrics).toMatch(/tutor_queue_depth\{queue="channels"\} 0/);
      expect(metrics).toMatch(/tutor_scheduler_lag_seconds \d/);
      // No gateway: nothing connected to the fake's socket.
      expect(fake.connections).toEqual([]);

      const before = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - before).toBeLessThan(10_000);
      expect(out).toContain('shutting down');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
