import type { ReplyDiagram } from '../../../src/index.ts';
import type { ImageBlock } from './blocks.ts';
import { clip } from './limits.ts';
import { codeBlock, escapeMrkdwn } from './mrkdwn.ts';

/** Slack's alt_text limit for an image block. */
const ALT_MAX = 2000;

/** The uploaded PNG, by file id, with the diagram's alt text. */
export function imageBlock(d: ReplyDiagram, fileId: string): ImageBlock {
  return { type: 'image', slack_file: { id: fileId }, alt_text: clip(d.alt.replace(/\s+/g, ' ').trim(), ALT_MAX) };
}

/** Where no image can be shown (no upload): the ASCII drawing in a code block, captioned with the alt text. */
export function diagramText(d: ReplyDiagram): string {
  return `_${escapeMrkdwn(clip(d.alt.replace(/\s+/g, ' ').trim(), 600))}_\n${codeBlock(d.text)}`;
}
