import type { Command } from './types.ts';

export const quiz: Command = {
  name: 'quiz',
  aliases: ['practice'],
  accepts: (args) => args.trim() === '',
  usage: 'quiz',
  description: 'One practice question for you, now.',
  run(_args, { tutor, who }) {
    return tutor.quiz.practice(who);
  },
};
