import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { conceptSchema, outOfScopeSchema, type ConceptEntry } from './schema.ts';
import { ContentPack, formatIssue, toConcept, type ContentIssue, type Diagram } from './model.ts';
import { crossCheck } from './crosscheck.ts';
import { checkDockerfiles } from './dockerfile-check.ts';
import { loadDiagrams, svgLookup } from './diagrams.ts';
import { parseCacheKey, readParseCache, type ParseCache } from './parse-cache.ts';
import { PARSE_CACHE_FILE, TOKEN_CACHE_FILE } from '../paths.ts';
import { seedFromTokenCache } from './token-cache.ts';

export interface LoadResult {
  pack: ContentPack;
  issues: ContentIssue[];
  files: number;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`content is invalid:\n${issues.map(formatIssue).join('\n')}`);
  }
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.md']);
/** A pack's list of questions it does not answer. Names starting with `_` are not entries. */
const OUT_OF_SCOPE_FILE = '_out-of-scope.yaml';

/** Every entry file under `dir`, recursively, in a stable order. READMEs are documentation, not entries. */
function listEntryFiles(dir: string, outOfScope: string[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name === OUT_OF_SCOPE_FILE) outOfScope.push(full);
      if (name.startsWith('.') || name.startsWith('_')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (EXTENSIONS.has(extname(name).toLowerCase()) && name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  walk(dir);
  return out;
}

export interface LoadOptions {
  /** Parsed files by text hash; by default the one the build wrote. Pass `new Map()` to parse everything. */
  parseCache?: ParseCache;
  /** Every file's parsed form is added here (the build uses it to write the cache). */
  collect?: ParseCache;
}

let defaultCache: ParseCache | undefined;

/** The build's caches, read once: parsed files, and the tokens of their texts. */
function readBuildCaches(): ParseCache {
  seedFromTokenCache(TOKEN_CACHE_FILE);
  return readParseCache(PARSE_CACHE_FILE);
}

/** Validate every file and the links between them. Never throws for bad content: it reports. */
export function loadContent(dir: string, options: LoadOptions = {}): LoadResult {
  const cache = options.parseCache ?? (defaultCache ??= readBuildCaches());
  const issues: ContentIssue[] = [];
  let files: string[];
  const outOfScopeFiles: string[] = [];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    files = listEntryFiles(dir, outOfScopeFiles);
  } catch (err) {
    return { pack: new ContentPack([]), issues: [{ file: dir, path: '', message: `cannot read content directory (${(err as Error).message})` }], files: 0 };
  }
  if (files.length === 0) issues.push({ file: dir, path: '', message: 'no concept files (.yaml, .yml or .md) found' });

  const entries: { entry: ConceptEntry; file: string; pack: string; diagrams: Diagram[] }[] = [];
  const svgs = svgLookup(cache, options.collect);
  for (const full of files) {
    const rel = relative(dir, full) || basename(full);
    const file = rel.split(sep).join('/');
    const parts = file.split('/');
    const pack = parts.length > 1 ? parts[0]! : basename(dir);
    let raw: unknown;
    try {
      raw = parseFile(full, cache, options.collect);
    } catch (err) {
      issues.push({ file, path: '', message: (err as Error).message.split('\n')[0]! });
      continue;
    }
    const parsed = conceptSchema.safeParse(raw);
    if (!parsed.success) {
      for (const e of parsed.error.issues) issues.push({ file, path: e.path.join('.'), message: e.message });
      continue;
    }
    const expected = basename(full, extname(full));
    if (parsed.data.id !== expected) {
      issues.push({ file, path: 'id', message: `"${parsed.data.id}" must match the file name "${expected}"` });
    }
    issues.push(...checkDockerfiles(parsed.data, file));
    // Diagram paths are relative to the pack folder: the first folder under `dir`, or `dir` itself.
    const inPack = parts.length > 1;
    const pictures = loadDiagrams(parsed.data, file, inPack ? join(dir, parts[0]!) : dir, inPack ? parts[0]! : '', svgs);
    issues.push(...pictures.issues);
    entries.push({ entry: parsed.data, file, pack, diagrams: pictures.diagrams });
  }
  issues.push(...crossCheck(entries));
  const outOfScope = outOfScopeFiles.flatMap((full) => loadOutOfScope(dir, full, cache, options.collect, issues));
  const concepts = entries.map((e) => toConcept(e.entry, e.pack, e.file, e.diagrams));
  return { pack: new ContentPack(concepts, outOfScope), issues, files: files.length + outOfScopeFiles.length };
}

/** Load and throw on any problem: startup must not run on a half-valid pack. */
export function loadContentOrThrow(dir: string): ContentPack {
  const r = loadContent(dir);
  if (r.issues.length > 0) throw new ContentError(r.issues);
  return r.pack;
}

function loadOutOfScope(dir: string, full: string, cache: ParseCache, collect: ParseCache | undefined, issues: ContentIssue[]): string[] {
  const file = (relative(dir, full) || basename(full)).split(sep).join('/');
  let raw: unknown;
  try {
    raw = parseFile(full, cache, collect);
  } catch (err) {
    issues.push({ file, path: '', message: (err as Error).message.split('\n')[0]! });
    return [];
  }
  const parsed = outOfScopeSchema.safeParse(raw);
  if (!parsed.success) {
    for (const e of parsed.error.issues) issues.push({ file, path: e.path.join('.'), message: e.message });
    return [];
  }
  return parsed.data.questions.map((q) => q.trim());
}

function parseFile(full: string, cache: ParseCache, collect?: ParseCache): unknown {
  const text = readFileSync(full, 'utf8');
  const key = parseCacheKey(full, text);
  // A copy, so that nothing downstream can change the cached value for the next load.
  if (cache.has(key)) return structuredClone(cache.get(key));
  const raw = parseText(full, text);
  collect?.set(key, raw);
  return raw;
}

function parseText(full: string, text: string): unknown {
  if (extname(full).toLowerCase() === '.md') {
    // Markdown entry: YAML front matter holds the fields, the Markdown after it is the body.
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) throw new Error('Markdown entry must start with YAML front matter between --- lines');
    const front = parseYaml(m[1]!) as unknown;
    if (front === null || typeof front !== 'object' || Array.isArray(front)) throw new Error('front matter must be a YAML mapping');
    const body = m[2]!.trim();
    return body ? { ...(front as object), body } : front;
  }
  const doc = parseYaml(text) as unknown;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('file must hold one YAML mapping (key: value lines)');
  return doc;
}
