import { columnWidths, monospaceRow, monospaceRule, type ReplyTable } from '../../../src/index.ts';
import { markdownToPlain } from '../../shared/markdown.ts';
import type { TableBlock, TableCell } from './blocks.ts';
import { clip, LIMITS, type Truncations } from './limits.ts';
import { codeBlock, escapeMrkdwn } from './mrkdwn.ts';

/** Slack rejects a table with an empty cell, so blanks become a dash. */
const EMPTY = '—';

function shape(t: ReplyTable, trunc: Truncations): { cols: number; headers: string[]; rows: string[][] } {
  const all = Math.max(t.headers.length, ...t.rows.map((r) => r.length));
  const cols = Math.min(all, LIMITS.tableCells);
  if (all > cols) trunc.add(`showing ${cols} of ${all} table columns`);
  // Both renderings show cells as plain text (raw_text cells, a code block), so markdown markers
  // such as `code` or **bold** would show literally: strip them here, once, for both.
  const fill = (r: readonly string[]) => Array.from({ length: cols }, (_, i) => markdownToPlain(String(r[i] ?? '')).trim() || EMPTY);
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
  const widths = columnWidths(headers, rows, 72);
  const line = (cells: string[]) => monospaceRow(cells, widths);
  const lines = [line(headers), monospaceRule(widths)];
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
