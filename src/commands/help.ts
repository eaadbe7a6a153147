import { emptyReply } from '../reply/build.ts';
import { usageText } from '../reply/syntax.ts';
import type { Command } from './types.ts';

export const help: Command = {
  name: 'help',
  aliases: ['?', 'commands'],
  accepts: (text) => text.trim() === '',
  usage: 'help',
  description: 'Show what I can do.',
  summary: 'Show what I can do',
  private: true,
  // Help is what a bare mention or an unknown command answers; it is not offered as a structured command.
  structured: false,
  run(_input, { tutor, who, commands }) {
    const r = emptyReply('help', 'Ask me about containers and virtual machines, or try: topics, explain <concept>, quiz.');
    r.title = 'Container & VM tutor';
    r.paragraphs = [
      `I teach containers and virtual machines (${tutor.pack.concepts.length} topics). Ask a question in your own words, like "what is a volume?" or "docker vs vm".`,
      commands.map((c) => `\`${usageText(who.platform, c)}\` ${c.description}`).join('\n'),
      'After an answer, just keep talking: "tell me more", "example?", "why?" or "quiz me on that" continue the same topic.',
    ];
    r.suggestions = tutor.starterActions();
    return r;
  },
};
