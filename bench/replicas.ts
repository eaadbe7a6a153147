/**
 * Replica figures for `npm run bench` (or `npx tsx bench/replicas.ts`), with real bot processes on
 * one fresh Postgres database and one fake Slack on loopback:
 * - posts per second: 1,000 quizzes fall due at once and three replicas post them (every one once);
 * - Slack ack latency (p50/p99) of one replica and of three, each behind the same simple
 *   round-robin HTTP proxy, at 100 and 200 signed app_mention events per second.
 * BENCH_REPLICA_SECONDS sets the seconds per rate (default 10). Skipped when no Postgres answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { FakeSlack } from '../test/adapters/slack/helpers/fake-slack.ts';
import { quizPostsByChannel, startBot, waitFor, type BotProcess } from '../test/reliability/bot-process.ts';
import { load, type LoadRow } from './reliability.ts';

const DUE = 1_000;

/** Resolves once the process answers /readyz with 200. */
async function ready(bot: BotProcess): Promise<void> {
  const end = Date.now() + 60_000;
  while (
    (await fetch(`http://127.0.0.1:${bot.port}/readyz`).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status;
      },
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > end) throw new Error(`replica on port ${bot.port} never became ready:\n${bot.output.join('').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A round-robin reverse proxy on loopback in front of `ports` (keep-alive to the replicas, like a plain load balancer). */
async function roundRobin(ports: number[]): Promise<{ port: number; close: () => Promise<void> }> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

interface ReplicaFigures {
  postsPerSecond: number;
  postedOnce: boolean;
  ack: { replicas: number; row: LoadRow }[];
}

/** Undefined when no Postgres server answers. */
async function benchReplicas(adminUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<ReplicaFigures | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tutor_bench_replicas_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'tutor-bench-replicas-'));
  const bots: BotProcess[] = [];
  const seconds = Number(process.env.BENCH_REPLICA_SECONDS ?? 10);
  try {
    const start = async () => {
      const bot = await startBot(fake, dir, { DATABASE_URL: url, LOG_LEVEL: 'warn' });
      bots.push(bot);
      await ready(bot);
      return bot;
    };
    // Posts per second: three ready replicas, then 1,000 schedules fall due at once.
    for (let i = 0; i < 3; i++) await start();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const due = Date.now() - 60_000;
    const t0 = performance.now();
    await db.query(
      `INSERT INTO schedules (platform, channel_id, label, cron, zone, next_run_at, updated_by, updated_at)
       SELECT 'slack', 'CDUE' || g, 'bench', '0 0 * * *', 'UTC', $1::bigint, 'bench', $1::bigint FROM generate_series(1, $2) g`,
      [due, DUE],
    );
    await db.end();
    await waitFor(
      () => quizPostsByChannel(fake).size >= DUE,
      180_000,
      () => `${DUE} quiz posts (${quizPostsByChannel(fake).size})`,
    );
    const postsPerSecond = Math.round((DUE / (performance.now() - t0)) * 1000);
    const byChannel = quizPostsByChannel(fake);
    const postedOnce = byChannel.size === DUE && [...byChannel.values()].every((k) => k.length === 1);

    // Ack latency: one replica, then all three, behind the same round-robin proxy.
    const ack: ReplicaFigures['ack'] = [];
    for (const n of [1, 3]) {
      const proxy = await roundRobin(bots.slice(0, n).map((b) => b.port));
      try {
        for (const rate of [100, 200]) {
          const replies = () => fake.of('chat.postMessage').filter((c) => c.args.channel === `CLOAD${rate}`).length;
          const before = replies();
          const row = await load(proxy.port, rate, seconds, `r${n}x`);
          // Let the replicas finish answering before the next run, so no run pays for the last one's backlog.
          await waitFor(
            () => replies() - before >= row.sent,
            120_000,
            () => `${row.sent} replies at ${rate}/s`,
          ).catch(() => undefined);
          ack.push({ replicas: n, row: { ...row, answered: replies() - before } });
        }
      } finally {
        await proxy.close();
      }
    }
    return { postsPerSecond, postedOnce, ack };
  } finally {
    for (const b of bots) await b.kill();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function runReplicaBench(): Promise<void> {
  const r = await benchReplicas();
  if (!r) return void console.log('\nReplica bench skipped: no Postgres server answers (set BENCH_POSTGRES_URL)');
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : 1) : '∞');
  const seconds = Number(process.env.BENCH_REPLICA_SECONDS ?? 10);
  console.log('\n## Replicas on one Postgres database (real processes, fake Slack on loopback)\n');
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| posts per second, ${DUE} quizzes due at once, 3 replicas | ${r.postsPerSecond} /s (${r.postedOnce ? 'each posted once' : 'NOT each posted once'}) |`);
  console.log(`\n### Slack ack latency behind a round-robin proxy (${seconds} s per rate)\n`);
  console.log('| req/s | replicas | ack p50 | ack p99 | max | acks > 3 s | replies |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const { replicas, row } of [...r.ack].sort((a, b) => a.row.rate - b.row.rate || a.replicas - b.replicas)) {
    console.log(`| ${row.rate} | ${replicas} | ${f(row.p50)} ms | ${f(row.p99)} ms | ${f(row.max)} ms | ${row.late} | ${row.answered}/${row.sent} |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runReplicaBench();
