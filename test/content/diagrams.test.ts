/**
 * `diagrams:` in the content schema and what loading (and so `tutor content check` and startup)
 * checks about each SVG: it exists, parses as SVG, has a viewBox, uses only bundled fonts, has no
 * scripts or external references, and the alt text is there.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { formatIssue } from '../../src/content/model.ts';
import { checkSvg } from '../../src/content/svg-check.ts';
import { quizQuestionReply } from '../../src/reply/build.ts';
import { firstAnswer, moreReply, exampleReply } from '../../src/reply/first-answer.ts';

const root = resolve(import.meta.dirname, '../..');
const GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300"><rect width="640" height="300" fill="#fff"/><text x="10" y="40" font-family="Inter">Hi</text></svg>';
const svg = (inner: string, attrs = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300"') => `<svg ${attrs}>${inner}</svg>`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A one-pack content folder with one concept (plus extra YAML lines) and the given SVG files. */
function pack(extra: string, files: Record<string, string> = { 'layers.svg': GOOD_SVG }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-diagrams-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'p', 'diagrams'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'p', 'diagrams', name), text);
  writeFileSync(join(dir, 'p', 'layers.yaml'), `id: layers\ntitle: Layers\nsummary: S.\nbody: B.\n${extra}`);
  return dir;
}
const diagram = (file = 'diagrams/layers.svg', alt = 'Two layers.', text = '[ a ]\\n[ b ]') => `diagrams:\n  - file: ${file}\n    alt: ${alt}\n    text: "${text}"\n`;
const problems = (dir: string) => loadContent(dir, { parseCache: new Map() }).issues.map(formatIssue);
const svgProblems = (text: string) => {
  const r = checkSvg(text);
  return r.ok ? [] : r.problems;
};

