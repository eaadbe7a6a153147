import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TutorSubcommand } from './types.ts';

export const leaderboard: TutorSubcommand = {
  name: 'leaderboard',
  definition: new SlashCommandSubcommandBuilder()
    .setName('leaderboard')
    .setDescription("This channel's quiz scores and streaks")
    .addStringOption((o) =>
      o.setName('period').setDescription('Which scores (default: this week)').addChoices({ name: 'This week', value: 'week' }, { name: 'This month', value: 'month' }, { name: 'All time', value: 'all' }),
    ),
  // The core answers a leaderboard to the asker, like every lookup; deferring must guess the same,
  // or a slow leaderboard would appear publicly while a quick one is private.
  private: true,
  toRequest: (options) => ({ type: 'command', name: 'leaderboard', args: options.getString('period') ?? '' }),
};
