import type { Command } from './types.ts';

export const quiz: Command = {
  name: 'quiz',
  aliases: ['practice'],
  accepts: (args) => args.trim() === '',
  usage: 'quiz',
  description: 'One practice question for you, now.',
  summary: 'One practice question, just for you',
  private: true,
  run(_input, { tutor, who }) {
    return tutor.quiz.practice(who);
  },
};
