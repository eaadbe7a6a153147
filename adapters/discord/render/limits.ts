import { truncate } from '../../shared/text.ts';

export { truncate } from '../../shared/text.ts';

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
  embedsPerMessage: 10,
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

/** Said in the footer whenever anything was cut, so truncation is never silent. */
export const SHORTENED_NOTE = "✂ Shortened to fit Discord's limits.";

/** Plain cut for single-line labels (button labels, choice names). */
export function clip(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max).text;
}
