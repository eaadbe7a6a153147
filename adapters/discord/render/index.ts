import type { EmbedBuilder } from 'discord.js';
import type { Reply } from '../../../src/index.ts';
import { layoutButtons, type Row } from './buttons.ts';
import { buildEmbed } from './embed.ts';

export { LIMITS, SHORTENED_NOTE } from './limits.ts';
export { MENU_ID, SHARE_LABEL } from './buttons.ts';
export { GRID_WIDTH } from './table.ts';

export interface RenderOptions {
  /** Add the "Share in channel" button (only on private answers that carry `reply.share`). */
  share?: boolean;
}

/** A message ready for discord.js (`reply`, `editReply`, `update`, `send`). */
export interface DiscordMessage {
  embeds: EmbedBuilder[];
  components: Row[];
  /** Never ping anyone: replies echo user input, and `@everyone` in a question must stay text. */
  allowedMentions: { parse: [] };
}

/** Pure: a Reply in, builders out. The builders validate every limit as they are filled in. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): DiscordMessage {
  const buttons = layoutButtons(reply, { share: opts.share ?? false });
  const embed = buildEmbed(reply, buttons.overflow, buttons.cut);
  return { embeds: [embed], components: buttons.rows, allowedMentions: { parse: [] } };
}

/** The same message as a raw REST body (`POST /channels/{id}/messages`, `PATCH .../messages/{id}`). */
export function toMessageBody(msg: DiscordMessage) {
  return {
    embeds: msg.embeds.map((e) => e.toJSON()),
    components: msg.components.map((r) => r.toJSON()),
    allowed_mentions: { parse: [] as string[] },
  };
}
