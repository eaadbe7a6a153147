import type { Command } from './types.ts';
import { ask } from './ask.ts';
import { explain } from './explain.ts';
import { help } from './help.ts';
import { leaderboard } from './leaderboard.ts';
import { ping } from './ping.ts';
import { postNow } from './post-now.ts';
import { quiz } from './quiz.ts';
import { remind } from './remind.ts';
import { review } from './review.ts';
import { schedule } from './schedule.ts';
import { stats } from './stats.ts';
import { topics } from './topics.ts';

/** Every command, in the order help lists them. Explicit on purpose: no folder scanning. */
export const commands: readonly Command[] = [ask, explain, topics, quiz, review, remind, stats, leaderboard, schedule, postNow, ping, help];

export function findCommand(word: string, list: readonly Command[] = commands): Command | undefined {
  const w = word.toLowerCase().replace(/^\//, '');
  return list.find((c) => c.name === w || c.aliases?.includes(w));
}
