import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TutorSubcommand } from './types.ts';

export const ask: TutorSubcommand = {
  name: 'ask',
  definition: new SlashCommandSubcommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about containers or virtual machines')
    .addStringOption((o) => o.setName('question').setDescription('For example: what is a volume?').setRequired(true).setMaxLength(500)),
  private: true,
  toRequest: (options) => ({ type: 'command', name: 'ask', args: options.getString('question') ?? '' }),
};
