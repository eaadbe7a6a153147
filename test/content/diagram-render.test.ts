/** Rendering diagrams to PNG: deterministic, 2x and at least 1200 px wide, cached by content hash. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { DiagramError, diagramKey, diagramPng, diagramPngPath, renderSvg } from '../../src/diagrams/render.ts';
import { pngSize } from '../helpers/png.ts';

const root = resolve(import.meta.dirname, '../..');
const svg = (width: number, text = 'Containers') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 200"><rect width="${width}" height="200" fill="#F8FAFC"/><text x="20" y="100" font-family="Inter" font-size="28">${text}</text></svg>`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tutor-render-'));
  dirs.push(d);
  return d;
};

describe('renderSvg', () => {
  it('gives the same bytes for the same input', () => {
    const a = renderSvg(svg(720), 720).png;
    const b = renderSvg(svg(720), 720).png;
    expect(a.equals(b)).toBe(true);
  });

  it('renders at 2x, and never narrower than 1200 px', () => {
    expect(pngSize(renderSvg(svg(720), 720).png)).toEqual({ width: 1440, height: 400 });
    expect(pngSize(renderSvg(svg(300), 300).png)).toEqual({ width: 1200, height: 800 });
  });

  it('draws text with the bundled fonts (no system fonts are loaded)', () => {
    // With no usable font the text would simply not be drawn, and both pictures would be equal.
    const withText = renderSvg(svg(720, 'Containers vs VMs'), 720).png;
    const blank = renderSvg(svg(720, ''), 720).png;
    expect(withText.equals(blank)).toBe(false);
    const mono = renderSvg(svg(720, 'x').replace('font-family="Inter"', 'font-family="JetBrains Mono"'), 720).png;
    const sans = renderSvg(svg(720, 'x'), 720).png;
    expect(mono.equals(sans)).toBe(false);
  });
});

describe('the PNG cache', () => {
  function diagram(text: string) {
    const dir = temp();
    const svgPath = join(dir, 'd.svg');
    writeFileSync(svgPath, text);
    return { svgPath, key: diagramKey(text), viewBoxWidth: 720 };
  }

  it('renders once into <key>.png and reads the cached file afterwards', () => {
    const cache = temp();
    const d = diagram(svg(720));
    const file = diagramPngPath(d, cache);
    expect(file).toBe(join(cache, `${d.key}.png`));
    const first = statSync(file).mtimeMs;
    rmSync(d.svgPath); // the cached PNG is enough from now on
    expect(diagramPng(d, cache).equals(readFileSync(file))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(first);
  });

  it('a changed SVG has a new key and is rendered again', () => {
    const cache = temp();
    const a = diagram(svg(720, 'one'));
    const b = diagram(svg(720, 'two'));
    expect(a.key).not.toBe(b.key);
    diagramPngPath(a, cache);
    diagramPngPath(b, cache);
    expect(existsSync(join(cache, `${a.key}.png`)) && existsSync(join(cache, `${b.key}.png`))).toBe(true);
    expect(readFileSync(join(cache, `${a.key}.png`)).equals(readFileSync(join(cache, `${b.key}.png`)))).toBe(false);
  });

  it('an SVG edited after loading is not rendered under its old key', () => {
    const cache = temp();
    const d = diagram(svg(720, 'before'));
    writeFileSync(d.svgPath, svg(720, 'after'));
    expect(() => diagramPngPath(d, cache)).toThrow(DiagramError);
    expect(() => diagramPngPath(d, cache)).toThrow(/changed since the content was loaded/);
  });

  it('a missing SVG (and no cached PNG) is a DiagramError naming the file', () => {
    const d = { svgPath: join(temp(), 'gone.svg'), key: 'a'.repeat(32), viewBoxWidth: 720 };
    expect(() => diagramPng(d, temp())).toThrow(/cannot read .*gone\.svg/);
  });
});

describe('the shipped diagrams', () => {
  const { pack, issues } = loadContent(resolve(root, 'content'));
  const diagrams = [...new Map(pack.concepts.flatMap((c) => c.diagrams ?? []).map((d) => [d.name, d])).values()];

  it('are the eight the lessons are taught with', () => {
    expect(issues).toEqual([]);
    expect(diagrams.map((d) => d.name).sort()).toEqual([
      'containers-vs-vms',
      'dockerfile-to-container',
      'hypervisor-types',
      'image-layers',
      'namespaces-cgroups',
      'port-mapping',
      'registry-push-pull',
      'volumes-bind-tmpfs',
    ]);
  });

  it('each renders to a PNG at least 1200 px wide, with its copy in docs/diagrams at the same size', () => {
    for (const d of diagrams) {
      const size = pngSize(diagramPng(d));
      expect(size.width, d.name).toBeGreaterThanOrEqual(1200);
      expect(pngSize(readFileSync(join(root, 'docs/diagrams', `${d.name}.png`))), d.name).toEqual(size);
    }
  });
});
