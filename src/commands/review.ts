import type { Command } from './types.ts';

export const review: Command = {
  name: 'review',
  usage: 'review',
  accepts: (args) => args.trim() === '',
  description: 'Drill the questions you missed that are due today.',
  summary: 'Drill the questions you missed that are due today',
  private: true,
  run(_input, { tutor, who }) {
    return tutor.quiz.review(who);
  },
};
