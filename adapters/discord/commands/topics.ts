import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TutorSubcommand } from './types.ts';

export const topics: TutorSubcommand = {
  name: 'topics',
  definition: new SlashCommandSubcommandBuilder()
    .setName('topics')
    .setDescription('Browse every concept I teach')
    .addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1).setMaxValue(999)),
  private: true,
  toRequest: (options) => ({ type: 'command', name: 'topics', args: String(options.getInteger('page') ?? '') }),
};
