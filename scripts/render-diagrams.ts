// Renders every diagram of the shipped content to PNG in dist/diagrams/, keyed by a hash of its SVG
// (an unchanged diagram is not rendered again). Run by scripts/build.mjs. With --docs, also writes
// docs/diagrams/<name>.png, the copies shown in the README.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/load.ts';
import { formatIssue } from '../src/content/model.ts';
import { diagramPngPath } from '../src/diagrams/render.ts';
import { DIAGRAM_CACHE_DIR, SHIPPED_CONTENT_DIR } from '../src/paths.ts';

const { pack, issues } = loadContent(SHIPPED_CONTENT_DIR, { parseCache: new Map() });
const diagramIssues = issues.filter((i) => i.path.startsWith('diagrams') || i.path.includes('.diagram'));
if (diagramIssues.length) {
  process.stderr.write(`${diagramIssues.map(formatIssue).join('\n')}\n`);
  process.exit(1);
}
const unique = new Map(pack.concepts.flatMap((c) => c.diagrams ?? []).map((d) => [d.key, d]));
let rendered = 0;
const started = performance.now();
let failed = 0;
for (const d of unique.values()) {
  if (existsSync(join(DIAGRAM_CACHE_DIR, `${d.key}.png`))) continue;
  try {
    diagramPngPath(d);
    rendered++;
  } catch (err) {
    // Not fatal for the install: answers then show the diagram's ASCII drawing (and say why in the log).
    failed++;
    process.stderr.write(`warning: ${d.file}: ${(err as Error).message}\n`);
  }
}
process.stdout.write(
  `diagrams: ${unique.size} (${rendered} rendered in ${Math.round(performance.now() - started)} ms, ${unique.size - rendered - failed} cached${failed ? `, ${failed} failed` : ''})\n`,
);

if (process.argv.includes('--docs')) {
  const docs = fileURLToPath(new URL('../docs/diagrams', import.meta.url));
  mkdirSync(docs, { recursive: true });
  for (const d of unique.values()) copyFileSync(diagramPngPath(d), join(docs, `${d.name}.png`));
  process.stdout.write(`copied ${unique.size} to docs/diagrams/\n`);
}
