import type { ReplyTable } from '../../../src/index.ts';
import type { TableBlock, TableCell } from './blocks.ts';
import { clip, LIMITS, Truncations } from './limits.ts';
import { codeBlock, escapeMrkdwn, toPlain } from './mrkdwn.ts';

/** Slack rejects a table with an empty cell, so blanks become a dash. */
const EMPTY = '—';

function shape(t: ReplyTable, trunc: Truncations): { cols: number; headers: string[]; rows: string[][] } {
  const all = Math.max(t.headers.length, ...t.rows.map((r) => r.length));
  const cols = Math.min(all, LIMITS.tableCells);
  if (all > cols) trunc.add(`showing ${cols} of ${all} table columns`);
  // Both renderings show cells as plain text (raw_text cells, a code block), so markdown markers
  // such as `code` or **bold** would show literally: strip them here, once, for both.
  const fill = (r: readonly string[]) => Array.from({ length: cols }, (_, i) => toPlain(String(r[i] ?? '')).trim() || EMPTY);
  return { cols, headers: fill(t.headers), rows: t.rows.map(fill) };
}

/** The native table block (raw_text cells), within Slack's row, cell and our size limits. */
export function tableBlock(t: ReplyTable, trunc: Truncations): TableBlock {
  const { cols, headers, rows } = shape(t, trunc);
  const cell = (text: string): TableCell => {
    const shown = clip(text, LIMITS.tableCellText);
    if (shown !== text) trunc.add('long table cells shortened');
    return { type: 'raw_text', text: shown };
  };
  const out: TableCell[][] = [headers.map(cell)];
  let used = out[0]!.reduce((n, c) => n + c.text.length, 0);
  for (const r of rows) {
    const row = r.map(cell);
    const size = row.reduce((n, c) => n + c.text.length, 0);
    if (out.length >= LIMITS.tableRows || used + size > LIMITS.tableText) break;
    out.push(row);
    used += size;
  }
  if (out.length - 1 < rows.length) trunc.add(`showing ${out.length - 1} of ${rows.length} table rows`);
  return { type: 'table', column_settings: Array.from({ length: cols }, () => ({ is_wrapped: true })), rows: out };
}

/** The readable fallback where a table block cannot be used: an aligned monospace block of at most `maxChars`. */
export function monospaceTable(t: ReplyTable, maxChars: number, trunc: Truncations): string {
  const { headers, rows } = shape(t, trunc);
  const widths = fitWidths(headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length))), 72);
  const line = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => wrapped.map((w, i) => (w[k] ?? '').padEnd(widths[i]!)).join(' | ').trimEnd()).join('\n');
  };
  const lines = [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-')];
  // Sizes are measured escaped (& < > grow), with room left for the fence.
  const budget = maxChars - 10;
  let size = escapeMrkdwn(lines.join('\n')).length;
  let shown = 0;
  for (const r of rows) {
    const l = line(r);
    const grow = escapeMrkdwn(l).length + 1;
    if (size + grow > budget) break;
    lines.push(l);
    size += grow;
    shown++;
  }
  if (shown < rows.length) trunc.add(`showing ${shown} of ${rows.length} table rows`);
  return codeBlock(lines.join('\n'));
}

function fitWidths(natural: number[], total: number): number[] {
  const widths = natural.map((w) => Math.max(1, w));
  const budget = Math.max(widths.length * 8, total - (widths.length - 1) * 3);
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 8) break;
    widths[widest]!--;
  }
  return widths;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (let word of text.split(/\s+/)) {
    while (word.length > width) {
      if (cur) out.push(cur);
      cur = '';
      out.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!cur) cur = word;
    else if (cur.length + 1 + word.length <= width) cur += ` ${word}`;
    else {
      out.push(cur);
      cur = word;
    }
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}