describe('the diagrams field', () => {
  it('a valid diagram loads: name, alt, text, a content key and the viewBox width', () => {
    const r = loadContent(pack(diagram()), { parseCache: new Map() });
    expect(r.issues).toEqual([]);
    const [d] = r.pack.byId.get('layers')!.diagrams!;
    expect(d).toMatchObject({ name: 'layers', file: 'p/diagrams/layers.svg', alt: 'Two layers.', text: '[ a ]\n[ b ]', viewBoxWidth: 640 });
    expect(d!.key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the build cache skips re-checking an unchanged SVG, never an edited one', () => {
    const dir = pack(diagram());
    const collect = new Map<string, unknown>();
    const first = loadContent(dir, { parseCache: new Map(), collect });
    const cached = loadContent(dir, { parseCache: collect });
    expect(cached.issues).toEqual([]);
    expect(cached.pack.byId.get('layers')!.diagrams).toEqual(first.pack.byId.get('layers')!.diagrams);
    writeFileSync(join(dir, 'p', 'diagrams', 'layers.svg'), svg('<script/>'));
    expect(loadContent(dir, { parseCache: collect }).issues.map(formatIssue)).toEqual([
      'p/layers.yaml: diagrams.0.file: p/diagrams/layers.svg must not contain <script> (diagrams are pictures only: no scripts or embedded documents)',
    ]);
  });

  it('the alt text is required and must say something', () => {
    const dir = pack('diagrams:\n  - file: diagrams/layers.svg\n    text: x\n');
    expect(problems(dir)).toEqual(['p/layers.yaml: diagrams.0.alt: Invalid input: expected string, received undefined']);
    expect(problems(pack(diagram(undefined, '"  "')))).toEqual(['p/layers.yaml: diagrams.0.alt: must not be empty']);
  });

  it('the text fallback is required and fits a chat code block', () => {
    expect(problems(pack('diagrams:\n  - file: diagrams/layers.svg\n    alt: A.\n'))).toEqual(['p/layers.yaml: diagrams.0.text: Invalid input: expected string, received undefined']);
    expect(problems(pack(diagram(undefined, undefined, 'x'.repeat(65))))).toEqual(['p/layers.yaml: diagrams.0.text: lines must be at most 64 characters wide (chat code blocks wrap longer ones)']);
  });

  it("the file is a kebab-case .svg inside the pack's diagrams folder", () => {
    for (const file of ['../secret.svg', 'diagrams/Layers.svg', 'diagrams/layers.png', 'other/layers.svg']) {
      expect(problems(pack(diagram(file))), file).toEqual([expect.stringMatching(/^p\/layers\.yaml: diagrams\.0\.file: must be a path like diagrams\/containers-vs-vms\.svg/)]);
    }
  });

  it('the file must exist', () => {
    expect(problems(pack(diagram('diagrams/missing.svg')))).toEqual(['p/layers.yaml: diagrams.0.file: p/diagrams/missing.svg does not exist']);
  });

  it('the same file twice is reported', () => {
    expect(problems(pack(`${diagram()}  - file: diagrams/layers.svg\n    alt: Again.\n    text: x\n`))).toEqual(['p/layers.yaml: diagrams.1.file: "diagrams/layers.svg" is listed twice']);
  });

  it("a quiz item may name one of its concept's diagrams, and nothing else", () => {
    const quiz = (name: string) => `quiz:\n  - prompt: Which?\n    diagram: ${name}\n    choices: [A, B]\n    answer: A\n    explanation: Because.\n`;
    const ok = loadContent(pack(diagram() + quiz('layers')), { parseCache: new Map() });
    expect(ok.issues).toEqual([]);
    expect(ok.pack.quizItems[0]!.diagram?.name).toBe('layers');
    expect(problems(pack(diagram() + quiz('ports')))).toEqual(['p/layers.yaml: quiz.0.diagram: "ports" is not one of this concept\'s diagrams (layers)']);
    expect(problems(pack(quiz('ports')))).toEqual(['p/layers.yaml: quiz.0.diagram: "ports" is not one of this concept\'s diagrams (it has none)']);
  });

  it('problems inside the SVG are reported against the entry, naming the SVG file', () => {
    const dir = pack(diagram(), { 'layers.svg': svg('<script>alert(1)</script>') });
    expect(problems(dir)).toEqual(['p/layers.yaml: diagrams.0.file: p/diagrams/layers.svg must not contain <script> (diagrams are pictures only: no scripts or embedded documents)']);
  });

  it("the first answer and Explain more carry the concept's first diagram, an example does not; a quiz question carries the one its item names", () => {
    const quiz =
      'quiz:\n  - prompt: Which?\n    diagram: layers\n    choices: [A, B]\n    answer: A\n    explanation: Because.\n  - prompt: Plain?\n    choices: [A, B]\n    answer: A\n    explanation: Because.\n';
    const { pack: p } = loadContent(pack(diagram() + quiz), { parseCache: new Map() });
    const c = p.byId.get('layers')!;
    expect(firstAnswer(c, p).diagram).toMatchObject({ name: 'layers', alt: 'Two layers.', text: '[ a ]\n[ b ]' });
    expect(moreReply(c, p).diagram?.name).toBe('layers');
    expect(exampleReply(c, p).diagram).toBeUndefined();
    expect(quizQuestionReply(c.quiz[0]!, c, () => 'x').diagram?.name).toBe('layers');
    expect(quizQuestionReply(c.quiz[1]!, c, () => 'x').diagram).toBeUndefined();
    const plain = loadContent(pack(''), { parseCache: new Map() }).pack;
    expect(firstAnswer(plain.byId.get('layers')!, plain).diagram).toBeUndefined();
  });
});

describe('SVG rules', () => {
  it('accepts the shipped style: a <style> with bundled fonts, markers and internal url(#…) references', () => {
    expect(
      svgProblems(
        svg(
          '<style>.t{font-family:Inter;font-weight:700}.c{font-family:\'JetBrains Mono\', monospace}</style><defs><marker id="a"><path d="M0 0"/></marker></defs><line x1="0" y1="0" x2="1" y2="1" marker-end="url(#a)"/><use href="#a"/><!-- a comment --><text x="1" y="1">A &amp; B</text>',
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    ['not XML at all', 'hello', 'is not well-formed XML: text outside the <svg> element'],
    ['an empty file', '', 'is not an SVG file: no elements found'],
    ['an unclosed element', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g></svg>', 'is not well-formed XML: </svg> closes <g>'],
    ['a never-closed root', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g/>', 'is not well-formed XML: <svg> is never closed'],
    ['a stray <', svg('<text>1 < 2</text>'), 'is not well-formed XML: a stray "<" or a malformed tag near "< 2</text></svg>"'],
    ['a bare &', svg('<text>A & B</text>'), 'is not well-formed XML: a bare "&" (write &amp;) near "A & B</text></svg>"'],
    ['a repeated attribute', svg('<rect x="1" x="2"/>'), 'is not well-formed XML: <rect> repeats the attribute x'],
    ['two root elements', `${GOOD_SVG}<svg/>`, 'is not well-formed XML: more than one root element'],
    ['another document type', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'is not an SVG file: the root element is <html>, not <svg>'],
  ])('rejects %s', (_, text, message) => {
    expect(svgProblems(text)).toEqual([message]);
  });

  it('needs the SVG namespace', () => {
    expect(svgProblems('<svg viewBox="0 0 10 10"><rect/></svg>')).toEqual(['must declare xmlns="http://www.w3.org/2000/svg" on <svg>']);
  });

  it.each([
    ['no viewBox', 'xmlns="http://www.w3.org/2000/svg" width="640" height="300"', 'needs a viewBox on <svg> (for example viewBox="0 0 720 400"), so it scales to any width'],
    ['three numbers', 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640"', 'viewBox "0 0 640" must be four numbers: x y width height'],
    ['words', 'xmlns="http://www.w3.org/2000/svg" viewBox="auto"', 'viewBox "auto" must be four numbers: x y width height'],
    ['zero width', 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 300"', 'viewBox "0 0 0 300" must have a positive width and height'],
  ])('a viewBox is required: %s', (_, attrs, message) => {
    expect(svgProblems(svg('<rect/>', attrs))).toEqual([message]);
  });

  it.each([
    ['a script element', '<script>alert(1)</script>', 'must not contain <script> (diagrams are pictures only: no scripts or embedded documents)'],
    ['a namespaced script', '<svg:script xmlns:svg="http://www.w3.org/2000/svg">x</svg:script>', 'must not contain <script> (diagrams are pictures only: no scripts or embedded documents)'],
    [
      'a foreignObject',
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
      'must not contain <foreignObject> (diagrams are pictures only: no scripts or embedded documents)',
    ],
    ['an event handler', '<rect onclick="go()"/>', 'must not have event handlers (onclick on <rect>)'],
    ['an external image', '<image href="https://example.com/a.png"/>', 'must not reference anything outside the file (href="https://example.com/a.png" on <image>)'],
    ['an embedded data image', '<image href="data:image/png;base64,AAAA"/>', 'must not reference anything outside the file (href="data:image/png;base64,AAAA" on <image>)'],
    ['xlink:href to another file', '<use xlink:href="other.svg#shape"/>', 'must not reference anything outside the file (xlink:href="other.svg#shape" on <use>)'],
    ['a url() to another file', '<rect fill="url(pattern.svg#p)"/>', 'must not reference anything outside the file (url(pattern.svg#p) in fill of <rect>)'],
    ['a url() in a style attribute', '<rect style="fill:url(\'https://x.test/p.svg#p\')"/>', 'must not reference anything outside the file (url(https://x.test/p.svg#p) in a style)'],
    ['an @import', '<style>@import url(#x);</style>', 'must not import outside styles (@import)'],
    ['a DOCTYPE', '', 'must not have a DOCTYPE (entities could pull in outside content)'],
  ])('rejects %s', (name, inner, message) => {
    const text = name === 'a DOCTYPE' ? `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${GOOD_SVG}` : svg(inner);
    expect(svgProblems(text)).toEqual([message]);
  });

  it.each([
    ['a font-family attribute', '<text font-family="Comic Sans MS">x</text>', 'uses the font "Comic Sans MS", which the build does not bundle (use "Inter" or "JetBrains Mono")'],
    ['a style attribute', '<text style="font-family: Arial, sans-serif">x</text>', 'uses the font "Arial", which the build does not bundle (use "Inter" or "JetBrains Mono")'],
    ['a <style> rule', '<style>.a { font-family: "Helvetica Neue" }</style>', 'uses the font "Helvetica Neue", which the build does not bundle (use "Inter" or "JetBrains Mono")'],
    ['a generic family alone', '<text font-family="sans-serif">x</text>', 'uses the font "sans-serif", which the build does not bundle (use "Inter" or "JetBrains Mono")'],
    ['the font shorthand', '<style>.a { font: 12px Inter }</style>', 'must set fonts with font-family, not the font: shorthand (so the check can see the family)'],
  ])('only bundled fonts: rejects %s', (_, inner, message) => {
    expect(svgProblems(svg(inner))).toEqual([message]);
  });

  it('lists every problem of a file, each once', () => {
    expect(svgProblems(svg('<script/><script/><rect onload="x"/><text font-family="Arial">a</text>', 'xmlns="http://www.w3.org/2000/svg"'))).toEqual([
      'must not contain <script> (diagrams are pictures only: no scripts or embedded documents)',
      'must not have event handlers (onload on <rect>)',
      'uses the font "Arial", which the build does not bundle (use "Inter" or "JetBrains Mono")',
      'needs a viewBox on <svg> (for example viewBox="0 0 720 400"), so it scales to any width',
    ]);
  });
});

describe('tutor content check', () => {
  it('passes the shipped pack and the diagram fixture pack', () => {
    for (const dir of ['content', 'test/fixtures/diagram-pack']) {
      const r = spawnSync(process.execPath, [join(root, 'bin/tutor.mjs'), 'content', 'check', dir], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('fails a pack with a bad diagram with one file: field: message line per problem', () => {
    const dir = pack(diagram(), { 'layers.svg': svg('<script>x</script><text font-family="Papyrus">a</text>', 'xmlns="http://www.w3.org/2000/svg"') });
    const r = spawnSync(process.execPath, [join(root, 'bin/tutor.mjs'), 'content', 'check', dir], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'p/layers.yaml: diagrams.0.file: p/diagrams/layers.svg must not contain <script> (diagrams are pictures only: no scripts or embedded documents)',
      'p/layers.yaml: diagrams.0.file: p/diagrams/layers.svg uses the font "Papyrus", which the build does not bundle (use "Inter" or "JetBrains Mono")',
      'p/layers.yaml: diagrams.0.file: p/diagrams/layers.svg needs a viewBox on <svg> (for example viewBox="0 0 720 400"), so it scales to any width',
      '3 problems in 1 file.',
    ]);
  });
});
