/**
 * Reliability figures for `npm run bench` (or `npx tsx bench/reliability.ts`):
 * - quiz posts lost and doubled over kill -9 rounds of the real bot process;
 * - time to post the healthy channels when hanging ones are due in the same batch;
 * - Slack ack latency at 50, 100 and 200 signed requests per second, beside a bare Bolt app.
 * BENCH_LOAD_SECONDS sets the seconds per rate (default 20).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSlack } from '../adapters/slack/index.ts';
import { BUSY_TEXT } from '../adapters/slack/busy.ts';
import { createTutorApp, parseConfig, silentLogger, ManualClock } from '../src/index.ts';
import { sign } from './sign.ts';
import { FakeSlack, SIGNING_SECRET } from '../test/adapters/slack/helpers/fake-slack.ts';
import { freePort, quizPostsByChannel, seedDueSchedules, startBot, waitFor, waitForListening, type BotProcess } from '../test/reliability/bot-process.ts';

const root = resolve(import.meta.dirname, '..');
const PACK = resolve(root, 'test/fixtures/pack');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

async function killRounds(rounds = 6, channels = 200): Promise<{ rounds: number; channels: number; lost: number; doubled: number; requests: number }> {
  const fake = new FakeSlack();
  await fake.start();
  fake.latencyMs = 20;
  const dir = mkdtempSync(join(tmpdir(), 'tutor-bench-kill-'));
  const ids = Array.from({ length: channels }, (_, i) => `C${String(i).padStart(4, '0')}`);
  seedDueSchedules(dir, ids);
  const posted = () => fake.of('chat.postMessage').length;
  const bots: BotProcess[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const bot = await startBot(fake, dir);
      bots.push(bot);
      const target = posted() + random(1, 35);
      await waitFor(
        () => posted() >= target || quizPostsByChannel(fake).size === channels,
        60_000,
        () => 'posts',
      );
      await new Promise((res) => setTimeout(res, random(0, 15)));
      await bot.kill();
    }
    const last = await startBot(fake, dir);
    bots.push(last);
    await waitFor(
      () => quizPostsByChannel(fake).size === channels,
      60_000,
      () => 'all channels',
    );
    await new Promise((res) => setTimeout(res, 2000));
    const by = quizPostsByChannel(fake);
    return { rounds, channels, lost: ids.filter((c) => !by.has(c)).length, doubled: [...by.values()].filter((k) => k.length > 1).length, requests: posted() };
  } finally {
    for (const b of bots) await b.kill();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function hangingChannels(hanging = 4, healthy = 30): Promise<{ healthyMs: number; hangingRetried: number }> {
  const fake = new FakeSlack();
  await fake.start();
  const slot = Math.floor(Date.now() / 60_000) * 60_000;
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    CONTENT_DIR: PACK,
    DATA_DIR: ':memory:',
    PLATFORM_TIMEOUT_SECONDS: '10',
  });
  const app = await createTutorApp(config, silentLogger, {}, { clock: new ManualClock(slot + 1000), scheduler: { retryBaseMs: 1000, retryAttempts: 2 } });
  const adapter = await startSlack(app, { listen: { port: 0, host: '127.0.0.1' } });
  const bad = Array.from({ length: hanging }, (_, i) => `CHANG${i}`);
  const good = Array.from({ length: healthy }, (_, i) => `COK${i}`);
  for (const c of bad) fake.hanging.add(c);
  for (const channelId of [...bad, ...good])
    await app.store.putSchedule({ platform: 'slack', channelId, label: 'daily', cron: '0 9 * * *', zone: 'UTC', nextRunAt: slot, updatedBy: 'U0', updatedAt: slot });
  const t = performance.now();
  const tick = app.scheduler.tick();
  await waitFor(
    () => good.every((c) => quizPostsByChannel(fake).has(c)),
    60_000,
    () => 'healthy channels',
  );
  const healthyMs = performance.now() - t;
  await tick;
  const retried = bad.filter((c) => fake.of('conversations.history').some((h) => h.args.channel === c)).length;
  await adapter.stop();
  await app.close();
  await fake.stop();
  return { healthyMs, hangingRetried: retried };
}

export interface LoadRow {
  rate: number;
  sent: number;
  p50: number;
  p99: number;
  max: number;
  late: number;
  answered?: number;
  busy?: number;
  doubled?: number;
}

/** Send `rate` signed app_mention events per second for `seconds` to `port`; measure each ack. */
export async function load(port: number, rate: number, seconds: number, tag: string): Promise<LoadRow> {
  const url = `http://127.0.0.1:${port}/slack/events`;
  const latencies: number[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = started + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      token: 'x',
      team_id: 'T0001TEST',
      api_app_id: 'A0TUTOR01',
      type: 'event_callback',
      event_id: `Ev${tag}${rate}x${i}`,
      event_time: ts,
      event: {
        type: 'app_mention',
        user: 'U061F7AUR',
        text: '<@UBOT0001> what is a volume?',
        ts: `${ts}.${String(i).padStart(6, '0')}`,
        channel: `CLOAD${rate}`,
        event_ts: `${ts}.${String(i).padStart(6, '0')}`,
        team: 'T0001TEST',
      },
    });
    const t = performance.now();
    inflight.push(
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts, SIGNING_SECRET) }, body })
        .then((r) => r.arrayBuffer())
        .then(
          () => void latencies.push(performance.now() - t),
          () => void latencies.push(Infinity),
        ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { rate, sent: total, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? NaN, late: latencies.filter((l) => l > 3000).length };
}

