/**
 * Diagram rendering, as the build does it: every shipped SVG rasterised to PNG with the bundled
 * fonts. The bot itself never renders at start (it reads the PNGs the build wrote); this is the
 * build's cost, and the cost of a first answer whose diagram the build had not seen.
 */
import { resolve } from 'node:path';
import { loadContentOrThrow } from '../src/index.ts';
import { renderSvg } from '../src/diagrams/render.ts';
import { readFileSync } from 'node:fs';

export interface DiagramBench {
  /** All diagrams in one fresh process: includes loading the renderer and fonts. */
  coldTotalMs: number;
  /** All diagrams again, renderer loaded. */
  warmTotalMs: number;
  rows: { name: string; ms: number; width: number; height: number; bytes: number }[];
}

export function runDiagramBench(root: string): DiagramBench {
  const pack = loadContentOrThrow(resolve(root, 'content'));
  const diagrams = [...new Map(pack.concepts.flatMap((c) => c.diagrams ?? []).map((d) => [d.key, d])).values()];
  const sources = diagrams.map((d) => ({ d, svg: readFileSync(d.svgPath, 'utf8') }));
  let t = performance.now();
  for (const { d, svg } of sources) renderSvg(svg, d.viewBoxWidth);
  const coldTotalMs = performance.now() - t;
  const rows: DiagramBench['rows'] = [];
  t = performance.now();
  for (const { d, svg } of sources) {
    const one = performance.now();
    const r = renderSvg(svg, d.viewBoxWidth);
    rows.push({ name: d.name, ms: performance.now() - one, width: r.width, height: r.height, bytes: r.png.length });
  }
  return { coldTotalMs, warmTotalMs: performance.now() - t, rows };
}
