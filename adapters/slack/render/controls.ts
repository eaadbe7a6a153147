import type { Reply, ReplyQuiz } from '../../../src/index.ts';
import { choicesNeedList } from '../../shared/choices.ts';
import { plainLine } from '../../shared/markdown.ts';
import { ACTION_ID_PREFIX, actions, section, type Block, type Button, type ContextActionsBlock, type StaticSelect } from './blocks.ts';
import type { ButtonMaker } from './buttons.ts';
import { clip, LIMITS, type Truncations } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/** Options in one static_select (Slack allows 100). */
const MENU_OPTIONS = 100;
const OPTION_TEXT = 75;
const OPTION_VALUE = 150;

/**
 * A quiz: choice buttons. Labels longer than a button allows are also listed in full above the
 * buttons, so a shortened button never hides part of a choice. An answered quiz lists its
 * choices with the one picked marked, and no buttons.
 */
export function quizBlocks(quiz: ReplyQuiz, maker: ButtonMaker, trunc: Truncations): Block[] {
  const labels = quiz.choices.map((c) => plainLine(c.label));
  if (quiz.answered !== undefined)
    return [section(clip(labels.map((l, i) => `${i === quiz.answered ? '➜ *' : '    '}${escapeMrkdwn(clip(l, 500))}${i === quiz.answered ? '* (your answer)' : ''}`).join('\n'), LIMITS.sectionText))];
  const out: Block[] = [];
  if (choicesNeedList(quiz.choices, LIMITS.buttonText)) out.push(section(clip(labels.map((l) => escapeMrkdwn(clip(l, 500))).join('\n'), LIMITS.sectionText)));
  const shown = quiz.choices.slice(0, LIMITS.actionsPerBlock);
  if (shown.length < quiz.choices.length) trunc.add(`${quiz.choices.length - shown.length} more choices not shown`);
  const buttons = shown.map((c) => maker.make(c, { noteShortened: false })).filter((b): b is Button => !!b);
  if (buttons.length) out.push(actions(buttons));
  return out;
}

/** The related-topics menu, in an actions block of its own. */
export function menuSelect(menu: NonNullable<Reply['menu']>, id: string, trunc: Truncations): StaticSelect | undefined {
  const usable = menu.options.filter((o) => o.action.length <= OPTION_VALUE);
  if (usable.length < menu.options.length) trunc.add('a menu entry with an oversized payload was left out');
  const options = usable.slice(0, MENU_OPTIONS).map((o) => ({ text: { type: 'plain_text' as const, text: clip(plainLine(o.label) || o.action, OPTION_TEXT) }, value: o.action }));
  if (!options.length) return undefined;
  return { type: 'static_select', action_id: `${ACTION_ID_PREFIX}${id}`, placeholder: { type: 'plain_text', text: clip(menu.placeholder, 150) }, options };
}

/** "Was this helpful?" as Slack's feedback buttons. */
export function feedbackBlock(fb: NonNullable<Reply['feedback']>): ContextActionsBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: `${ACTION_ID_PREFIX}feedback`,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: fb.up, accessibility_label: 'This answer was helpful' },
        negative_button: { text: { type: 'plain_text', text: '👎' }, value: fb.down, accessibility_label: 'This answer was not helpful' },
      },
    ],
  };
}
