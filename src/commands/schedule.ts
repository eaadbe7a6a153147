import type { Command } from './types.ts';

export const schedule: Command = {
  name: 'schedule',
  usage: 'schedule <weekdays|daily HH:MM Zone | cron "m h dom mon dow" Zone | show | off>',
  description: 'Post a daily quiz question in this channel (channel managers).',
  run(args, { tutor, who }) {
    return tutor.quiz.schedule(args, who);
  },
};
