/** The console cannot show pictures: it prints the ASCII drawing and the path of the rendered PNG. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_USER, diagramPngPath, loadContentOrThrow, Tutor, type Reply } from '../../../src/index.ts';
import { renderConsole } from '../../../adapters/console/render.ts';
import { pipedChat } from '../../helpers/console-chat.ts';
import { pngSize } from '../../helpers/png.ts';

const tutor = new Tutor(loadContentOrThrow(resolve(import.meta.dirname, '../../fixtures/diagram-pack')));
const DRAWING = ['    [ writable layer (container) ]  lost on docker rm', '    [ image layer 2 (read-only)  ]', '    [ image layer 1 (read-only)  ]'];

const chat = (lines: string[]) => pipedChat(tutor, lines);

describe('console diagrams', () => {
  it('an answer prints the drawing, then the path of a PNG that exists', async () => {
    const reply = await tutor.handle({ type: 'text', text: 'what is the writable layer' }, CONSOLE_USER);
    const { text } = renderConsole(reply);
    const lines = text.split('\n');
    const at = lines.indexOf('Diagram:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual(DRAWING);
    const path = diagramPngPath(reply.diagram!);
    expect(lines).toContain(`Picture: ${path}`);
    expect(pngSize(readFileSync(path)).width).toBeGreaterThanOrEqual(1200);
  });

  it('says plainly when the picture cannot be had, and still prints the drawing', () => {
    const reply: Reply = {
      kind: 'answer',
      title: 'Gone',
      paragraphs: ['x'],
      code: [],
      related: [],
      suggestions: [],
      extra: [],
      audience: 'requester',
      fallback: 'Gone',
      diagram: { name: 'gone', alt: 'nothing', text: '[ a ]', svgPath: resolve(import.meta.dirname, 'no-such.svg'), key: 'f'.repeat(32), viewBoxWidth: 100 },
    };
    const { text } = renderConsole(reply);
    expect(text).toContain('Diagram:\n    [ a ]');
    expect(text).toMatch(/\(The picture is not available: cannot read .*no-such\.svg/);
  });

  it('a practice quiz item that refers to a diagram shows it with the question', async () => {
    const out = await chat(['/quiz']);
    expect(out).toContain('In the picture, which layer is lost when the container is removed?');
    expect(out).toContain(DRAWING.join('\n'));
    expect(out).toMatch(/Picture: .*\.png/);
  });

  it('answers without a diagram print none', async () => {
    const out = await chat(['bind mount']);
    expect(out).toContain('Bind mount');
    expect(out).not.toContain('Diagram:');
    expect(out).not.toContain('Picture:');
  });
});
