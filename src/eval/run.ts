import type { Explanation, Matcher } from '../match/matcher.ts';

export interface EvalRow {
  q: string;
  expect: string[] | null;
}

interface EvalMiss {
  q: string;
  expect: string[] | null;
  got: string | null;
  confidence: number | null;
  /** With `explain`: why the expected concept and the chosen one scored as they did. */
  why?: { expected: Explanation | null; chosen: Explanation | null };
}

export interface EvalReport {
  inDomain: { total: number; correct: number; accuracy: number };
  /** In-domain questions given no answer, and how many of them had the right concept among the suggestions. */
  unanswered: { total: number; suggested: number; rate: number };
  outOfDomain: { total: number; rejected: number; rate: number };
  misses: EvalMiss[];
}

/** Parse a JSONL eval file; a bad line is reported with its number rather than skipped silently. */
export function parseEvalFile(text: string, name: string): EvalRow[] {
  const rows: EvalRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not valid JSON`);
    }
    const o = v as { q?: unknown; expect?: unknown };
    const okExpect = o.expect === null || (Array.isArray(o.expect) && o.expect.length > 0 && o.expect.every((x) => typeof x === 'string'));
    if (typeof o.q !== 'string' || !okExpect) throw new Error(`${name}:${i + 1}: expected {"q": string, "expect": [concept ids] | null}`);
    rows.push({ q: o.q, expect: o.expect as string[] | null });
  });
  return rows;
}

export function runEval(matcher: Matcher, rows: readonly EvalRow[], options: { explain?: boolean } = {}): EvalReport {
  let inTotal = 0;
  let correct = 0;
  let outTotal = 0;
  let rejected = 0;
  let unanswered = 0;
  let suggested = 0;
  const misses: EvalMiss[] = [];
  for (const row of rows) {
    const r = matcher.match(row.q);
    const got = r.best?.conceptId ?? null;
    let ok: boolean;
    if (row.expect) {
      inTotal++;
      ok = got !== null && row.expect.includes(got);
      if (ok) correct++;
      if (got === null) {
        unanswered++;
        if (r.suggestions.some((h) => row.expect!.includes(h.conceptId))) suggested++;
      }
    } else {
      outTotal++;
      ok = got === null;
      if (ok) rejected++;
    }
    if (!ok) {
      const miss: EvalMiss = { q: row.q, expect: row.expect, got, confidence: r.best?.confidence ?? null };
      if (options.explain) {
        const expected = row.expect?.[0] ? matcher.explain(row.q, row.expect[0]) : null;
        // With no answer given, the strongest candidate is what came closest.
        const chosenId = got ?? r.suggestions[0]?.conceptId ?? null;
        miss.why = { expected, chosen: chosenId ? matcher.explain(row.q, chosenId) : null };
      }
      misses.push(miss);
    }
  }
  return {
    inDomain: { total: inTotal, correct, accuracy: inTotal ? correct / inTotal : 1 },
    unanswered: { total: unanswered, suggested, rate: unanswered ? suggested / unanswered : 1 },
    outOfDomain: { total: outTotal, rejected, rate: outTotal ? rejected / outTotal : 1 },
    misses,
  };
}

export function formatEvalReport(r: EvalReport): string {
  const lines = [
    `In-domain top-1 accuracy: ${r.inDomain.accuracy.toFixed(3)} (${r.inDomain.correct}/${r.inDomain.total})`,
    `Out-of-domain rejection:  ${r.outOfDomain.rate.toFixed(3)} (${r.outOfDomain.rejected}/${r.outOfDomain.total})`,
    `Unanswered in-domain with the right suggestion: ${r.unanswered.rate.toFixed(3)} (${r.unanswered.suggested}/${r.unanswered.total})`,
  ];
  if (r.misses.length) {
    lines.push(`Misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const want = m.expect ? m.expect.join(' | ') : 'no match';
      const got = m.got ? `${m.got} (${m.confidence})` : 'no match';
      lines.push(`  ${JSON.stringify(m.q)}: expected ${want}, got ${got}`);
      if (m.why) {
        if (m.why.expected) lines.push(`    expected ${formatExplanation(m.why.expected)}`);
        if (m.why.chosen) lines.push(`    ${m.got ? 'chosen' : 'closest'}  ${formatExplanation(m.why.chosen)}`);
      }
    }
  } else lines.push('No misses.');
  return lines.join('\n');
}

/** One line: the score, the name/text score, the words and phrasing that carried it, and the classifier's probabilities. */
function formatExplanation(e: Explanation): string {
  const words = (label: string, ws: string[]) => (ws.length ? ` ${label} [${ws.join(', ')}]` : '');
  const phrasing = e.phrasing ? ` phrasing ${e.phrasing.score} ${JSON.stringify(e.phrasing.text)} shared [${e.phrasing.shared.join(', ')}]` : ' no phrasing shares a word';
  return `${e.conceptId} ${e.confidence}: names+text ${e.names}${words('name words', e.nameWords)}${words('text words', e.textWords)};${phrasing}; classifier ${e.classifier.concept} (none ${e.classifier.none})`;
}
