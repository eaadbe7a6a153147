/**
 * The Block Kit subset this adapter sends, typed narrowly so tests can compare whole payloads.
 * Reference: https://docs.slack.dev/reference/block-kit/blocks
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  text: Mrkdwn;
}

export interface ContextBlock {
  type: 'context';
  elements: Mrkdwn[];
}

export interface Button {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary';
}

export interface ActionsBlock {
  type: 'actions';
  elements: Button[];
}

export interface TableCell {
  type: 'raw_text';
  text: string;
}

export interface TableBlock {
  type: 'table';
  column_settings: { is_wrapped: boolean }[];
  rows: TableCell[][];
}

/** A picture uploaded to Slack, shown by file id (https://docs.slack.dev/reference/block-kit/blocks/image-block). */
export interface ImageBlock {
  type: 'image';
  slack_file: { id: string };
  alt_text: string;
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | ImageBlock;

/** Slack only accepts a table block inside an attachment, and at most one per message. */
export interface TableAttachment {
  blocks: [TableBlock];
}

/** What we hand chat.postMessage / chat.postEphemeral / chat.update / a response_url. */
export interface SlackMessage {
  /** Notification and accessibility text; the whole message when `blocks` is absent. */
  text: string;
  blocks?: Block[];
  attachments?: TableAttachment[];
}

/** Every button's action_id starts with this; the click listener matches on it. */
export const ACTION_ID_PREFIX = 'tutor:';

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text } });
export const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (text: string): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
export const actions = (elements: Button[]): ActionsBlock => ({ type: 'actions', elements });

/** Characters of visible text (and button values) in blocks: what counts toward Slack's size limits. */
export function textSize(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'actions') for (const e of b.elements) n += e.text.text.length + e.value.length;
    else if (b.type === 'context') for (const e of b.elements) n += e.text.length;
    else if (b.type === 'image') n += b.alt_text.length;
    else n += b.text.text.length;
  }
  return n;
}
