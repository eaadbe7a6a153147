import type { Command } from './types.ts';

export const schedule: Command = {
  name: 'schedule',
  usage: 'schedule <weekdays|daily HH:MM Zone | cron "m h dom mon dow" Zone | show | off>',
  description: 'Post a daily quiz question in this channel (channel managers).',
  // Only text that looks like a schedule: "schedule containers across hosts" is a question.
  accepts: (args) => /^($|show|off|set|help|weekdays?|weekends?|daily|every|each|cron|at|mon|tue|wed|thu|fri|sat|sun|\d|["'])/i.test(args.trim()),
  run(args, { tutor, who }) {
    return tutor.quiz.schedule(args, who);
  },
};
