/**
 * `npm run bench`: match latency for this matcher and the naive fuse.js baseline side by side,
 * index build time, cold start, the quiz store figures, three replica processes on Postgres
 * (bench/replicas.ts), and reliability under crashes, hanging channels and load
 * (bench/reliability.ts). Prints Markdown tables.
 */
import { execFileSync } from 'node:child_process';
import { runDiagramBench } from './diagrams.ts';
import { LAUNCHER_ARGS, SOURCES_ARGS, startToReady } from './start-to-ready.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContentOrThrow } from '../src/content/load.ts';
import { matchableConcept } from '../src/tutor.ts';
import { Matcher, type MatchableConcept } from '../src/match/matcher.ts';
import { naiveMatcher, type NaiveConcept } from './naive.ts';
import { syntheticOutOfScope, syntheticPack, syntheticQuestions } from './synthetic.ts';

const root = resolve(import.meta.dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Measure each question once, optionally after a warm-up on the same instance. */
function time(fn: (q: string) => unknown, questions: string[], warmup: string[] = []): { p50: number; p99: number } {
  for (const q of warmup) fn(q);
  gc();
  const samples = questions.map((q) => {
    const t = performance.now();
    fn(q);
    return performance.now() - t;
  });
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3));

interface Row {
  pack: string;
  entries: number;
  /** The first matcher in the process: trains the classifier (a start without the build's cache). */
  trainedBuild: number;
  /** A matcher whose classifier weights are already known (a start with the build's cache). */
  build: number;
  ours: { p50: number; p99: number };
  naive: { p50: number; p99: number };
  naiveSamples: number;
}

interface BenchPack {
  /** What our matcher indexes (names, text, learner phrasings) and the out-of-scope list. */
  concepts: MatchableConcept[];
  outOfScope: string[];
  /** The naive baseline's input, as the issue that introduced it defined it. */
  naive: NaiveConcept[];
}

function benchPack(name: string, pack: BenchPack, questions: string[], naiveCount: number): Row {
  const { concepts, outOfScope } = pack;
  // Warm the code (a running bot is warm) on a throwaway matcher, then measure a fresh one whose
  // typo-correction cache has seen none of the questions, so caching does not flatter us.
  const t0 = performance.now();
  const warm = new Matcher(concepts, { outOfScope });
  const trainedBuild = performance.now() - t0;
  for (const q of [...syntheticQuestions(concepts, 500, 99), ...questions]) warm.match(q);
  const t = performance.now();
  const matcher = new Matcher(concepts, { outOfScope });
  const build = performance.now() - t;
  const ours = time((q) => matcher.match(q), questions);
  const naive = naiveMatcher(pack.naive);
  const naiveResult = time(naive, questions.slice(0, naiveCount));
  return { pack: name, entries: concepts.length, trainedBuild, build, ours, naive: naiveResult, naiveSamples: naiveCount };
}

function shippedPack(): BenchPack & { questions: string[] } {
  const pack = loadContentOrThrow(resolve(root, 'content'));
  // Indexed exactly as the bot does. The naive baseline keeps the input it was first measured with.
  const concepts = pack.concepts.map(matchableConcept);
  const naive = pack.concepts.map((c) => ({ ...matchableConcept(c), questions: c.aliases.slice(0, 2) }));
  const evalFile = resolve(root, 'test/eval/questions.jsonl');
  const asked = existsSync(evalFile)
    ? readFileSync(evalFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { q: string }).q)
    : [];
  const questions = [...asked, ...syntheticQuestions(concepts, 1000 - asked.length, 11)];
  return { concepts, outOfScope: pack.outOfScope, naive, questions };
}

function coldStart(runs = 7): { p50: number; min: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [resolve(root, 'dist/tutor.mjs'), 'ask', '--json', 'what is a hypervisor'], { cwd: root, stdio: 'pipe' });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), min: samples[0]! };
}

