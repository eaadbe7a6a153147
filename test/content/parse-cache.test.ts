import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { parseCacheKey, readParseCache, writeParseCache, type ParseCache } from '../../src/content/parse-cache.ts';
import { SHIPPED_CONTENT_DIR } from '../../src/paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tutor-cache-'));
  dirs.push(d);
  return d;
};
const entry = (title: string) => `id: a\ntitle: ${title}\naliases: [alias a]\nsummary: S.\nbody: B.\nrelated: []\n`;

describe('content parse cache', () => {
  it('uses a cached parse only for the exact same text, and still validates it', () => {
    const dir = tmp();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, entry('Original'));
    const cache: ParseCache = new Map([[parseCacheKey(file, readFileSync(file, 'utf8')), { id: 'a', title: 'From cache', aliases: [], summary: 'S.', body: 'B.', related: [] }]]);
    expect(loadContent(dir, { parseCache: cache }).pack.byId.get('a')!.title).toBe('From cache');
    // An edited file misses the cache and is parsed afresh.
    writeFileSync(file, entry('Edited'));
    expect(loadContent(dir, { parseCache: cache }).pack.byId.get('a')!.title).toBe('Edited');
    // A cached value that fails validation is reported like a bad file.
    writeFileSync(file, entry('Original'));
    cache.set(parseCacheKey(file, readFileSync(file, 'utf8')), { id: 'a', title: '' });
    expect(loadContent(dir, { parseCache: cache }).issues.length).toBeGreaterThan(0);
  });

  it('round-trips through its file, and a missing or corrupt file is an empty cache', () => {
    const dir = tmp();
    const collect: ParseCache = new Map();
    const fresh = loadContent(SHIPPED_CONTENT_DIR, { parseCache: new Map(), collect });
    // One entry per content file, and one per checked diagram SVG.
    const svgs = new Set(fresh.pack.concepts.flatMap((c) => (c.diagrams ?? []).map((d) => d.svgPath))).size;
    expect(collect.size).toBe(fresh.files + svgs);
    const file = join(dir, 'cache.json');
    expect(writeParseCache(file, collect)).toBe(collect.size);
    const cached = loadContent(SHIPPED_CONTENT_DIR, { parseCache: readParseCache(file) });
    expect(cached.issues).toEqual([]);
    expect(cached.pack.concepts).toEqual(fresh.pack.concepts);
    expect(readParseCache(join(dir, 'missing.json')).size).toBe(0);
    writeFileSync(file, '{not json');
    expect(readParseCache(file).size).toBe(0);
  });
});
