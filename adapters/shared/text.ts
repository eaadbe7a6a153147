/** Text rules every adapter shares: cutting to a limit and keeping code fences intact. */

const ELLIPSIS = '…';

/**
 * Cut `text` to at most `max` UTF-16 units (what the platforms count), preferring a word boundary
 * near the end, and mark the cut with an ellipsis. Never splits a surrogate pair (an emoji).
 */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  if (max <= ELLIPSIS.length) return { text: ELLIPSIS.slice(0, Math.max(0, max)), cut: true };
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  // Only back up to a space when it costs little; otherwise a hard cut keeps more content.
  if (space > end * 0.8) end = space;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()}${ELLIPSIS}`, cut: true };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A ``` inside code would close its fence early; a zero-width space keeps it literal. */
export function escapeFences(code: string): string {
  return code.replace(/```/g, '`\u200b``');
}
