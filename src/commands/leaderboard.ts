import { optionText, type Command } from './types.ts';

export const leaderboard: Command = {
  name: 'leaderboard',
  aliases: ['scores', 'leaders'],
  accepts: (text) => /^(|week|month|all|all-time|alltime)$/i.test(text.trim()),
  usage: 'leaderboard [week|month|all]',
  description: "This channel's quiz scores and streaks.",
  summary: "This channel's quiz scores and streaks",
  options: [
    {
      name: 'period',
      type: 'string',
      description: 'Which scores (default: this week)',
      choices: [
        { label: 'This week', value: 'week' },
        { label: 'This month', value: 'month' },
        { label: 'All time', value: 'all' },
      ],
    },
  ],
  // The leaderboard answers the asker, like every lookup; an adapter that must acknowledge first
  // has to guess the same, or a slow leaderboard would appear publicly while a quick one is private.
  private: true,
  channelOnly: true,
  run(input, { tutor, who }) {
    return tutor.quiz.leaderboard(optionText(input, 'period'), who);
  },
};
