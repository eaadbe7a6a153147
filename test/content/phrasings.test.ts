import { describe, expect, it } from 'vitest';
import { tempPacks } from '../helpers/temp-pack.ts';
import { loadContent } from '../../src/content/load.ts';
import { endOfLineComments } from '../../src/content/dockerfile-check.ts';

const { pack, messages } = tempPacks('tutor-phrasings-');

const entry = (id: string, extra = '') => `id: ${id}
title: Title of ${id}
aliases: [alias of ${id}]
summary: Summary of ${id}.
body: Body of ${id}.
${extra}`;

describe('learner phrasings (questions:)', () => {
  it('loads them trimmed, in order', () => {
    const r = loadContent(pack({ 'a.yaml': entry('a', 'questions:\n  - "  where did my files go  "\n  - why is it slow') }));
    expect(r.issues).toEqual([]);
    expect(r.pack.byId.get('a')!.questions).toEqual(['where did my files go', 'why is it slow']);
  });

  it('is optional', () => {
    const r = loadContent(pack({ 'a.yaml': entry('a') }));
    expect(r.issues).toEqual([]);
    expect(r.pack.byId.get('a')!.questions).toEqual([]);
  });

  it('names the file and index of a bad phrasing', () => {
    const out = messages(pack({ 'a.yaml': entry('a', `questions:\n  - ok\n  - ""\n  - ${'x'.repeat(301)}`) }));
    expect(out).toContain('pack/a.yaml: questions.1: must not be empty');
    expect(out).toContain('pack/a.yaml: questions.2: must be at most 300 characters');
  });

  it('caps how many an entry may list', () => {
    const many = Array.from({ length: 151 }, (_, i) => `  - question number ${i} about a thing`).join('\n');
    expect(messages(pack({ 'a.yaml': entry('a', `questions:\n${many}`) }))).toContain('pack/a.yaml: questions: at most 150 phrasings');
  });

  it('reports a phrasing listed under two entries, or written twice', () => {
    const out = messages(
      pack({
        'a.yaml': entry('a', 'questions: [my data is gone, where is my data]'),
        'b.yaml': entry('b', 'questions: [My data is GONE!, what is a hypervisor, hypervisor definition]'),
      }),
    );
    expect(out).toContain('pack/b.yaml: questions.0: "My data is GONE!" reads the same as a phrasing of "a" (pack/a.yaml: "my data is gone")');
    expect(out).toContain('pack/b.yaml: questions.2: "hypervisor definition" reads the same as questions.1 ("what is a hypervisor") once filler words are dropped');
  });
});

describe('out-of-scope questions (_out-of-scope.yaml)', () => {
  it('are loaded from the pack and are not an entry', () => {
    const r = loadContent(pack({ 'a.yaml': entry('a'), '_out-of-scope.yaml': 'questions:\n  - layers in photoshop\n  - what time is it\n' }));
    expect(r.issues).toEqual([]);
    expect(r.pack.concepts.map((c) => c.id)).toEqual(['a']);
    expect(r.pack.outOfScope).toEqual(['layers in photoshop', 'what time is it']);
  });

  it('report a bad file by name and field', () => {
    const out = messages(pack({ 'a.yaml': entry('a'), '_out-of-scope.yaml': 'questions: []\nextra: 1\n' }));
    expect(out).toContain('pack/_out-of-scope.yaml: questions: needs at least one question');
    expect(out.some((l) => l.startsWith('pack/_out-of-scope.yaml: ') && l.includes('extra'))).toBe(true);
  });
});

describe('Dockerfile end-of-line comments', () => {
  it('finds a comment after FROM, ARG, ENV and on a continued ENV line', () => {
    const file = ['# a comment line is fine', 'FROM alpine:3.22 # small', 'ARG V=1  # version', 'ENV A=1 \\', '    B=2 # second', 'COPY . .', 'CMD ["sh"]'].join('\n');
    expect(endOfLineComments(file)).toEqual([2, 3, 5]);
  });

  it('allows a shell-form RUN comment, a # inside quotes, and comment lines inside a continuation', () => {
    const file = [
      'FROM alpine:3.22',
      'RUN echo hi # the shell reads this',
      'LABEL note="use # freely"',
      'RUN apk add \\',
      '# explain the next line',
      '    curl',
      'HEALTHCHECK CMD wget -q -O- http://localhost/#top || exit 1',
    ].join('\n');
    expect(endOfLineComments(file)).toEqual([]);
  });

  it('flags an exec-form RUN with a trailing comment', () => {
    expect(endOfLineComments('FROM scratch\nRUN ["true"] # no shell here')).toEqual([2]);
  });

  it('is a content error naming the file and example index', () => {
    const out = messages(
      pack({
        'a.yaml': entry(
          'a',
          `examples:
  - caption: fine
    code: docker ps
  - caption: broken
    language: dockerfile
    code: |
      FROM node:22-alpine  # runtime
      CMD ["node", "app.js"]`,
        ),
      }),
    );
    expect(out).toEqual(['pack/a.yaml: examples.1.code: Dockerfile line 1 puts a comment after an instruction; Dockerfiles have no end-of-line comments, put it on its own line']);
  });

  it('checks dockerfile blocks in the body too', () => {
    const body = 'body: |\n  Like this:\n\n  ```dockerfile\n  FROM a\n  ENV X=1 # no\n  ```\n';
    const out = messages(pack({ 'a.yaml': entry('a').replace(/body: .*\n/, body) }));
    expect(out).toEqual(['pack/a.yaml: body (dockerfile block 1): Dockerfile line 2 puts a comment after an instruction; Dockerfiles have no end-of-line comments, put it on its own line']);
  });
});
