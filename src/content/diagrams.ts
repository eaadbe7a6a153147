import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diagramKey } from '../diagrams/render.ts';
import type { ConceptEntry } from './schema.ts';
import type { ContentIssue, Diagram } from './model.ts';
import { checkSvg } from './svg-check.ts';

/**
 * Resolve and check a concept's `diagrams:` against the files in its pack: each SVG must exist and
 * pass checkSvg, and a quiz item's `diagram:` must name one of them. `packDir` is the pack's folder
 * on disk and `packPath` the same folder as issues name it (relative to the content directory).
 */
export function loadDiagrams(entry: ConceptEntry, file: string, packDir: string, packPath: string): { diagrams: Diagram[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const diagrams: Diagram[] = [];
  const names = new Set<string>();
  (entry.diagrams ?? []).forEach((d, i) => {
    const at = `diagrams.${i}.file`;
    const name = basename(d.file, '.svg');
    if (names.has(name)) return void issues.push({ file, path: at, message: `"${d.file}" is listed twice` });
    names.add(name);
    const svgPath = join(packDir, d.file);
    const shown = packPath ? `${packPath}/${d.file}` : d.file;
    let svg: string;
    try {
      svg = readFileSync(svgPath, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return void issues.push({ file, path: at, message: code === 'ENOENT' ? `${shown} does not exist` : `cannot read ${shown} (${(err as Error).message})` });
    }
    const check = checkSvg(svg);
    if (!check.ok) {
      for (const p of check.problems) issues.push({ file, path: at, message: `${shown} ${p}` });
      return;
    }
    diagrams.push({ name, file: shown, svgPath, alt: d.alt.trim(), text: d.text.replace(/\s+$/, ''), key: diagramKey(svg), viewBoxWidth: check.info.viewBox.width });
  });
  entry.quiz.forEach((q, qi) => {
    if (q.diagram && !names.has(q.diagram)) {
      const known = [...names];
      issues.push({ file, path: `quiz.${qi}.diagram`, message: `"${q.diagram}" is not one of this concept's diagrams${known.length ? ` (${known.join(', ')})` : ' (it has none)'}` });
    }
  });
  return { diagrams, issues };
}
