/** The plain-text rule and the long-choice rule every adapter shares. */
import { describe, expect, it } from 'vitest';
import { choicesNeedList } from '../../../adapters/shared/choices.ts';
import { markdownToPlain, plainLine } from '../../../adapters/shared/markdown.ts';

describe('markdownToPlain', () => {
  it('drops bold, italic and code markers and keeps the words', () => {
    expect(markdownToPlain('**Bind mounts** vs _volumes_: run `docker rm`.')).toBe('Bind mounts vs volumes: run docker rm.');
  });

  it('leaves snake_case, lone asterisks and unmatched backticks alone unless told', () => {
    expect(markdownToPlain('set max_map_count to 2 * 3 and `x')).toBe('set max_map_count to 2 * 3 and `x');
    expect(markdownToPlain('a `b', { strayBacktick: '' })).toBe('a b');
    expect(markdownToPlain('a `b', { strayBacktick: 'ʼ' })).toBe('a ʼb');
  });

  it('plainLine collapses whitespace to one line', () => {
    expect(plainLine('  **two**\n  lines  ')).toBe('two lines');
  });
});

describe('choicesNeedList', () => {
  const choice = (label: string) => ({ label });

  it('lists the choices when one is longer than a button label may be, measured without markers', () => {
    expect(choicesNeedList([choice('A) short'), choice(`B) ${'x'.repeat(80)}`)], 80)).toBe(true);
    expect(choicesNeedList([choice('A) short'), choice(`B) \`${'x'.repeat(76)}\``)], 80)).toBe(false);
    expect(choicesNeedList([], 80)).toBe(false);
  });
});
