import { noticeReply } from '../reply/build.ts';
import type { Command, CommandInput } from './types.ts';

export const remind: Command = {
  name: 'remind',
  aliases: ['reminders'],
  usage: 'remind <on|off|time HH:MM [Zone]>',
  description: 'A daily direct message when reviews are due (opt-in; your own time and zone).',
  summary: 'A daily reminder when reviews are due (opt-in)',
  subcommands: [
    { name: 'on', description: 'Send me a daily reminder when reviews are due' },
    { name: 'off', description: 'Stop my daily reminders' },
    {
      name: 'time',
      description: 'When my reminder comes',
      options: [
        { name: 'time', type: 'string', description: 'Local time HH:MM, e.g. 08:30', required: true, maxLength: 5 },
        { name: 'timezone', type: 'string', description: 'IANA time zone, e.g. Europe/Berlin (default: yours or UTC)', maxLength: 64, complete: 'zone' },
      ],
    },
    { name: 'show', description: 'Show my reminder setting' },
  ],
  private: true,
  accepts: (text) => /^($|(on|off|time|show)\b)/i.test(text.trim()),
  run(input, { tutor, who }) {
    if (!tutor.reminders) return noticeReply('Reminders', 'Reminders need the bot’s store; they are not available here.');
    return tutor.reminders.remind(remindText(input), who);
  },
};

/** The typed form ("time 08:30 Europe/Berlin") from typed text or chosen options. */
function remindText(input: CommandInput): string {
  if ('text' in input) return input.text;
  const sub = input.sub ?? 'show';
  if (sub !== 'time') return sub;
  return ['time', input.options.time, input.options.timezone].filter((v) => v !== undefined && String(v).trim() !== '').join(' ');
}
