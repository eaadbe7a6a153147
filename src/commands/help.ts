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
  options: [],
  private: true,
  run(_input, { tutor, who, commands }) {
    const r = emptyReply('help', 'Ask me about containers and virtual machines, or try: topics, explain <concept>, quiz.');
    r.title = 'Container & VM tutor';
    const line = (c: Command) => `\`${usageText(who.platform, c)}\` ${c.description}`;
    const learner = commands.filter((c) => c.access !== 'managers');
    // Channel managers' commands are listed only to people who may run them (the console's user may).
    const managers = who.canManageChannel ? commands.filter((c) => c.access === 'managers') : [];
    r.paragraphs = [
      `I teach containers and virtual machines (${tutor.pack.concepts.length} topics). Ask a question in your own words, like "what is a volume?" or "docker vs vm".`,
      learner.map(line).join('\n'),
      ...(managers.length ? [`**For channel managers**\n${managers.map(line).join('\n')}`] : []),
      'After an answer, just keep talking: "tell me more", "example?", "why?" or "quiz me on that" continue the same topic.',
    ];
    r.suggestions = tutor.starterActions();
    return r;
  },
};
