import type { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import type { Logger, Reply } from '../../../src/index.ts';
import { layoutButtons, type Row } from './buttons.ts';
import { diagramPart, withDiagramText } from './diagram.ts';
import { buildEmbed } from './embed.ts';

export { LIMITS, SHORTENED_NOTE } from './limits.ts';
export { MENU_ID, SHARE_LABEL } from './buttons.ts';

export interface RenderOptions {
  /** Add the "Share in channel" button (only on private answers that carry `reply.share`). */
  share?: boolean;
  /** Where a missing diagram picture is reported (the reply then shows its text version). */
  log?: Logger;
}

/** A message ready for discord.js (`reply`, `editReply`, `update`, `send`). */
export interface DiscordMessage {
  embeds: EmbedBuilder[];
  components: Row[];
  /** Never ping anyone: replies echo user input, and `@everyone` in a question must stay text. */
  allowedMentions: { parse: [] };
  /** The diagram's PNG, shown in the embed as attachment://<name>. */
  files?: AttachmentBuilder[];
}

/** Pure: a Reply in, builders out. The builders validate every limit as they are filled in. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): DiscordMessage {
  const buttons = layoutButtons(reply, { share: opts.share ?? false });
  const picture = reply.diagram ? diagramPart(reply.diagram, opts.log) : undefined;
  const embed = buildEmbed(picture?.kind === 'text' ? withDiagramText(reply, picture.field) : reply, buttons.overflow, buttons.cut);
  const msg: DiscordMessage = { embeds: [embed], components: buttons.rows, allowedMentions: { parse: [] } };
  if (picture?.kind === 'image') {
    embed.setImage(picture.url);
    msg.files = [picture.file];
  }
  return msg;
}

/** A file for discord.js's REST client (sent as multipart/form-data with the JSON body). */
export interface RestFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/** The same message as a raw REST body (`POST /channels/{id}/messages`, `PATCH .../messages/{id}`). */
export function toMessageBody(msg: DiscordMessage) {
  const files = msg.files ?? [];
  return {
    embeds: msg.embeds.map((e) => e.toJSON()),
    components: msg.components.map((r) => r.toJSON()),
    allowed_mentions: { parse: [] as string[] },
    // Attachments are listed by index in the body; the bytes travel as files[n] parts.
    ...(files.length ? { attachments: files.map((f, id) => ({ id, filename: f.name ?? `file${id}.png`, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

/** The files of a message for REST (`client.rest.post(route, { body, files })`). */
export function toRestFiles(msg: DiscordMessage): RestFile[] {
  return (msg.files ?? []).map((f, i) => ({ name: f.name ?? `file${i}.png`, data: f.attachment as Buffer, contentType: 'image/png' }));
}
