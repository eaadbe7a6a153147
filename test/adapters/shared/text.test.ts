import { describe, expect, it } from 'vitest';
import { escapeFences, truncate } from '../../../adapters/shared/text.ts';

describe('shared text rules', () => {
  it('cuts within the limit, at a nearby word boundary, with an ellipsis', () => {
    expect(truncate('short', 10)).toEqual({ text: 'short', cut: false });
    const r = truncate('containers share the host kernel', 20);
    expect(r.cut).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(20);
    expect(r.text).toBe('containers share…');
  });

  it('never splits a surrogate pair', () => {
    const r = truncate(`${'a'.repeat(8)}🐳🐳🐳`, 10);
    expect(r.text.length).toBeLessThanOrEqual(10);
    expect(r.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps a ``` inside code from closing its fence', () => {
    expect(escapeFences('echo ```x```')).not.toContain('```');
  });
});
