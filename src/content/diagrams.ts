import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diagramKey } from '../diagrams/render.ts';
import type { ConceptEntry } from './schema.ts';
import type { ContentIssue, Diagram } from './model.ts';
import type { ParseCache } from './parse-cache.ts';
import { checkSvg, SVG_RULES_VERSION } from './svg-check.ts';

/** What loading learns from a valid SVG; the same for the same text, so it can be cached. */
interface SvgFacts {
  key: string;
  viewBoxWidth: number;
}

/**
 * Checked SVGs. `cache` is the build's parse cache: an SVG whose exact text passed the checks at
 * build time is not tokenised again at start (most of the cost of loading diagrams); anything else
 * is checked now. `seen` holds this load's results, since several entries may share one file.
 */
export interface SvgLookup {
  cache: ParseCache;
  collect?: ParseCache;
  seen: Map<string, SvgFacts | string[] | NodeJS.ErrnoException>;
}

export function svgLookup(cache: ParseCache, collect?: ParseCache): SvgLookup {
  return { cache, ...(collect ? { collect } : {}), seen: new Map() };
}

function checked(svgPath: string, lookup: SvgLookup): SvgFacts | string[] | NodeJS.ErrnoException {
  const known = lookup.seen.get(svgPath);
  if (known) return known;
  let result: SvgFacts | string[] | NodeJS.ErrnoException;
  try {
    const svg = readFileSync(svgPath, 'utf8');
    const cacheKey = createHash('sha1').update(`svg-check ${SVG_RULES_VERSION}`).update('\0').update(svg).digest('hex');
    const cached = lookup.cache.get(cacheKey) as SvgFacts | undefined;
    if (cached && typeof cached.key === 'string' && typeof cached.viewBoxWidth === 'number') result = { ...cached };
    else {
      const check = checkSvg(svg);
      result = check.ok ? { key: diagramKey(svg), viewBoxWidth: check.info.viewBox.width } : check.problems;
      if (check.ok) lookup.collect?.set(cacheKey, result);
    }
  } catch (err) {
    result = err as NodeJS.ErrnoException;
  }
  lookup.seen.set(svgPath, result);
  return result;
}

/**
 * Resolve and check a concept's `diagrams:` against the files in its pack: each SVG must exist and
 * pass checkSvg, and a quiz item's `diagram:` must name one of them. `packDir` is the pack's folder
 * on disk and `packPath` the same folder as issues name it (relative to the content directory).
 */
export function loadDiagrams(entry: ConceptEntry, file: string, packDir: string, packPath: string, lookup: SvgLookup = svgLookup(new Map())): { diagrams: Diagram[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const diagrams: Diagram[] = [];
  const names = new Set<string>();
  (entry.diagrams ?? []).forEach((d, i) => {
    const at = `diagrams.${i}.file`;
    const name = basename(d.file, '.svg');
    if (names.has(name)) {
      issues.push({ file, path: at, message: `"${d.file}" is listed twice` });
      return;
    }
    names.add(name);
    const svgPath = join(packDir, d.file);
    const shown = packPath ? `${packPath}/${d.file}` : d.file;
    const facts = checked(svgPath, lookup);
    if (facts instanceof Error) {
      issues.push({ file, path: at, message: facts.code === 'ENOENT' ? `${shown} does not exist` : `cannot read ${shown} (${facts.message})` });
      return;
    }
    if (Array.isArray(facts)) {
      for (const p of facts) issues.push({ file, path: at, message: `${shown} ${p}` });
      return;
    }
    diagrams.push({ name, file: shown, svgPath, alt: d.alt.trim(), text: d.text.replace(/\s+$/, ''), key: facts.key, viewBoxWidth: facts.viewBoxWidth });
  });
  entry.quiz.forEach((q, qi) => {
    if (q.diagram && !names.has(q.diagram)) {
      const known = [...names];
      issues.push({ file, path: `quiz.${qi}.diagram`, message: `"${q.diagram}" is not one of this concept's diagrams${known.length ? ` (${known.join(', ')})` : ' (it has none)'}` });
    }
  });
  return { diagrams, issues };
}
