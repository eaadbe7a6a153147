import { displayWidth, padDisplay, sliceDisplay } from './width.ts';

/**
 * Aligned plain-text tables for places without table markup (a terminal, a code block). Pure text
 * layout with no platform rules, so every adapter that needs a monospace table shares it.
 */

/** Column widths that fit `total` characters including the " | " separators; the widest shrink first. */
export function columnWidths(headers: readonly string[], rows: readonly (readonly string[])[], total: number): number[] {
  const widths = headers.map((h, i) => Math.max(1, displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const budget = Math.max(widths.length * 8, total - (widths.length - 1) * 3);
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    // Below 8 characters a column is unreadable: let the table run wide instead.
    if (widths[widest]! <= 8) break;
    widths[widest]!--;
  }
  return widths;
}

/** One table row; long cells wrap inside their column, so a row may take several lines. */
export function monospaceRow(cells: readonly string[], widths: readonly number[]): string {
  const wrapped = widths.map((w, i) => wrapWords(cells[i] ?? '', w));
  const height = Math.max(...wrapped.map((w) => w.length));
  return Array.from({ length: height }, (_, k) =>
    wrapped
      .map((w, i) => padDisplay(w[k] ?? '', widths[i]!))
      .join(' | ')
      .trimEnd(),
  ).join('\n');
}

/** The rule under the header row. */
export function monospaceRule(widths: readonly number[]): string {
  return widths.map((w) => '-'.repeat(w)).join('-+-');
}

/** Greedy word wrap by display width; a word wider than the width is cut into pieces. */
export function wrapWords(text: string, width: number, measure: (s: string) => number = displayWidth): string[] {
  const out: string[] = [];
  let cur = '';
  for (let word of text.split(/\s+/)) {
    while (measure(word) > width) {
      if (cur) out.push(cur);
      cur = '';
      const piece = sliceDisplay(word, width) || [...word][0]!;
      out.push(piece);
      word = word.slice(piece.length);
    }
    if (!cur) cur = word;
    else if (measure(cur) + 1 + measure(word) <= width) cur += ` ${word}`;
    else {
      out.push(cur);
      cur = word;
    }
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}
