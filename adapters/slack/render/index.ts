import type { Reply } from '../../../src/index.ts';
import { markdownToPlain, plainLine } from '../../shared/markdown.ts';
import { actions, context, header, section, textSize, type Block, type SlackMessage, type TableBlock } from './blocks.ts';
import { codeItem, packBody, textItem, type BodyItem } from './body.ts';
import { buttonGroup, ButtonMaker } from './buttons.ts';
import { feedbackBlock, menuSelect, quizBlocks } from './controls.ts';
import { clip, LIMITS, TRUNCATED, Truncations } from './limits.ts';
import { codeBlock, escapeMrkdwn, restorePings, restoreTimes, restoreUserMentions, slackPing, toMrkdwn } from './mrkdwn.ts';
import { placePing } from './ping.ts';
import { monospaceTable, tableBlock } from './table.ts';
import { diagramText, imageBlock } from './diagram.ts';
import { shareButton } from '../../shared/placement.ts';

export interface RenderOptions {
  /** Offer "Share in channel" (reply.share) — for answers only the asker can see. */
  share?: boolean;
  /** `block` (default): Slack's table block, sent in `attachments`. `text`: the monospace fallback inline. */
  table?: 'block' | 'text';
  /** A Slack user id; adds "Shared by @user" under an answer someone shared. */
  sharedBy?: string;
  /** The uploaded file showing reply.diagram; without it the diagram's ASCII drawing is sent instead. */
  diagramFileId?: string;
}

/**
 * Replies whose text comes only from the content pack, never from what someone typed: only these
 * get markdown links turned into Slack links (see MrkdwnOptions). No-match, help and notices may
 * quote the question.
 */
const CONTENT_KINDS: ReadonlySet<Reply['kind']> = new Set(['answer', 'comparison']);
const mrkdwnOptions = (reply: Reply) => ({ links: CONTENT_KINDS.has(reply.kind) });

/** Button caps per group. Related concepts get the most room: a topics page is ten of them. */
const CAPS = { suggestions: 5, related: LIMITS.actionsPerBlock, extra: 5 };

/**
 * Reply -> Block Kit, in reading order: title, text, the table, examples, then what to do next
 * (continue buttons, "did you mean", the related-topics menu, 👍/👎). Buttons are sized first
 * because they are what a reader acts on; body text then fills the room left under the block and
 * size limits, and anything that does not fit is named in a "…truncated" note. With a table
 * block the whole message travels in one attachment (see TableAttachment) so nothing renders
 * out of order.
 */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  // A schedule's ping (the one mention a message may carry): first in the notification text, once in the blocks.
  const mention = reply.ping ? slackPing(reply.ping) : undefined;
  const reserve = mention ? mention.length + 1 : 0;
  let all = composeBlocks(reply, opts, [], reserve);
  if (mention) all = placePing(all, mention) ?? composeBlocks(reply, opts, [section(mention)], 0);
  const text = mention ? `${mention} ${fallbackText(reply, LIMITS.messageText - reserve)}` : fallbackText(reply, LIMITS.messageText);
  if (all.some((b) => b.type === 'table')) return { text, attachments: [{ blocks: all }] };
  return { text, blocks: all as Block[] };
}

/** The blocks in reading order, after `lead` (blocks counted as fixed, like the title) and with `reserveChars` of text kept free. */
function composeBlocks(reply: Reply, opts: RenderOptions, lead: Block[], reserveChars: number): (Block | TableBlock)[] {
  const trunc = new Truncations();
  const head = [...lead, ...titleBlocks(reply, trunc)];
  const tail = nextStepBlocks(reply, opts, trunc);
  const body = bodyParts(reply, opts, trunc);
  // What is left for the body once the fixed parts are counted (one block and 400 characters to spare for the note).
  let blocksLeft = LIMITS.blocks - head.length - tail.length - body.table.length - body.picture.length - 1;
  let charsLeft = LIMITS.blocksText - textSize(head) - textSize(tail) - textSize(body.picture) - textSize(body.table.filter((b): b is Block => b.type !== 'table')) - 400 - reserveChars;
  const text = packBody(body.text, blocksLeft, charsLeft, trunc);
  blocksLeft -= text.length;
  charsLeft -= textSize(text);
  const code = packBody(body.code, blocksLeft, charsLeft, trunc);
  const note = trunc.any ? [context(clip(escapeMrkdwn(trunc.toString()), LIMITS.contextText))] : [];
  return [...head, ...text, ...body.table, ...body.picture, ...code, ...note, ...tail];
}

function titleBlocks(reply: Reply, trunc: Truncations): Block[] {
  if (!reply.title) return [];
  const title = plainLine(reply.title);
  const shown = clip(title, LIMITS.headerText);
  if (shown !== title) trunc.add('long title shortened');
  return [header(shown)];
}

/** Quiz choices, buttons, the related-topics menu, 👍/👎 and "shared by": sized first, because they are what a reader acts on. */
function nextStepBlocks(reply: Reply, opts: RenderOptions, trunc: Truncations): Block[] {
  const maker = new ButtonMaker(trunc);
  const tail: Block[] = [];
  const answer = reply.kind === 'answer' || reply.kind === 'comparison';
  const share = shareButton(reply, opts.share === true);
  const extra = () => buttonGroup(maker, trunc, reply.extra, CAPS.extra, 'buttons', undefined, share);
  if (reply.quiz) tail.push(...quizBlocks(reply.quiz, maker, trunc));
  if (answer) tail.push(...extra());
  tail.push(...buttonGroup(maker, trunc, reply.suggestions, CAPS.suggestions, 'suggestions', reply.kind === 'help' ? 'Start with:' : 'Did you mean:'));
  tail.push(...buttonGroup(maker, trunc, reply.related, CAPS.related, reply.kind === 'topics' ? 'topics' : 'related concepts', reply.kind === 'topics' ? 'Pick a topic:' : 'Related concepts:'));
  if (!answer) tail.push(...extra());
  const menu = reply.menu && menuSelect(reply.menu, 'menu', trunc);
  if (menu) tail.push(actions([menu]));
  if (reply.feedback && !opts.sharedBy) tail.push(feedbackBlock(reply.feedback));
  if (opts.sharedBy && /^[UW][A-Z0-9]{2,20}$/.test(opts.sharedBy)) tail.push(context(`Shared by <@${opts.sharedBy}>`));
  return tail;
}

