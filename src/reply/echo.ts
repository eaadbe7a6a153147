/**
 * Text a person typed that a reply repeats back. It is shown as inert text on every platform:
 * invisible and direction-changing characters are removed (a right-to-left override can make
 * "exe.txt" read as "txt.exe"), and the rest goes in a code span that nothing inside can close,
 * so markdown, masked links and mentions in it stay literal wherever it is rendered.
 */

/** Bidi embeddings, overrides and isolates, direction marks, zero-width characters, the BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

export function stripInvisible(text: string): string {
  return String(text ?? '').replace(INVISIBLE, '');
}

/** One line of typed text, cut to `max` characters, as a code span with no backtick inside. */
export function echo(text: string, max = 120): string {
  // A backtick would end the span early; a look-alike keeps the text readable.
  let s = stripInvisible(text)
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/`/g, 'ʼ');
  if ([...s].length > max) s = `${[...s].slice(0, max - 1).join('')}…`;
  return s ? `\`${s}\`` : '(empty)';
}
