import type { FeedbackRow } from '../store/chat-types.ts';

/** `tutor report feedback` as text: one line per concept, then its latest notes. */
export function formatFeedbackReport(rows: readonly FeedbackRow[]): string {
  if (rows.length === 0) return 'No feedback recorded yet.';
  const width = Math.max(...rows.map((r) => r.conceptId.length), 'concept'.length);
  const out = [`${'concept'.padEnd(width)}  👍    👎`];
  for (const r of rows) {
    out.push(`${r.conceptId.padEnd(width)}  ${String(r.up).padEnd(4)}  ${r.down}`);
    for (const n of r.notes) out.push(`    ${new Date(n.at).toISOString().slice(0, 10)}  "${n.note}"${n.question ? `  (asked: "${n.question}")` : ''}`);
  }
  return out.join('\n');
}
