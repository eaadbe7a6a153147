import { EmbedBuilder } from 'discord.js';
import { LIMITS, SHORTENED_NOTE } from './limits.ts';

/** Said in the footer of an embed whose text goes on in the next message. */
export const CONTINUED_NOTE = '⤵ Continued below.';

/**
 * At most this many messages carry one answer's continuation: a body longer than that (some
 * 50,000 characters) is cut at the end, with the shortened note, rather than flooding a channel.
 */
const MAX_CONTINUATIONS = 9;

/** Where to cut `text` so the first part is at most `max` long: a paragraph, else a line, sentence or word boundary. */
function cutPoint(text: string, max: number): { at: number; skip: number } {
  if (text.length <= max) return { at: text.length, skip: 0 };
  const window = text.slice(0, max + 2);
  for (const [sep, keep] of [
    ['\n\n', 0],
    ['\n', 0],
    ['. ', 1],
    [' ', 0],
  ] as const) {
    const i = window.lastIndexOf(sep, max - keep);
    // Only a boundary past a quarter of the room: a cut near the start would waste a whole embed.
    if (i > max * 0.25) return { at: i + keep, skip: sep.length - keep };
  }
  return { at: max, skip: 0 };
}

/** The longest head of `text` that fits in `max` at a boundary, and the rest (leading break removed). */
export function takeHead(text: string, max: number): { head: string; rest: string } {
  if (max <= 0) return { head: '', rest: text };
  const { at, skip } = cutPoint(text, max);
  return { head: text.slice(0, at).trimEnd(), rest: text.slice(at + skip).replace(/^\s+/, '') };
}

/**
 * The rest of a long body as continuation messages: embeds of at most 4096 characters, at most 10
 * embeds and 6000 characters a message. Nothing is dropped unless it passes MAX_CONTINUATIONS
 * messages; then the last embed ends with "…" and the shortened note.
 */
export function continuationEmbeds(rest: string, color: number): EmbedBuilder[][] {
  const messages: EmbedBuilder[][] = [];
  let current: EmbedBuilder[] = [];
  let used = 0;
  let text = rest.trim();
  const close = () => {
    if (current.length) messages.push(current);
    current = [];
    used = 0;
  };
  while (text) {
    if (current.length >= LIMITS.embedsPerMessage || used >= LIMITS.embedTotal - 200) close();
    const last = messages.length === MAX_CONTINUATIONS - 1;
    // The last allowed message keeps room for the shortened note.
    const room = Math.min(LIMITS.description, LIMITS.embedTotal - used - (last ? SHORTENED_NOTE.length : 0));
    const { head, rest: next } = takeHead(text, room);
    text = next;
    const embed = new EmbedBuilder().setColor(color);
    if (text && last && (current.length + 1 >= LIMITS.embedsPerMessage || LIMITS.embedTotal - used - head.length < 200 + SHORTENED_NOTE.length)) {
      // No message left for what remains: mark the cut where it happens.
      embed.setDescription(`${head.length < room ? head : head.slice(0, room - 1)}…`).setFooter({ text: SHORTENED_NOTE });
      current.push(embed);
      text = '';
      break;
    }
    embed.setDescription(head);
    current.push(embed);
    used += head.length;
  }
  close();
  return messages;
}
