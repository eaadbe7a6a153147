import type { Reply } from '../../../src/index.ts';
import { actions, context, header, section, textSize, type Block, type SlackMessage, type TableBlock } from './blocks.ts';
import { buttonGroup, ButtonMaker } from './buttons.ts';
import { feedbackBlock, menuSelect, quizBlocks } from './controls.ts';
import { clip, LIMITS, TRUNCATED, Truncations } from './limits.ts';
import { codeBlock, escapeMrkdwn, restoreUserMentions, toMrkdwn, toPlain } from './mrkdwn.ts';
import { monospaceTable, tableBlock } from './table.ts';
import { diagramText, imageBlock } from './diagram.ts';

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
const SHARE_LABEL = 'Share in channel';

/**
 * Reply -> Block Kit, in reading order: title, text, the table, examples, then what to do next
 * (continue buttons, "did you mean", the related-topics menu, 👍/👎). Buttons are sized first
 * because they are what a reader acts on; body text then fills the room left under the block and
 * size limits, and anything that does not fit is named in a "…truncated" note. With a table
 * block the whole message travels in one attachment (see TableAttachment) so nothing renders
 * out of order.
 */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  const trunc = new Truncations();
  const maker = new ButtonMaker(trunc);

  const head: Block[] = [];
  if (reply.title) {
    const title = toPlain(reply.title).replace(/\s+/g, ' ').trim();
    const shown = clip(title, LIMITS.headerText);
    if (shown !== title) trunc.add('long title shortened');
    head.push(header(shown));
  }

  const tail: Block[] = [];
  const answer = reply.kind === 'answer' || reply.kind === 'comparison';
  const share = opts.share && reply.share ? { label: SHARE_LABEL, action: reply.share } : undefined;
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

  const people = reply.kind === 'leaderboard' || reply.kind === 'quiz-summary';
  const md = mrkdwnOptions(reply);
  const textItems: BodyItem[] = reply.paragraphs.map((p) => textItem(people ? restoreUserMentions(toMrkdwn(p, md)) : toMrkdwn(p, md)));
  const tableBlocks: (Block | TableBlock)[] = [];
  if (reply.table && opts.table !== 'text') {
    if (reply.table.caption) {
      const caption = toPlain(reply.table.caption).replace(/\s+/g, ' ').trim();
      const shown = clip(caption, 300);
      if (shown !== caption) trunc.add('long table caption shortened');
      tableBlocks.push(context(`*${escapeMrkdwn(shown)}*`));
    }
    tableBlocks.push(tableBlock(reply.table, trunc));
  } else if (reply.table) {
    const table = reply.table;
    if (table.caption) textItems.push(textItem(`*${escapeMrkdwn(toPlain(table.caption))}*`));
    const full = monospaceTable(table, LIMITS.sectionText, trunc);
    textItems.push({ whole: full.length, fit: (max) => (max >= full.length ? full : max < 200 ? null : monospaceTable(table, max, trunc)) });
  }
  // One picture, after the summary and table (the first answer's reading order) and before any
  // example or button; without an uploaded file, its ASCII drawing in the text.
  const picture: Block[] = reply.diagram && opts.diagramFileId ? [imageBlock(reply.diagram, opts.diagramFileId)] : [];
  if (reply.diagram && !opts.diagramFileId) textItems.push(textItem(diagramText(reply.diagram)));
  const codeItems = reply.code.map((c) => codeItem(c.code, c.caption));

  let blocksLeft = LIMITS.blocks - head.length - tail.length - tableBlocks.length - picture.length - 1;
  let charsLeft = LIMITS.blocksText - textSize(head) - textSize(tail) - textSize(picture) - textSize(tableBlocks.filter((b): b is Block => b.type !== 'table')) - 400;
  const text = fillBody(textItems, blocksLeft, charsLeft, trunc);
  blocksLeft -= text.length;
  charsLeft -= textSize(text);
  const code = fillBody(codeItems, blocksLeft, charsLeft, trunc);
  const note = trunc.any ? [context(clip(escapeMrkdwn(trunc.toString()), LIMITS.contextText))] : [];

  const all = [...head, ...text, ...tableBlocks, ...picture, ...code, ...note, ...tail];
  if (tableBlocks.length) return { text: fallbackText(reply), attachments: [{ blocks: all }] };
  return { text: fallbackText(reply), blocks: all as Block[] };
}

/** The notification text. Escaped too: Slack parses it for mentions like any mrkdwn. */
function fallbackText(reply: Reply): string {
  return clip(toMrkdwn(reply.fallback || reply.title || reply.kind, mrkdwnOptions(reply)).replace(/\s+/g, ' ').trim(), LIMITS.messageText);
}

