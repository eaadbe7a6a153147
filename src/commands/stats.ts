import { noticeReply } from '../reply/build.ts';
import type { Command } from './types.ts';

export const stats: Command = {
  name: 'stats',
  aliases: ['me', 'progress'],
  accepts: (text) => text.trim() === '',
  usage: 'stats',
  description: 'Your answers, accuracy per topic, streak, best streak and reviews due (only you see it).',
  summary: 'Your answers, accuracy per topic, streaks and reviews due',
  private: true,
  run(_input, { tutor, who }) {
    return tutor.quiz.stats ? tutor.quiz.stats(who) : noticeReply('Not available yet', 'Personal stats need the quiz store.');
  },
};
