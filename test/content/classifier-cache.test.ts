import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readClassifierCache, writeClassifierCache } from '../../src/content/classifier-cache.ts';
import { tempDir } from '../quiz/helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const tmp = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

const trained = { key: 'k1', bias: Float64Array.from([0.5, -1.25, 3]), weights: Float64Array.from([1e-9, -0.1, 42, Math.PI]) };

describe('classifier cache', () => {
  it('gives back exactly the weights written, under the same stamp only', () => {
    const file = join(tmp(), 'classifier.json');
    writeClassifierCache(file, 'stamp', trained);
    const read = readClassifierCache(file, 'stamp')!;
    expect(read.key).toBe('k1');
    expect([...read.bias]).toEqual([...trained.bias]);
    expect([...read.weights]).toEqual([...trained.weights]);
    expect(readClassifierCache(file, 'other')).toBeUndefined();
    // Run from source there is no stamp: it trains rather than trust a file.
    expect(readClassifierCache(file, null)).toBeUndefined();
  });

  it('treats a missing, broken or malformed file as no cache', () => {
    const dir = tmp();
    expect(readClassifierCache(join(dir, 'missing.json'), 'stamp')).toBeUndefined();
    const file = join(dir, 'classifier.json');
    writeFileSync(file, '{not json');
    expect(readClassifierCache(file, 'stamp')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ fingerprint: 'stamp', key: 'k1', bias: 'AAAA', weights: 42 }));
    expect(readClassifierCache(file, 'stamp')).toBeUndefined();
    // Base64 that is not a whole number of float64 values.
    writeFileSync(file, JSON.stringify({ fingerprint: 'stamp', key: 'k1', bias: 'AAAA', weights: 'AAAA' }));
    expect(readClassifierCache(file, 'stamp')).toBeUndefined();
  });
});
