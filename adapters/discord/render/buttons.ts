import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Reply, ReplyAction } from '../../../src/index.ts';
import { LIMITS, truncate } from './limits.ts';

export const SHARE_LABEL = 'Share in channel';

interface Button {
  action: ReplyAction;
  style: ButtonStyle;
}

export interface ButtonLayout {
  rows: ActionRowBuilder<ButtonBuilder>[];
  /** Buttons that did not fit (named in the footer instead). */
  overflow: ReplyAction[];
  /** True when a label had to be shortened or a button could not be made (custom_id too long). */
  cut: boolean;
}

/**
 * At most 5 rows of 5 buttons, custom_ids unique within the message (Discord rejects duplicates).
 * Rows, top to bottom: quiz choices, "did you mean", related, then one control row (extra buttons
 * such as paging, and "Share in channel"). The control row and the quiz row are kept when space runs
 * out; related concepts are the first to go.
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

  const quiz = group(reply.quiz?.choices ?? [], ButtonStyle.Primary);
  const shareAction = opts.share && reply.share ? [{ label: SHARE_LABEL, action: reply.share }] : [];
  const control = [...group(shareAction, ButtonStyle.Success), ...group(reply.extra, ButtonStyle.Secondary)];
  const content = [...group(reply.suggestions, ButtonStyle.Primary), ...group(reply.related, ButtonStyle.Secondary)];

  const quizRows = chunk(quiz, LIMITS.buttonsPerRow);
  const controlRows = chunk(control, LIMITS.buttonsPerRow);
  // Keep one control row, with Share first so that it survives; overflow goes to the footer.
  const keptControl = controlRows.slice(0, 1);
  const keptQuiz = quizRows.slice(0, LIMITS.rows - keptControl.length);
  const free = LIMITS.rows - keptControl.length - keptQuiz.length;
  const contentRows = chunk(content, LIMITS.buttonsPerRow);
  const keptContent = contentRows.slice(0, free);
  for (const rows of [quizRows.slice(keptQuiz.length), contentRows.slice(keptContent.length), controlRows.slice(1)]) {
    for (const row of rows) overflow.push(...row.map((b) => b.action));
  }
  overflow.push(...tooLong);

  // A button lost to its custom_id is a cut (unlike running out of rows), so the footer says so.
  let cut = tooLong.length > 0;
  // Share sits at the right-hand end of its row, after paging buttons.
  const sharing = shareAction.length > 0 && control[0]?.action.action === shareAction[0]!.action;
  const ordered = [...keptQuiz, ...keptContent, ...keptControl.map((row) => (sharing ? [...row.slice(1), row[0]!] : row))];
  const rows = ordered.map((row) =>
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      row.map((b) => {
        const label = truncate(b.action.label.replace(/\s+/g, ' ').trim() || '…', LIMITS.label);
        cut ||= label.cut;
        return new ButtonBuilder().setCustomId(b.action.action).setLabel(label.text).setStyle(b.style);
      }),
    ),
  );
  return { rows, overflow, cut };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