/** The body in reading order: text items (paragraphs, a monospace table, an ASCII diagram), the table block, the picture, code items. */
function bodyParts(reply: Reply, opts: RenderOptions, trunc: Truncations): { text: BodyItem[]; table: (Block | TableBlock)[]; picture: Block[]; code: BodyItem[] } {
  const people = reply.kind === 'leaderboard' || reply.kind === 'quiz-summary';
  const md = mrkdwnOptions(reply);
  const text: BodyItem[] = reply.paragraphs.map((p) => textItem(restorePings(restoreTimes(people ? restoreUserMentions(toMrkdwn(p, md)) : toMrkdwn(p, md)), reply.audience === 'requester')));
  const table: (Block | TableBlock)[] = [];
  if (reply.table && opts.table !== 'text') {
    if (reply.table.caption) {
      const caption = plainLine(reply.table.caption);
      const shown = clip(caption, 300);
      if (shown !== caption) trunc.add('long table caption shortened');
      table.push(context(`*${escapeMrkdwn(shown)}*`));
    }
    table.push(tableBlock(reply.table, trunc));
  } else if (reply.table) {
    const t = reply.table;
    if (t.caption) text.push(textItem(`*${escapeMrkdwn(markdownToPlain(t.caption))}*`));
    const full = monospaceTable(t, LIMITS.sectionText, trunc);
    text.push({ whole: full.length, fit: (max) => (max >= full.length ? full : max < 200 ? null : monospaceTable(t, max, trunc)) });
  }
  // One picture, after the summary and table (the first answer's reading order) and before any
  // example or button; without an uploaded file, its ASCII drawing in the text.
  const picture: Block[] = reply.diagram && opts.diagramFileId ? [imageBlock(reply.diagram, opts.diagramFileId)] : [];
  if (reply.diagram && !opts.diagramFileId) text.push(textItem(diagramText(reply.diagram)));
  return { text, table, picture, code: reply.code.map((c) => codeItem(c.code, c.caption)) };
}

/** The notification text, at most `max` characters. Escaped too: Slack parses it for mentions like any mrkdwn. */
function fallbackText(reply: Reply, max: number): string {
  const text = restoreTimes(toMrkdwn(reply.fallback || reply.title || reply.kind, mrkdwnOptions(reply)));
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * The last resort when Slack rejects blocks: one mrkdwn text with the table in monospace and the
 * buttons named (they cannot be clicked here).
 */
export function renderTextOnly(reply: Reply): SlackMessage {
  const trunc = new Truncations();
  const parts: string[] = [];
  if (reply.title) parts.push(`*${escapeMrkdwn(markdownToPlain(reply.title))}*`);
  parts.push(...reply.paragraphs.map((p) => restoreTimes(toMrkdwn(p, mrkdwnOptions(reply)))));
  if (reply.table) {
    if (reply.table.caption) parts.push(`*${escapeMrkdwn(markdownToPlain(reply.table.caption))}*`);
    parts.push(monospaceTable(reply.table, 2000, trunc));
  }
  if (reply.diagram) parts.push(diagramText(reply.diagram));
  for (const c of reply.code) parts.push(`${c.caption ? `_${escapeMrkdwn(c.caption)}_\n` : ''}${codeBlock(c.code)}`);
  const names = (label: string, list: { label: string }[]) => (list.length ? [`${label} ${list.map((a) => escapeMrkdwn(markdownToPlain(a.label))).join(', ')}`] : []);
  if (reply.quiz) parts.push(...reply.quiz.choices.map((c) => escapeMrkdwn(markdownToPlain(c.label))));
  parts.push(...names('Did you mean:', reply.suggestions), ...names('Related:', [...reply.related, ...(reply.menu?.options ?? [])]));
  let text = parts.join('\n\n');
  // The ping, if any, leads here too: this text is the whole message and its notification.
  const mention = reply.ping ? `${slackPing(reply.ping)} ` : '';
  const limit = LIMITS.messageText - mention.length;
  if (trunc.any || text.length > limit) {
    const note = `\n\n${TRUNCATED}`;
    text = `${text.length > limit - note.length ? clip(text, limit - note.length) : text}${note}`;
  }
  return { text: mention + text };
}

/**
 * What to try, in order, when Slack rejects a message's content: the image and table blocks; then
 * without the image (its ASCII drawing instead); then the table in monospace; then text only.
 */
export function renderVariants(reply: Reply, opts: RenderOptions = {}): SlackMessage[] {
  const out = [renderReply(reply, opts)];
  // Slack can refuse an image it cannot show (a file deleted or not yet processed): then the text drawing.
  const { diagramFileId, ...noImage } = opts;
  if (reply.diagram && diagramFileId) out.push(renderReply(reply, noImage));
  if (reply.table && opts.table !== 'text') out.push(renderReply(reply, { ...noImage, table: 'text' }));
  out.push(renderTextOnly(reply));
  return out;
}
