import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { DIAGRAM_CACHE_DIR } from '../paths.ts';
import { fontFiles } from './fonts.ts';

/**
 * Diagrams are drawn as SVG in the content pack and shown in chat as PNG. The build renders every
 * shipped diagram into DIAGRAM_CACHE_DIR under a hash of its SVG text and the render settings (like
 * the content cache), so answering only reads a file. A diagram the build has not seen (an edited
 * SVG, another CONTENT_DIR) is rendered on first use and cached the same way.
 */

/** Bump when the output for the same SVG changes (fonts, scale, renderer options). */
const RENDER_VERSION = 'r1 inter-4.1 jbmono-2.3 2x min1200';
/** Chat clients scale pictures down to the message width; 2x keeps lines and labels sharp. */
const SCALE = 2;
const MIN_WIDTH = 1200;
const MAX_WIDTH = 3200;

/** The cache key of an SVG source: same text and settings, same PNG. */
export function diagramKey(svg: string): string {
  return createHash('sha256').update(RENDER_VERSION).update('\0').update(svg).digest('hex').slice(0, 32);
}

let resvg: typeof ResvgClass | undefined;
/** Loaded on first render only: a plain answer never pays for the native module. */
const loadResvg = () => (resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg);

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** Rasterise one SVG with the bundled fonts only (no system fonts), at 2x and at least 1200 px wide. */
export function renderSvg(svg: string, viewBoxWidth: number): RenderedPng {
  const Resvg = loadResvg();
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, viewBoxWidth * SCALE)));
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'Inter', sansSerifFamily: 'Inter', monospaceFamily: 'JetBrains Mono' },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  const out = r.render();
  return { png: out.asPng(), width: out.width, height: out.height };
}

/** What rendering needs to know about a diagram; a Concept's diagram and a Reply's both qualify. */
export interface DiagramSource {
  /** The SVG file. */
  svgPath: string;
  /** diagramKey of its text at load time. */
  key: string;
  viewBoxWidth: number;
}

export class DiagramError extends Error {}

const memo = new Map<string, string>();

/**
 * The PNG file for a diagram: the cached one when it exists, otherwise rendered now and cached.
 * Throws DiagramError when the SVG is gone or cannot be rendered (the caller shows the text fallback).
 */
export function diagramPngPath(d: DiagramSource, cacheDir = DIAGRAM_CACHE_DIR): string {
  const file = join(cacheDir, `${d.key}.png`);
  if (memo.get(d.key) === file || existsSync(file)) {
    memo.set(d.key, file);
    return file;
  }
  let svg: string;
  try {
    svg = readFileSync(d.svgPath, 'utf8');
  } catch (err) {
    throw new DiagramError(`cannot read ${d.svgPath} (${(err as Error).message})`);
  }
  if (diagramKey(svg) !== d.key) throw new DiagramError(`${d.svgPath} changed since the content was loaded; restart to pick up the new version`);
  let png: Buffer;
  try {
    png = renderSvg(svg, d.viewBoxWidth).png;
  } catch (err) {
    throw new DiagramError(`cannot render ${d.svgPath} (${(err as Error).message})`);
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  } catch (err) {
    throw new DiagramError(`cannot write the rendered picture to ${cacheDir} (${(err as Error).message})`);
  }
  memo.set(d.key, file);
  return file;
}

/** The PNG bytes of a diagram (see diagramPngPath). */
export function diagramPng(d: DiagramSource, cacheDir = DIAGRAM_CACHE_DIR): Buffer {
  const file = diagramPngPath(d, cacheDir);
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DiagramError(`cannot read ${file} (${(err as Error).message})`);
  }
}
