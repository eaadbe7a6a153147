import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/**
 * Parsing YAML is most of a cold start (about 200 ms for the shipped pack, against a few ms for
 * JSON). The build stores each file's parsed form under a hash of its exact text; loading uses it
 * only on an exact hit, so an edited file is always parsed afresh. Validation runs either way.
 */
export type ParseCache = Map<string, unknown>;

export function parseCacheKey(fileName: string, text: string): string {
  const kind = fileName.toLowerCase().endsWith('.md') ? 'md' : 'yaml';
  return createHash('sha1').update(kind).update('\0').update(text).digest('hex');
}

/** The cache in `file`, or an empty one when it is missing or unreadable (a cache never blocks loading). */
export function readParseCache(file: string): ParseCache {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return new Map(Object.entries(data));
  } catch {
    return new Map();
  }
}

/** Keep only values that survive JSON unchanged (no dates or other non-JSON values), then write. */
export function writeParseCache(file: string, cache: ParseCache): number {
  const out: Record<string, unknown> = {};
  for (const [key, value] of cache) {
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)) as unknown, value)) out[key] = value;
  }
  writeFileSync(file, JSON.stringify(out));
  return Object.keys(out).length;
}
