/**
 * The core's markdown subset (**bold**, _italic_, `code`) as plain text, for places that show
 * text literally: Slack plain_text fields, Discord button labels and code-block tables, console
 * choices. The markers go, the words stay.
 */
export interface PlainOptions {
  /**
   * What an unmatched backtick becomes (default: kept). Labels drop it; text inside a code block
   * turns it into a look-alike so it cannot close the block.
   */
  strayBacktick?: string;
}

export function markdownToPlain(markdown: string, opts: PlainOptions = {}): string {
  const out = markdown
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
    .replace(/(^|\s)_(?=\S)([^_]*?\S)_(?=\s|$|[.,!?;:])/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
  return opts.strayBacktick === undefined ? out : out.replace(/`/g, opts.strayBacktick);
}

/** One line of plain text (a label, a title, a table cell): markers removed, whitespace runs collapsed, trimmed. */
export function plainLine(markdown: string, opts: PlainOptions = {}): string {
  return markdownToPlain(markdown, opts).replace(/\s+/g, ' ').trim();
}