async function child(script: string, env: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await waitFor(
    () => out.includes('listening'),
    30_000,
    () => `${script} to listen`,
  );
  return {
    stop: async () => {
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

async function loadTable(seconds: number): Promise<{ bare: LoadRow[]; bot: LoadRow[] }> {
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'tutor-bench-load-'));
  const rates = [50, 100, 200];
  try {
    const barePort = await freePort();
    const bare = await child(resolve(root, 'bench/bare-bolt.ts'), { SLACK_API_URL: fake.apiUrl, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(barePort) });
    const bareRows: LoadRow[] = [];
    for (const r of rates) bareRows.push(await load(barePort, r, seconds, 'bare'));
    await bare.stop();

    const bot = await startBot(fake, dir, { LOG_LEVEL: 'warn' });
    await waitForListening(bot.port);
    // Load starts when the bot says it is ready, as a load balancer would wait for it (before that,
    // /slack/events answers 503 and Slack would retry).
    for (
      let i = 0;
      i < 600 &&
      (await fetch(`http://127.0.0.1:${bot.port}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) !== 200;
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const botRows: LoadRow[] = [];
    for (const r of rates) {
      const row = await load(bot.port, r, seconds, 'bot');
      const replies = () => fake.of('chat.postMessage').filter((c) => c.args.channel === `CLOAD${r}`);
      await waitFor(
        () => replies().length >= row.sent,
        60_000,
        () => `${row.sent} replies at ${r}/s (${replies().length})`,
      ).catch(() => undefined);
      const list = replies();
      const threads = new Map<string, number>();
      for (const c of list) threads.set(String(c.args.thread_ts), (threads.get(String(c.args.thread_ts)) ?? 0) + 1);
      botRows.push({
        ...row,
        answered: list.filter((c) => c.args.text !== BUSY_TEXT).length,
        busy: list.filter((c) => c.args.text === BUSY_TEXT).length,
        doubled: [...threads.values()].filter((n) => n > 1).length,
      });
    }
    await bot.kill();
    return { bare: bareRows, bot: botRows };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runReliabilityBench(): Promise<void> {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : 1) : '∞');
  const kills = await killRounds();
  console.log('\n## Scheduled posts under kill -9\n');
  console.log('| rounds | channels | post requests | lost | doubled |');
  console.log('|---:|---:|---:|---:|---:|');
  console.log(`| ${kills.rounds} | ${kills.channels} | ${kills.requests} | ${kills.lost} | ${kills.doubled} |`);

  const hang = await hangingChannels();
  console.log('\n## Hanging channels\n');
  console.log('| case | healthy channels posted after | hanging channels checked and retried |');
  console.log('|---|---:|---:|');
  console.log(`| 4 hanging + 30 healthy due at once (PLATFORM_TIMEOUT_SECONDS=10) | ${f(hang.healthyMs)} ms | ${hang.hangingRetried} of 4 |`);

  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const { bare, bot } = await loadTable(seconds);
  console.log(`\n## Slack ack latency under load (${seconds} s per rate, signed app_mention events on loopback)\n`);
  console.log('| req/s | bare Bolt p50 | bare p99 | tutor p50 | tutor p99 | tutor max | acks > 3 s | answered | busy | doubled | p99 ratio |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (let i = 0; i < bot.length; i++) {
    const b = bare[i]!;
    const t = bot[i]!;
    console.log(
      `| ${t.rate} | ${f(b.p50)} ms | ${f(b.p99)} ms | ${f(t.p50)} ms | ${f(t.p99)} ms | ${f(t.max)} ms | ${t.late} | ${t.answered}/${t.sent} | ${t.busy} | ${t.doubled} | ${(t.p99 / b.p99).toFixed(1)}× |`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runReliabilityBench();
