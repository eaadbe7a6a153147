import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempPacks } from '../helpers/temp-pack.ts';
import { loadContent } from '../../src/content/load.ts';

const { pack, messages } = tempPacks('tutor-content-');

const entry = (id: string, extra = '') => `id: ${id}
title: Title of ${id}
aliases: [alias of ${id}]
summary: Summary of ${id}.
body: Body of ${id}.
related: []
${extra}`;

describe('content loading', () => {
  it('loads YAML and Markdown entries and resolves quiz answers', () => {
    const root = pack({
      'a.yaml': entry(
        'a',
        `quiz:
  - prompt: Pick one
    choices: [x, y]
    answer: y
    explanation: Because.
    misconceptions: { x: Not x. }`,
      ),
      'b.md': `---
id: b
title: Bee
aliases: [bee entry]
summary: A bee.
related: [a]
---
The **body** comes from Markdown.
`,
    });
    const r = loadContent(root);
    expect(r.issues).toEqual([]);
    expect(r.pack.byId.get('b')!.body).toBe('The **body** comes from Markdown.');
    const q = r.pack.quizById.get('a-q1')!;
    expect(q.answerIndex).toBe(1);
    expect(q.misconceptions).toEqual({ 0: 'Not x.' });
    expect(r.pack.byId.get('a')!.pack).toBe('pack');
  });

  it('names the file and field for schema errors', () => {
    const root = pack({ 'bad.yaml': 'id: Bad Id\ntitle: ""\nsummary: x\nbody: y\n' });
    const out = messages(root);
    expect(out).toContain('pack/bad.yaml: id: must be a kebab-case slug like "docker-image"');
    expect(out).toContain('pack/bad.yaml: title: must not be empty');
  });

  it('reports unknown fields and wrong types', () => {
    const out = messages(pack({ 'a.yaml': entry('a', 'colour: blue\nkeywords: 3') }));
    expect(out.some((l) => l.startsWith('pack/a.yaml: ') && l.includes('colour'))).toBe(true);
    expect(out.some((l) => l.startsWith('pack/a.yaml: keywords:'))).toBe(true);
  });

  it('reports YAML syntax errors per file', () => {
    const out = messages(pack({ 'a.yaml': 'id: [unclosed\n' }));
    expect(out[0]).toMatch(/^pack\/a\.yaml: \(file\): /);
  });

  it('reports duplicate ids across files', () => {
    const out = messages(pack({ 'a.yaml': entry('a'), 'sub/a.yaml': entry('a').replace('alias of a', 'other alias') }));
    expect(out).toContain('pack/sub/a.yaml: id: duplicate id "a" (also in pack/a.yaml)');
  });

  it('reports aliases that collide between entries', () => {
    const out = messages(pack({ 'a.yaml': entry('a'), 'b.yaml': entry('b').replace('alias of b', 'Alias of A') }));
    expect(out).toContain('pack/b.yaml: aliases.0: "Alias of A" collides with a title or alias of "a" (pack/a.yaml)');
  });

  it('treats names the matcher cannot tell apart as colliding (plural, case, filler words)', () => {
    const out = messages(pack({ 'a.yaml': entry('a').replace('alias of a', 'named volume'), 'b.yaml': entry('b').replace('alias of b', 'what are Named Volumes') }));
    expect(out).toContain('pack/b.yaml: aliases.0: "what are Named Volumes" collides with a title or alias of "a" (pack/a.yaml)');
  });

  it('reports an entry related to itself', () => {
    const out = messages(pack({ 'a.yaml': entry('a').replace('related: []', 'related: [a]') }));
    expect(out).toContain('pack/a.yaml: related.0: an entry cannot be related to itself');
  });

  it('reports duplicate choices and a misconception on the correct answer', () => {
    const out = messages(
      pack({
        'a.yaml': entry(
          'a',
          `quiz:
  - prompt: Pick
    choices: [x, y, x]
    answer: x
    explanation: E.
    misconceptions: { x: Wrong note on the right answer. }`,
        ),
      }),
    );
    expect(out).toContain('pack/a.yaml: quiz.0.choices.2: duplicate choice "x"');
    expect(out).toContain('pack/a.yaml: quiz.0.misconceptions: "x" is the correct answer, not a misconception');
  });

  it('reports duplicate quiz ids across files', () => {
    const quiz = 'quiz:\n  - {id: same-q, prompt: P, choices: [x, y], answer: x, explanation: E}';
    const out = messages(pack({ 'a.yaml': entry('a', quiz), 'b.yaml': entry('b', quiz) }));
    expect(out).toContain('pack/b.yaml: quiz.0.id: duplicate quiz id "same-q" (also in pack/a.yaml)');
  });

  it('reports related ids that do not exist', () => {
    const out = messages(pack({ 'a.yaml': entry('a').replace('related: []', 'related: [nope]') }));
    expect(out).toContain('pack/a.yaml: related.0: unknown concept id "nope"');
  });

  it('reports quiz answers that are not one of the choices', () => {
    const out = messages(
      pack({
        'a.yaml': entry(
          'a',
          `quiz:
  - prompt: Pick
    choices: [x, y]
    answer: z
    explanation: E.
    misconceptions: { w: Not a choice. }`,
        ),
      }),
    );
    expect(out).toContain('pack/a.yaml: quiz.0.answer: "z" is not one of the choices');
    expect(out).toContain('pack/a.yaml: quiz.0.misconceptions: "w" is not one of the choices');
  });

  it('reports quiz items with too few or too many choices', () => {
    const out = messages(pack({ 'a.yaml': entry('a', 'quiz:\n  - {prompt: P, choices: [x], answer: x, explanation: E}') }));
    expect(out).toContain('pack/a.yaml: quiz.0.choices: needs 2 to 5 choices');
  });

  it('reports a table row with the wrong number of cells', () => {
    const out = messages(pack({ 'a.yaml': entry('a', 'table:\n  headers: [A, B]\n  rows:\n    - [one]') }));
    expect(out).toContain('pack/a.yaml: table.rows.0: has 1 cells but there are 2 headers');
  });

  it('requires the id to match the file name', () => {
    expect(messages(pack({ 'x.yaml': entry('a') }))).toContain('pack/x.yaml: id: "a" must match the file name "x"');
  });

  it('reports a missing directory and an empty one', () => {
    expect(loadContent(join(tmpdir(), 'no-such-tutor-dir')).issues[0]!.message).toMatch(/cannot read content directory/);
    const root = pack({});
    expect(loadContent(root).issues[0]!.message).toMatch(/no concept files/);
  });
});
