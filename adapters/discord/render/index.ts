import type { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import type { Logger, Reply } from '../../../src/index.ts';
import { layoutButtons, type Row } from './buttons.ts';
import { diagramPart, withDiagramText } from './diagram.ts';
import { buildEmbed } from './embed.ts';
import { continuationEmbeds } from './split.ts';

export { LIMITS, SHORTENED_NOTE } from './limits.ts';
export { CONTINUED_NOTE } from './split.ts';
export { MENU_ID } from './buttons.ts';
export { SHARE_LABEL } from '../../shared/placement.ts';

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

/**
 * Pure: a Reply in, builders out. The builders validate every limit as they are filled in. The
 * first message carries the title, the table, examples, picture and buttons; a body too long for
 * it goes on, split at paragraphs, in the messages after it (sent in order, after the first).
 */
export function renderParts(reply: Reply, opts: RenderOptions = {}): [DiscordMessage, ...DiscordMessage[]] {
  const buttons = layoutButtons(reply, { share: opts.share ?? false });
  const picture = reply.diagram ? diagramPart(reply.diagram, opts.log) : undefined;
  const { embed, rest } = buildEmbed(picture?.kind === 'text' ? withDiagramText(reply, picture.field) : reply, buttons.overflow, buttons.cut);
  const msg: DiscordMessage = { embeds: [embed], components: buttons.rows, allowedMentions: { parse: [] } };
  if (picture?.kind === 'image') {
    embed.setImage(picture.url);
    msg.files = [picture.file];
  }
  const more = rest ? continuationEmbeds(rest, embed.data.color ?? 0) : [];
  return [msg, ...more.map((embeds): DiscordMessage => ({ embeds, components: [], allowedMentions: { parse: [] } }))];
}

/** The first message of renderParts: for callers that post or edit exactly one message (quiz posts). */
export function renderReply(reply: Reply, opts: RenderOptions = {}): DiscordMessage {
  return renderParts(reply, opts)[0];
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
