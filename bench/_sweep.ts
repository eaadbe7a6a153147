import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContentOrThrow } from '../src/content/load.ts';
import { Matcher } from '../src/match/matcher.ts';
import { parseEvalFile, runEval } from '../src/eval/run.ts';
const pack = loadContentOrThrow(resolve('content'));
const concepts = pack.concepts.map((c) => ({ id: c.id, title: c.title, aliases: c.aliases, keywords: c.keywords, comparison: !!c.table, text: `${c.summary}\n${c.body}` }));
const sets = ['test/eval/questions.jsonl', '../shared/eval/questions.dev.jsonl'].map((f) => parseEvalFile(readFileSync(f, 'utf8'), f));
const res = [];
for (const unknownWeight of [0.6, 0.8, 1]) for (const textCredit of [0.5, 0.8, 1]) for (const phraseShare of [0.4, 0.5, 0.6, 0.7]) for (const threshold of [0.4, 0.45, 0.5, 0.55, 0.6]) {
  const m = new Matcher(concepts, { unknownWeight, textCredit, threshold, phraseShare });
  const rs = sets.map((s) => runEval(m, s));
  res.push({ k: [unknownWeight, textCredit, phraseShare, threshold].join(' '), a: rs[0]!.inDomain.accuracy, r: rs[0]!.outOfDomain.rate, da: rs[1]!.inDomain.accuracy, dr: rs[1]!.outOfDomain.rate });
}
res.sort((x, y) => (Math.min(y.a, 0.95) + Math.min(y.r, 0.92) + y.da + y.dr) - (Math.min(x.a, 0.95) + Math.min(x.r, 0.92) + x.da + x.dr) || (y.a + y.r) - (x.a + x.r));
for (const r of res.slice(0, 15)) console.log(r.k, r.a.toFixed(3), r.r.toFixed(3), r.da.toFixed(3), r.dr.toFixed(3));
