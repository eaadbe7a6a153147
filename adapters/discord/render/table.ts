import type { ReplyTable } from '../../../src/index.ts';
import { LIMITS, clip, truncate } from './limits.ts';

/**
 * Discord has no table markup. Two renderings, chosen per table:
 *
 * - **Grid**: a monospace, column-aligned table in a code block. Used only when every line fits
 *   GRID_WIDTH characters, which is about what a phone shows inside an embed without wrapping; a
 *   wrapped grid is unreadable, an unwrapped one is the clearest table there is.
 * - **Cards**: one embed field per row, the row's first cell as the field name and one
 *   "**Header:** cell" line per other column. Fields are not inline: inline fields sit side by side
 *   on desktop but stack on phones, which would scramble a table; stacked cards read the same on both.
 */
export const GRID_WIDTH = 36;

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface RenderedTable {
  /** A heading line for the description (the caption), when the table renders as cards. */
  heading?: string;
  fields: EmbedField[];
  /** True when a cell or name had to be cut. */
  cut: boolean;
}

/** A grid field's name when the table has no caption: Discord rejects a field with an empty name. */
const UNTITLED = 'Comparison';
/** A card table's heading (the bold caption in the description) is kept to a line or two. */
const HEADING_MAX = 300;

export function renderTable(t: ReplyTable): RenderedTable {
  // One line, trimmed: a whitespace-only caption counts as none, and a newline would break the bold.
  const caption = (t.caption ?? '').replace(/\s+/g, ' ').trim();
  const grid = gridBlock(t);
  if (grid) return { fields: [{ name: clip(caption, LIMITS.fieldName) || UNTITLED, value: grid }], cut: false };
  let cut = false;
  const fields = t.rows.map((row) => {
    const name = truncate(plain(row[0] ?? '') || '—', LIMITS.fieldName);
    const lines = t.headers.slice(1).map((h, i) => `**${h}:** ${row[i + 1] || '—'}`);
    const value = truncate(lines.join('\n') || '—', LIMITS.fieldValue);
    cut ||= name.cut || value.cut;
    return { name: name.text, value: value.text };
  });
  // Cut the caption before bolding it, so a long one keeps its closing ** (room for the four stars).
  const heading = caption ? truncate(caption, HEADING_MAX - 4) : undefined;
  if (heading?.cut) cut = true;
  return { ...(heading ? { heading: `**${heading.text}**` } : {}), fields, cut };
}

/** The aligned code-block table, or null when it would be wider than a phone screen. */
export function gridBlock(t: ReplyTable): string | null {
  const cols = t.headers.length;
  const cells = [t.headers, ...t.rows].map((r) => Array.from({ length: cols }, (_, i) => plain(r[i] ?? '')));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const width = widths.reduce((a, b) => a + b, 0) + (cols - 1) * 3;
  if (width > GRID_WIDTH) return null;
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const block = ['```', line(cells[0]!), rule, ...cells.slice(1).map(line), '```'].join('\n');
  return block.length <= LIMITS.fieldValue ? block : null;
}

/** Inline markdown means nothing inside a code block: drop the markers, keep the words. */
function plain(s: string): string {
  return s
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,!?])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
