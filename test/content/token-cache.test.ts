import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedFromTokenCache, writeTokenCache } from '../../src/content/token-cache.ts';
import { indexTokens } from '../../src/match/normalize.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tutor-tokens-'));
  dirs.push(d);
  return d;
};

describe('token cache', () => {
  it('seeds the tokeniser only when its stamp matches, and never from a missing or broken file', () => {
    const file = join(tmp(), 'tokens.json');
    // Hand-written tokens no tokeniser would produce show whether the file was used.
    writeFileSync(file, JSON.stringify({ fingerprint: 'abc', tokens: { 'zebra crossing unique-1': ['from', 'cache'] } }));
    expect(seedFromTokenCache(file, 'other')).toBe(0);
    expect(seedFromTokenCache(file, null)).toBe(0);
    expect(indexTokens('zebra crossing unique-1')).not.toEqual(['from', 'cache']);

    writeFileSync(file, JSON.stringify({ fingerprint: 'abc', tokens: { 'zebra crossing unique-2': ['from', 'cache'] } }));
    expect(seedFromTokenCache(file, 'abc')).toBe(1);
    expect(indexTokens('zebra crossing unique-2')).toEqual(['from', 'cache']);

    expect(seedFromTokenCache(join(tmp(), 'missing.json'), 'abc')).toBe(0);
    writeFileSync(file, '{not json');
    expect(seedFromTokenCache(file, 'abc')).toBe(0);
  });

  it('writes what the tokeniser produced, and reading it back gives the same tokens', () => {
    const file = join(tmp(), 'tokens.json');
    const text = 'my data vanished after I recreated the containers';
    const tokens = [...indexTokens(text)];
    expect(writeTokenCache(file, 'stamp')).toBeGreaterThan(0);
    expect(seedFromTokenCache(file, 'stamp')).toBeGreaterThan(0);
    expect(indexTokens(text)).toEqual(tokens);
  });
});
