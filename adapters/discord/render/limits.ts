/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * and the component reference). They live here and nowhere else: the core knows nothing about them.
 */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of title, description, field names and values, footer and author across all embeds of a message. */
  embedTotal: 6000,
  content: 2000,
  buttonsPerRow: 5,
  rows: 5,
  label: 80,
  customId: 100,
  /** Autocomplete: at most 25 choices, names and values up to 100 characters. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';

/** Said in the footer whenever anything was cut, so truncation is never silent. */
export const SHORTENED_NOTE = "✂ Shortened to fit Discord's limits.";

/**
 * Cut `text` to at most `max` UTF-16 units (what the builders' validators count), preferring a word
 * boundary near the end, and mark the cut with an ellipsis. Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  if (max <= ELLIPSIS.length) return { text: ELLIPSIS.slice(0, Math.max(0, max)), cut: true };
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end * 0.8) end = space;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()}${ELLIPSIS}`, cut: true };
}

/** Plain cut for single-line labels (button labels, choice names). */
export function clip(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max).text;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