/** A piece of body text that can shrink to `max` characters, or null when it cannot usefully fit. */
interface BodyItem {
  fit(max: number): string | null;
  /** Its full size. */
  whole: number;
}

function textItem(mrkdwn: string): BodyItem {
  return { whole: mrkdwn.length, fit: (max) => (max >= mrkdwn.length ? mrkdwn : max < 100 ? null : clip(mrkdwn, max)) };
}

function codeItem(code: string, caption?: string): BodyItem {
  const cap = caption ? `_${escapeMrkdwn(toPlain(caption).replace(/\s+/g, ' ').trim())}_\n` : '';
  const full = cap + codeBlock(code);
  return {
    whole: full.length,
    fit: (max) => {
      if (max >= full.length) return full;
      if (max < 150) return null;
      // Cut the code, not the fence, so the block still renders. Escaping can grow the text, so shrink until it fits.
      let room = max - cap.length - 12;
      let out = cap + codeBlock(clip(code, room));
      while (out.length > max && room > 20) {
        room -= out.length - max + 4;
        out = cap + codeBlock(clip(code, room));
      }
      return out.length <= max ? out : null;
    },
  };
}

/** Pack body items into section blocks (each at most 3,000 characters) within the block and size budgets. */
function fillBody(items: BodyItem[], blocksLeft: number, charsLeft: number, trunc: Truncations): Block[] {
  const pieces = items.flatMap((item) => (item.whole > LIMITS.sectionText ? splitLong(item, LIMITS.sectionText) : [item]));
  const texts: string[] = [];
  let chars = charsLeft;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    // Short pieces share a section, which saves blocks; the others start a new one.
    const last = texts[texts.length - 1];
    if (last !== undefined && piece.whole + 2 <= chars && last.length + 2 + piece.whole <= LIMITS.sectionText) {
      texts[texts.length - 1] = `${last}\n\n${piece.fit(piece.whole)!}`;
      chars -= piece.whole + 2;
      continue;
    }
    const text = texts.length < blocksLeft ? piece.fit(Math.min(chars, LIMITS.sectionText)) : null;
    if (text !== null) {
      texts.push(text);
      chars -= text.length;
    }
    if (text === null || text.length < piece.whole) {
      const rest = pieces.length - i - (text === null ? 0 : 1);
      trunc.add(rest > 0 ? `the answer is too long for one Slack message; ${rest} more part${rest === 1 ? '' : 's'} not shown` : 'the answer is too long for one Slack message');
      break;
    }
  }
  return texts.map(section);
}

/** Split an over-long text item at line or word breaks into section-sized items. */
function splitLong(item: BodyItem, size: number): BodyItem[] {
  const full = item.fit(item.whole)!;
  if (full.includes('```')) return [item]; // a code block is cut, not split
  const out: BodyItem[] = [];
  let rest = full;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const end = at > size * 0.5 ? at : size;
    out.push(textItem(rest.slice(0, end).trimEnd()));
    rest = rest.slice(end).trimStart();
  }
  if (rest) out.push(textItem(rest));
  return out;
}

/**
 * The last resort when Slack rejects blocks: one mrkdwn text with the table in monospace and the
 * buttons named (they cannot be clicked here).
 */
export function renderTextOnly(reply: Reply): SlackMessage {
  const trunc = new Truncations();
  const parts: string[] = [];
  if (reply.title) parts.push(`*${escapeMrkdwn(toPlain(reply.title))}*`);
  parts.push(...reply.paragraphs.map((p) => toMrkdwn(p, mrkdwnOptions(reply))));
  if (reply.table) {
    if (reply.table.caption) parts.push(`*${escapeMrkdwn(toPlain(reply.table.caption))}*`);
    parts.push(monospaceTable(reply.table, 2000, trunc));
  }
  if (reply.diagram) parts.push(diagramText(reply.diagram));
  for (const c of reply.code) parts.push(`${c.caption ? `_${escapeMrkdwn(c.caption)}_\n` : ''}${codeBlock(c.code)}`);
  const names = (label: string, list: { label: string }[]) => (list.length ? [`${label} ${list.map((a) => escapeMrkdwn(toPlain(a.label))).join(', ')}`] : []);
  if (reply.quiz) parts.push(...reply.quiz.choices.map((c) => escapeMrkdwn(toPlain(c.label))));
  parts.push(...names('Did you mean:', reply.suggestions), ...names('Related:', [...reply.related, ...(reply.menu?.options ?? [])]));
  let text = parts.join('\n\n');
  const limit = LIMITS.messageText;
  if (trunc.any || text.length > limit) {
    const note = `\n\n${TRUNCATED}`;
    text = `${text.length > limit - note.length ? clip(text, limit - note.length) : text}${note}`;
  }
  return { text };
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
