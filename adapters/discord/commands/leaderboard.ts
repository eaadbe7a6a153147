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
  // A leaderboard is about the channel, so it is shown to the channel.
  private: false,
  toRequest: (options) => ({ type: 'command', name: 'leaderboard', args: options.getString('period') ?? '' }),
};
