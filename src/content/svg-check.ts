/**
 * The rules a diagram's SVG source must follow, checked without a renderer (this runs on every
 * start, so it is a small tokenizer, not an XML library): well-formed XML with one <svg> root in
 * the SVG namespace, a usable viewBox, only the fonts the build bundles, and nothing that runs or
 * reaches outside the file (scripts, event handlers, foreign objects, external links or styles).
 */
import { FONT_FAMILIES } from '../diagrams/fonts.ts';

/** Part of the build cache's key for checked SVGs: bump it when a rule changes. */
export const SVG_RULES_VERSION = `1 ${FONT_FAMILIES.join(',')}`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+|</g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const BAD_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
/** Elements that run code or embed another document. */
const FORBIDDEN = new Set(['script', 'foreignObject', 'iframe', 'object', 'embed', 'audio', 'video']);
/** Generic family names are allowed only as a last fallback after a bundled family. */
const GENERIC = new Set(['sans-serif', 'serif', 'monospace']);

interface SvgInfo {
  viewBox: { x: number; y: number; width: number; height: number };
}

export type SvgCheck = { ok: true; info: SvgInfo; problems: [] } | { ok: false; problems: string[] };

export function checkSvg(text: string): SvgCheck {
  const problems: string[] = [];
  const stack: string[] = [];
  let root: { name: string; attrs: Map<string, string> } | undefined;
  let rootClosed = false;
  const styles: string[] = [];
  const seen = new Set<string>();
  const once = (msg: string) => {
    if (!seen.has(msg)) problems.push(msg);
    seen.add(msg);
  };

  for (const m of text.matchAll(TOKEN)) {
    const [tok, cdata, close, open, attrText, selfClose] = m;
    if (tok === '<') return fail(`is not well-formed XML: a stray "<" or a malformed tag near "${snippet(text, m.index)}"`);
    if (tok.startsWith('<!DOCTYPE')) {
      once('must not have a DOCTYPE (entities could pull in outside content)');
      continue;
    }
    if (tok.startsWith('<!--') || tok.startsWith('<?')) continue;
    if (cdata !== undefined || (!tok.startsWith('<') && open === undefined && close === undefined)) {
      const content = cdata ?? tok;
      if (stack.length === 0 && content.trim()) return fail('is not well-formed XML: text outside the <svg> element');
      if (cdata === undefined && BAD_ENTITY.test(content)) return fail(`is not well-formed XML: a bare "&" (write &amp;) near "${snippet(text, m.index)}"`);
      if (stack[stack.length - 1] === 'style') styles.push(content);
      continue;
    }
    if (close !== undefined) {
      const top = stack.pop();
      if (top !== close) return fail(`is not well-formed XML: </${close}> closes <${top ?? 'nothing'}>`);
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    const name = open!;
    if (rootClosed || (stack.length === 0 && root)) return fail('is not well-formed XML: more than one root element');
    const attrs = new Map<string, string>();
    for (const a of (attrText ?? '').matchAll(ATTR)) {
      const key = a[1]!;
      const value = a[2] ?? a[3] ?? '';
      if (attrs.has(key)) return fail(`is not well-formed XML: <${name}> repeats the attribute ${key}`);
      if (BAD_ENTITY.test(value)) return fail(`is not well-formed XML: a bare "&" in ${key} of <${name}> (write &amp;)`);
      attrs.set(key, value);
    }
    if (!root) root = { name, attrs };
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (FORBIDDEN.has(local)) once(`must not contain <${local}> (diagrams are pictures only: no scripts or embedded documents)`);
    for (const [key, value] of attrs) {
      if (/^on/i.test(key)) once(`must not have event handlers (${key} on <${name}>)`);
      if ((key === 'href' || key.endsWith(':href')) && !value.trim().startsWith('#')) once(`must not reference anything outside the file (${key}="${value.slice(0, 60)}" on <${name}>)`);
      if (key === 'style') styles.push(value);
      else if (/url\(/i.test(value)) checkUrls(value, `${key} of <${name}>`, once);
      if (key === 'font-family') checkFamilies(value, once);
    }
    if (selfClose) {
      if (stack.length === 0) rootClosed = true;
    } else stack.push(name);
  }
  if (!root) return fail('is not an SVG file: no elements found');
  if (stack.length > 0) return fail(`is not well-formed XML: <${stack[stack.length - 1]}> is never closed`);
  if (root.name !== 'svg') return fail(`is not an SVG file: the root element is <${root.name}>, not <svg>`);
  if (root.attrs.get('xmlns') !== SVG_NS) problems.push(`must declare xmlns="${SVG_NS}" on <svg>`);

  for (const css of styles) {
    if (/@import/i.test(css)) once('must not import outside styles (@import)');
    checkUrls(css, 'a style', once);
    for (const f of css.matchAll(/font-family\s*:\s*([^;}]+)/gi)) checkFamilies(f[1]!, once);
    if (/(^|[;{\s])font\s*:/i.test(css)) once('must set fonts with font-family, not the font: shorthand (so the check can see the family)');
  }

  const viewBox = parseViewBox(root.attrs.get('viewBox'));
  if (typeof viewBox === 'string') problems.push(viewBox);
  if (problems.length || typeof viewBox === 'string') return { ok: false, problems };
  return { ok: true, info: { viewBox }, problems: [] };

  function fail(msg: string): SvgCheck {
    return { ok: false, problems: [msg] };
  }
}

function parseViewBox(raw: string | undefined): SvgInfo['viewBox'] | string {
  if (raw === undefined) return 'needs a viewBox on <svg> (for example viewBox="0 0 720 400"), so it scales to any width';
  const n = raw
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return `viewBox "${raw}" must be four numbers: x y width height`;
  const [x, y, width, height] = n as [number, number, number, number];
  if (width <= 0 || height <= 0) return `viewBox "${raw}" must have a positive width and height`;
  return { x, y, width, height };
}

function checkUrls(value: string, where: string, report: (msg: string) => void): void {
  for (const u of value.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!u[2]!.trim().startsWith('#')) report(`must not reference anything outside the file (url(${u[2]!.slice(0, 60)}) in ${where})`);
  }
}

function checkFamilies(value: string, report: (msg: string) => void): void {
  const families = value
    .split(',')
    .map((f) =>
      f
        .trim()
        .replace(/^['"]|['"]$/g, '')
        .trim(),
    )
    .filter(Boolean);
  families.forEach((family, i) => {
    if (GENERIC.has(family.toLowerCase()) && i > 0) return;
    if (!FONT_FAMILIES.includes(family)) report(`uses the font "${family}", which the build does not bundle (use ${FONT_FAMILIES.map((f) => `"${f}"`).join(' or ')})`);
  });
}

function snippet(text: string, at: number): string {
  return text.slice(at, at + 30).replace(/\s+/g, ' ');
}
