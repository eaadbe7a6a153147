import { truncate } from '../../shared/text.ts';

/**
 * Slack's message limits, in one place. Documented ones cite Block Kit's reference; the two
 * budgets marked "ours" are deliberately below limits Slack enforces but does not document.
 */
export const LIMITS = {
  /** Blocks per message. */
  blocks: 50,
  /** Section block `text`. */
  sectionText: 3000,
  /** Header block plain_text. */
  headerText: 150,
  /** Context block: elements, and text per element. */
  contextElements: 10,
  contextText: 3000,
  /** Button label (plain_text), value and action_id. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Interactive elements per actions block. */
  actionsPerBlock: 25,
  /** Table block: rows (the header row counts) and cells per row. At most one table per message, in `attachments`. */
  tableRows: 100,
  tableCells: 20,
  /** Ours: characters per table cell. Long cells make a table unreadable long before Slack objects. */
  tableCellText: 500,
  /** Ours: all table cell text together. */
  tableText: 10_000,
  /**
   * Ours: all text in a message's blocks together. Slack rejects long messages with
   * `msg_blocks_too_long` at roughly 13,000 characters although no limit is documented.
   */
  blocksText: 10_000,
  /** Ours: the top-level `text` (notifications, and the whole message in the text-only fallback). Slack truncates at 40,000 and advises 4,000. */
  messageText: 3000,
} as const;

export const TRUNCATED = '…truncated';

/** Cut `text` to at most `max` characters, preferring a word boundary, ending with "…" (the shared rule). */
export function clip(text: string, max: number): string {
  return truncate(text, max).text;
}

/** Collects what a renderer had to leave out, to say so in one "…truncated" note. */
export class Truncations {
  private readonly notes: string[] = [];

  add(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  get any(): boolean {
    return this.notes.length > 0;
  }

  /** "…truncated: 3 more paragraphs; long button labels shortened" */
  toString(): string {
    return `${TRUNCATED}: ${this.notes.join('; ')}.`;
  }
}
