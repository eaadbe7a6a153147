/**
 * The body of a Slack message: pieces of text and code that can shrink, packed into section
 * blocks within the room the title, table, picture and buttons leave.
 */
import { section, type Block } from './blocks.ts';
import { plainLine } from '../../shared/markdown.ts';
import { clip, LIMITS, type Truncations } from './limits.ts';
import { codeBlock, escapeMrkdwn } from './mrkdwn.ts';

/** A piece of body text that can shrink to `max` characters, or null when it cannot usefully fit. */
export interface BodyItem {
  fit(max: number): string | null;
  /** Its full size. */
  whole: number;
}

export function textItem(mrkdwn: string): BodyItem {
  return { whole: mrkdwn.length, fit: (max) => (max >= mrkdwn.length ? mrkdwn : max < 100 ? null : clip(mrkdwn, max)) };
}

export function codeItem(code: string, caption?: string): BodyItem {
  const cap = caption ? `_${escapeMrkdwn(plainLine(caption))}_\n` : '';
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
export function packBody(items: BodyItem[], blocksLeft: number, charsLeft: number, trunc: Truncations): Block[] {
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
