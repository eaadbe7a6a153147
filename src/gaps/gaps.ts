import type { Requester } from '../adapter-api/request.ts';
import type { Logger } from '../log.ts';
import type { Clock } from '../time/clock.ts';
import type { GapRow, GapStore } from '../store/types.ts';

/** Longest question text kept; the matcher has already normalised and capped it. */
const MAX_GAP_CHARS = 300;

/**
 * The Tutor `onUnmatched` hook: count a question nobody could answer. Only the normalised text
 * and the platform are kept, never who asked.
 */
export function gapRecorder(store: GapStore, clock: Clock, logger: Logger): (normalizedText: string, who: Requester) => void {
  return (text, who) => {
    const t = normalizeGap(text);
    if (!t) return;
    store.recordGap(t, who.platform, clock.now().getTime()).catch((err: unknown) => logger.warn({ err }, 'could not record a content gap'));
  };
}

/** The matcher's text, also without end punctuation, so "what is x?" and "what is x" count together. */
function normalizeGap(text: string): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .slice(0, MAX_GAP_CHARS);
}

/** The text form of `tutor report gaps`. */
export function formatGapReport(rows: readonly GapRow[]): string {
  if (rows.length === 0) return 'No unanswered questions recorded yet.';
  const width = Math.max(5, ...rows.map((r) => String(r.count).length));
  const lines = rows.map((r) => `${String(r.count).padStart(width)}  ${new Date(r.lastAskedAt).toISOString().slice(0, 16).replace('T', ' ')}  ${r.platforms.join(',').padEnd(15)}  ${r.text}`);
  return [`${'count'.padStart(width)}  ${'last asked (UTC)'.padEnd(16)}  ${'platforms'.padEnd(15)}  question`, ...lines].join('\n');
}
