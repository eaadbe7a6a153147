import { optionText, type Command } from './types.ts';

export const ask: Command = {
  name: 'ask',
  usage: 'ask <question>',
  description: 'Answer a question (you can also just type it).',
  summary: 'Ask a question about containers or virtual machines',
  options: [{ name: 'question', type: 'string', description: 'For example: what is a volume?', required: true, maxLength: 500 }],
  private: true,
  run(input, { tutor, who }) {
    return tutor.answerQuestion(optionText(input, 'question'), who);
  },
};
