import type { Command } from './types.ts';

export const leaderboard: Command = {
  name: 'leaderboard',
  aliases: ['scores', 'leaders'],
  accepts: (args) => /^(|week|month|all|all-time|alltime)$/i.test(args.trim()),
  usage: 'leaderboard [week|month|all]',
  description: "This channel's quiz scores and streaks.",
  run(args, { tutor, who }) {
    return tutor.quiz.leaderboard(args, who);
  },
};
