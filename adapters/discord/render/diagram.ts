import { AttachmentBuilder } from 'discord.js';
import { diagramPng, type Logger, type Reply, type ReplyCode, type ReplyDiagram } from '../../../src/index.ts';
import { clip } from './limits.ts';

/** Discord's limit for an attachment's description (its alt text). */
const DESCRIPTION_MAX = 1024;

export type DiagramPart =
  /** Attach the PNG and show it in the embed by its attachment:// URL. */
  | { kind: 'image'; file: AttachmentBuilder; url: string; name: string; data: Buffer; description: string }
  /** No picture available: the ASCII drawing goes in as a code field instead. */
  | { kind: 'text'; field: ReplyCode };

/**
 * The reply's diagram as a Discord attachment. A new attachment per message: Discord's attachment
 * URLs are signed and expire, so there is no stable URL to reuse across messages.
 */
export function diagramPart(d: ReplyDiagram, log?: Logger): DiagramPart {
  try {
    const data = diagramPng(d);
    const name = `${d.name}.png`;
    const description = clip(d.alt.replace(/\s+/g, ' ').trim(), DESCRIPTION_MAX);
    return { kind: 'image', file: new AttachmentBuilder(data, { name, description }), url: `attachment://${name}`, name, data, description };
  } catch (err) {
    log?.warn({ err: (err as Error).message, diagram: d.name }, 'diagram picture unavailable; sending it as text');
    return { kind: 'text', field: textField(d) };
  }
}

/** The ASCII drawing as a code example, which the embed shows as a field. */
function textField(d: ReplyDiagram): ReplyCode {
  return { caption: 'Diagram', code: d.text };
}

/** The reply with its diagram's text version added before the examples. */
export function withDiagramText(reply: Reply, field: ReplyCode): Reply {
  return { ...reply, code: [field, ...reply.code] };
}
