import type { ReplyAction } from '../../../src/index.ts';
import { plainLine } from '../../shared/markdown.ts';
import { ACTION_ID_PREFIX, actions, context, type Block, type Button } from './blocks.ts';
import { clip, LIMITS, type Truncations } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/**
 * Turns core actions into buttons. The button's `value` is the core's action string, passed back
 * untouched on click; `action_id` only has to be unique within the message, so it is a counter.
 */
export class ButtonMaker {
  private next = 0;

  constructor(private readonly trunc: Truncations) {}

  make(a: ReplyAction, opts: { primary?: boolean; noteShortened?: boolean } = {}): Button | undefined {
    if (a.action.length > LIMITS.buttonValue) {
      // A cut action would be a broken button; leave it out and say so.
      this.trunc.add('a button with an oversized payload was left out');
      return undefined;
    }
    const label = plainLine(a.label) || a.action;
    const text = clip(label, LIMITS.buttonText);
    if (text !== label && opts.noteShortened !== false) this.trunc.add('long button labels shortened');
    const id = `${ACTION_ID_PREFIX}${this.next++}`;
    return { type: 'button', text: { type: 'plain_text', text }, action_id: id, value: a.action, ...(opts.primary ? { style: 'primary' as const } : {}) };
  }
}

/**
 * A labelled row of buttons: a small context label, then one actions block. Groups are capped so
 * that buttons never crowd the answer out of the message; the rest are reported as truncated.
 */
export function buttonGroup(maker: ButtonMaker, trunc: Truncations, items: readonly ReplyAction[], max: number, what: string, label?: string, primary?: ReplyAction): Block[] {
  const cap = Math.min(max, LIMITS.actionsPerBlock) - (primary ? 1 : 0);
  const shown = items.slice(0, cap);
  if (items.length > shown.length) trunc.add(`${items.length - shown.length} more ${what} not shown`);
  const elements = shown.map((a) => maker.make(a)).filter((b): b is Button => !!b);
  if (primary) {
    const b = maker.make(primary, { primary: true });
    if (b) elements.push(b);
  }
  if (elements.length === 0) return [];
  return [...(label ? [context(escapeMrkdwn(label))] : []), actions(elements)];
}
