import type { ReplyAction } from '../../src/index.ts';
import { plainLine } from './markdown.ts';

/**
 * The long-choice rule: when any quiz choice is longer than a button label may be (`maxLabel`,
 * the platform's limit), all choices are also listed in full in the message text, so a shortened
 * button never hides part of a choice. Lengths are measured on the plain text a button shows.
 */
export function choicesNeedList(choices: readonly Pick<ReplyAction, 'label'>[], maxLabel: number): boolean {
  return choices.some((c) => plainLine(c.label).length > maxLabel);
}
