import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TutorSubcommand } from './types.ts';

export const review: TutorSubcommand = {
  name: 'review',
  definition: new SlashCommandSubcommandBuilder().setName('review').setDescription('Drill the questions you missed that are due today'),
  private: true,
  toRequest: () => ({ type: 'command', name: 'review', args: '' }),
};
