import { ActionRowBuilder, ButtonBuilder, ButtonStyle, StringSelectMenuBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import type { Reply, ReplyAction } from '../../../src/index.ts';
import { plainLine } from '../../shared/markdown.ts';
import { LIMITS, truncate } from './limits.ts';
import { shareButton } from '../../shared/placement.ts';

/** The related-topics select menu's custom_id; the picked option's value is the core's action. */
export const MENU_ID = 'tutor:menu';
const MENU_OPTIONS = 25;
const OPTION_TEXT = 100;

interface Button {
  action: ReplyAction;
  style: ButtonStyle;
}

export type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;

export interface ButtonLayout {
  rows: Row[];
  /** Buttons that did not fit (named in the footer instead). */
  overflow: ReplyAction[];
  /** True when a label had to be shortened or a button could not be made (custom_id too long). */
  cut: boolean;
}

/**
 * At most 5 rows, custom_ids unique within the message (Discord rejects duplicates). Rows, top
 * to bottom: quiz choices (disabled once answered), one control row (Explain more, Show an
 * example, Quiz me on this, paging, "Share in channel"), "did you mean" and related buttons, the
 * related-topics select menu, and 👍/👎. Content buttons are the first to go when rows run out.
 */
export function layoutButtons(reply: Reply, opts: { share: boolean }): ButtonLayout {
  const seen = new Set<string>();
  const overflow: ReplyAction[] = [];
  // Actions whose custom_id Discord would reject (over 100 characters): named in the footer instead.
  const tooLong: ReplyAction[] = [];
  const usable = (a: ReplyAction) => {
    if (!a.action || seen.has(a.action)) return false;
    seen.add(a.action);
    if (a.action.length > LIMITS.customId) {
      tooLong.push(a);
      return false;
    }
    return true;
  };
  const group = (actions: readonly ReplyAction[], style: ButtonStyle): Button[] => actions.filter(usable).map((action) => ({ action, style }));
  let cut = false;

  const answered = reply.quiz?.answered;
  const quiz = group(reply.quiz?.choices ?? [], ButtonStyle.Primary);
  const share = shareButton(reply, opts.share);
  const shareAction = share ? [share] : [];
  // Share goes first so that it survives when the row overflows; it is shown at the row's end.
  const shareButtons = group(shareAction, ButtonStyle.Success);
  const control = [...shareButtons, ...group(reply.extra, ButtonStyle.Secondary)];
  const content = [...group(reply.suggestions, ButtonStyle.Primary), ...group(reply.related, ButtonStyle.Secondary)];
  const menu = reply.menu ? menuRow(reply.menu, usable) : undefined;
  const feedback = reply.feedback
    ? group(
        [
          { label: '👍', action: reply.feedback.up },
          { label: '👎', action: reply.feedback.down },
        ],
        ButtonStyle.Secondary,
      )
    : [];

  const quizRows = chunk(quiz, LIMITS.buttonsPerRow);
  const controlRows = chunk(control, LIMITS.buttonsPerRow);
  const fixed = controlRows.slice(0, 1).map((row) => (shareButtons.length ? [...row.slice(1), row[0]!] : row));
  const tailRows = (menu ? 1 : 0) + (feedback.length === 2 ? 1 : 0);
  const keptQuiz = quizRows.slice(0, Math.max(0, LIMITS.rows - fixed.length - tailRows));
  const free = LIMITS.rows - fixed.length - keptQuiz.length - tailRows;
  const contentRows = chunk(content, LIMITS.buttonsPerRow);
  const keptContent = contentRows.slice(0, Math.max(0, free));
  for (const rows of [quizRows.slice(keptQuiz.length), contentRows.slice(keptContent.length), controlRows.slice(1)]) {
    for (const row of rows) overflow.push(...row.map((b) => b.action));
  }
  overflow.push(...tooLong);
  // A button lost to its custom_id is a cut (unlike running out of rows), so the footer says so.
  cut ||= tooLong.length > 0;

  const toRow = (row: Button[], disabled?: (i: number) => ButtonStyle | undefined) =>
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
      row.map((b, i) => {
        const label = truncate(buttonLabel(b.action.label), LIMITS.label);
        cut ||= label.cut;
        const button = new ButtonBuilder().setCustomId(b.action.action).setLabel(label.text).setStyle(b.style);
        const style = disabled?.(i);
        return style !== undefined ? button.setStyle(style).setDisabled(true) : button;
      }),
    );
  const rows: Row[] = [];
  keptQuiz.forEach((row, r) => void rows.push(toRow(row, answered === undefined ? undefined : (i) => (r * LIMITS.buttonsPerRow + i === answered ? ButtonStyle.Primary : ButtonStyle.Secondary))));
  rows.push(...fixed.map((row) => toRow(row)), ...keptContent.map((row) => toRow(row)));
  if (menu) rows.push(menu);
  if (feedback.length === 2) rows.push(toRow(feedback));
  return { rows, overflow, cut };
}

function menuRow(menu: NonNullable<Reply['menu']>, usable: (a: ReplyAction) => boolean): Row | undefined {
  const options = menu.options.filter(usable).slice(0, MENU_OPTIONS);
  if (!options.length) return undefined;
  const select = new StringSelectMenuBuilder()
    .setCustomId(MENU_ID)
    .setPlaceholder(truncate(menu.placeholder, 150).text)
    .addOptions(options.map((o) => ({ label: truncate(buttonLabel(o.label), OPTION_TEXT).text, value: o.action })));
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(select);
}

/** Labels are plain text on Discord: markdown markers would show literally (`docker rm`). */
function buttonLabel(label: string): string {
  return plainLine(label, { strayBacktick: '' }) || '…';
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
