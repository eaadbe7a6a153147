import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TutorSubcommand } from './types.ts';

export const quiz: TutorSubcommand = {
  name: 'quiz',
  definition: new SlashCommandSubcommandBuilder().setName('quiz').setDescription('One practice question, just for you'),
  private: true,
  toRequest: () => ({ type: 'command', name: 'quiz', args: '' }),
};
