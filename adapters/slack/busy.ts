import type { Logger } from '../../src/index.ts';
import { classify } from './errors.ts';
import type { Target } from './targets.ts';

/** What a person is told when the bot has more requests waiting than it will queue. */
export const BUSY_TEXT = "I'm busy right now: please try again in a moment.";

/** Send the busy answer; a failure is logged, never thrown. */
export async function busyReply(target: Target, log: Logger): Promise<void> {
  try {
    await target.send({ text: BUSY_TEXT });
  } catch (err) {
    log.warn({ target: target.name, code: classify(err).code }, 'could not send the busy answer');
  }
}
