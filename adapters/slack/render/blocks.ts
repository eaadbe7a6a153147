/**
 * The Block Kit subset this adapter sends, typed narrowly so tests can compare whole payloads.
 * Reference: https://docs.slack.dev/reference/block-kit/blocks
 */
interface PlainText {
  type: 'plain_text';
  text: string;
}

interface Mrkdwn {
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

interface Option {
  text: PlainText;
  value: string;
}

/** A compact pick-one menu (related topics). */
export interface StaticSelect {
  type: 'static_select';
  action_id: string;
  placeholder: PlainText;
  options: Option[];
}

export interface ActionsBlock {
  type: 'actions';
  elements: (Button | StaticSelect)[];
}

/** 👍 / 👎 as Slack's own feedback buttons, shown small beside the message. */
interface FeedbackButtons {
  type: 'feedback_buttons';
  action_id: string;
  positive_button: { text: PlainText; value: string; accessibility_label?: string };
  negative_button: { text: PlainText; value: string; accessibility_label?: string };
}

export interface ContextActionsBlock {
  type: 'context_actions';
  elements: FeedbackButtons[];
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

export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | ContextActionsBlock | ImageBlock;

/**
 * Slack only accepts a table block inside an attachment, at most one per message, and shows
 * attachments below a message's own blocks. So a message with a table carries all its blocks in
 * one attachment, in reading order (the table right after the summary, buttons last).
 */
interface TableAttachment {
  blocks: (Block | TableBlock)[];
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
export const actions = (elements: (Button | StaticSelect)[]): ActionsBlock => ({ type: 'actions', elements });

/** Characters of visible text (and button values) in blocks: what counts toward Slack's size limits. */
export function textSize(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'actions') for (const e of b.elements) n += e.type === 'button' ? e.text.text.length + e.value.length : e.options.reduce((m, o) => m + o.text.text.length + o.value.length, 0);
    else if (b.type === 'context_actions') n += 10;
    else if (b.type === 'context') for (const e of b.elements) n += e.text.length;
    else if (b.type === 'image') n += b.alt_text.length;
    else n += b.text.text.length;
  }
  return n;
}
