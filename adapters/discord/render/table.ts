import { columnWidths, monospaceRow, type ReplyTable } from '../../../src/index.ts';
import { plainLine } from '../../shared/markdown.ts';
import { truncate } from './limits.ts';

/**
 * Discord has no table markup, so a table is one aligned monospace block in a code block inside
 * the embed's description, right after the summary: one readable block, not a field per row.
 * Columns wrap their cells to keep every line within GRID_WIDTH characters, about what an embed
 * shows on a phone without wrapping lines itself.
 */
export const GRID_WIDTH = 44;

export interface RenderedTable {
  /** The bold caption line and the code block, for the description. */
  text: string;
  /** True when rows or a long caption had to be cut. */
  cut: boolean;
}

/** A table's caption is kept to a line or two. */
const HEADING_MAX = 300;

export function renderTable(t: ReplyTable, maxChars = 2500): RenderedTable {
  const caption = (t.caption ?? '').replace(/\s+/g, ' ').trim();
  const heading = caption ? truncate(caption, HEADING_MAX - 4) : undefined;
  const cols = Math.max(1, t.headers.length);
  const cell = (r: readonly string[], i: number) => plain(r[i] ?? '') || '—';
  const headers = Array.from({ length: cols }, (_, i) => cell(t.headers, i));
  const rows = t.rows.map((r) => Array.from({ length: cols }, (_, i) => cell(r, i)));
  const widths = columnWidths(headers, rows, GRID_WIDTH);
  const row = (r: string[]) =>
    monospaceRow(r, widths)
      .split('\n')
      .map((l) => l.replace(/ \|( |$)/g, ' │$1'))
      .join('\n');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const head = `${heading ? `**${heading.text}**\n` : ''}\`\`\`\n${row(headers)}\n${rule}`;
  let body = head;
  let shown = 0;
  for (const r of rows) {
    const next = `${body}\n${row(r)}`;
    if (next.length + 4 > maxChars) break;
    body = next;
    shown++;
  }
  const cut = shown < rows.length || Boolean(heading?.cut);
  return { text: `${body}${shown < rows.length ? `\n… ${rows.length - shown} more rows` : ''}\n\`\`\``, cut };
}

/** Inline markdown means nothing inside a code block: drop the markers, keep the words. Backticks cannot close the block. */
function plain(s: string): string {
  return plainLine(s, { strayBacktick: 'ʼ' });
}
