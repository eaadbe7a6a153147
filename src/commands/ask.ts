import type { Command } from './types.ts';

export const ask: Command = {
  name: 'ask',
  usage: 'ask <question>',
  description: 'Answer a question (you can also just type it).',
  run(args, { tutor, who }) {
    return tutor.answerQuestion(args, who);
  },
};