async function main() {
  const rows: Row[] = [];
  const shipped = shippedPack();
  rows.push(benchPack('shipped', shipped, shipped.questions, 300));
  for (const [n, naiveCount] of [
    [1000, 60],
    [10000, 8],
  ] as const) {
    const concepts = syntheticPack(n, 42);
    const naive = concepts.map((c) => ({ ...c, questions: c.questions.slice(0, 2) }));
    rows.push(benchPack(`synthetic ${n}`, { concepts, outOfScope: syntheticOutOfScope(500, 5), naive }, syntheticQuestions(concepts, 2000, 7), naiveCount));
  }

  console.log('## Match latency (ms per question)\n');
  console.log('| pack | entries | index build, training the classifier | index build, weights known | ours p50 | ours p99 | naive p50 | naive p99 | speed-up (p50) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.pack} | ${r.entries} | ${ms(r.trainedBuild)} | ${ms(r.build)} | ${ms(r.ours.p50)} | ${ms(r.ours.p99)} | ${ms(r.naive.p50)} | ${ms(r.naive.p99)} | ${Math.round(r.naive.p50 / r.ours.p50)}× |`,
    );
  }
  console.log(
    `\nOurs indexes names, explanation text and learner phrasings (20 a concept in the synthetic packs) plus an out-of-scope list. Naive baseline: fuse.js over title/aliases and two questions a concept, ignoreLocation, whole question as pattern (${rows.map((r) => r.naiveSamples).join('/')} samples).`,
  );

  const cold = coldStart();
  console.log('\n## Cold start\n');
  console.log('| measure | ms |');
  console.log('|---|---:|');
  console.log(`| process start → first answer (\`tutor ask\`: load, validate, index, match, exit), p50 of 7 | ${ms(cold.p50)} |`);
  console.log(`| same, best of 7 | ${ms(cold.min)} |`);

  const ready = await startToReady(LAUNCHER_ARGS);
  const readyTsx = await startToReady(SOURCES_ARGS, 3);
  console.log('\n## Start to ready (Slack port listening and Discord IDENTIFY sent, fake servers)\n');
  console.log('| how the bot runs | p50 | best |');
  console.log('|---|---:|---:|');
  console.log(`| \`npm start\`: the bundle (bin/start.mjs → dist/start.mjs), ${ready.runs} runs | ${ms(ready.p50)} | ${ms(ready.min)} |`);
  console.log(`| the TypeScript sources through tsx (the fallback; how it started before), ${readyTsx.runs} runs | ${ms(readyTsx.p50)} | ${ms(readyTsx.min)} |`);

  // The targets from the issue that asked for this benchmark, checked on this run's figures.
  const [shippedRow, k1, k10] = rows as [Row, Row, Row];
  const targets: [string, string, number, boolean][] = [
    ['p99, shipped pack', '≤ 1 ms', shippedRow.ours.p99, shippedRow.ours.p99 <= 1],
    ['p99, 10,000 entries', '≤ 5 ms', k10.ours.p99, k10.ours.p99 <= 5],
    ['speed-up over naive at 1,000 (p50)', '≥ 100×', k1.naive.p50 / k1.ours.p50, k1.naive.p50 / k1.ours.p50 >= 100],
    ['cold start (p50)', '≤ 500 ms', cold.p50, cold.p50 <= 500],
    ['start to ready, both adapters (p50)', '≤ 1 s', ready.p50, ready.p50 <= 1000],
  ];
  console.log('\n## Targets\n');
  console.log('| target | goal | measured | met |');
  console.log('|---|---|---:|:---:|');
  for (const [name, goal, value, met] of targets) console.log(`| ${name} | ${goal} | ${goal.includes('×') ? `${Math.round(value)}×` : `${ms(value)} ms`} | ${met ? 'yes' : 'NO'} |`);

  const pictures = runDiagramBench(root);
  console.log('\n## Diagrams (rendered at build time, not at start)\n');
  console.log('| diagram | render ms | PNG size | PNG bytes |');
  console.log('|---|---:|---:|---:|');
  for (const r of pictures.rows) console.log(`| ${r.name} | ${ms(r.ms)} | ${r.width}×${r.height} | ${r.bytes} |`);
  console.log(`| all ${pictures.rows.length}, renderer already loaded | ${ms(pictures.warmTotalMs)} | | ${pictures.rows.reduce((n, r) => n + r.bytes, 0)} |`);
  console.log(`| all ${pictures.rows.length}, first in the process (loads the renderer and fonts) | ${ms(pictures.coldTotalMs)} | | |`);

  const quizBench = resolve(root, 'bench/quiz.ts');
  if (existsSync(quizBench)) {
    const mod = (await import(quizBench)) as { benchQuiz?: () => Promise<{ name: string; value: number; unit: string }[]> };
    if (mod.benchQuiz) {
      console.log('\n## Quiz store and scheduler\n');
      console.log('| measure | value |');
      console.log('|---|---:|');
      for (const r of await mod.benchQuiz()) console.log(`| ${r.name} | ${ms(r.value)} ${r.unit} |`);
    }
  }

  // Postgres: 100,000 schedules, 1,000 due; skipped in one line when no server answers.
  const { benchPostgres } = await import('./postgres.ts');
  const pgRows = await benchPostgres();
  if (!pgRows) console.log('\nPostgres bench skipped: no Postgres server answers (set BENCH_POSTGRES_URL)');
  else {
    console.log('\n## Postgres store and scheduler\n');
    console.log('| measure | value |');
    console.log('|---|---:|');
    for (const r of pgRows) console.log(`| ${r.name} | ${r.unit === 'ms' ? ms(r.value) : r.value} ${r.unit} |`);
  }

  // Three replica processes on one Postgres database: posts per second, ack latency behind a proxy.
  const { runReplicaBench } = await import('./replicas.ts');
  await runReplicaBench();

  // Kill rounds, hanging channels and Slack load (real processes; BENCH_LOAD_SECONDS per rate).
  const { runReliabilityBench } = await import('./reliability.ts');
  await runReliabilityBench();
}

await main();
