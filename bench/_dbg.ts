import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContentOrThrow } from '/work/main/src/content/load.ts';
import { Tutor } from '/work/main/src/tutor.ts';
const t = new Tutor(loadContentOrThrow(resolve('/work/main/content')));
const file = process.argv[2]!;
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const { q, expect } = JSON.parse(line);
  const r = t.matcher.match(q);
  const got = r.best?.conceptId ?? null;
  const ok = expect ? expect.includes(got) : got === null;
  if (!ok || process.argv[3]) console.log(ok ? 'ok  ' : 'MISS', JSON.stringify(q), '=>', got, r.best?.confidence ?? '', '| sugg', r.suggestions.map(s => s.conceptId + ':' + s.confidence).join(' '), '| terms', r.terms.join(','), '| want', expect);
}
