import type { Command, CommandInput, OptionValues } from './types.ts';

export const schedule: Command = {
  name: 'schedule',
  usage: 'schedule <weekdays|daily HH:MM Zone | cron "m h dom mon dow" Zone | show | off>',
  description: 'Post a daily quiz question in this channel (channel managers).',
  summary: 'A daily quiz question in this channel (channel managers)',
  subcommands: [
    {
      name: 'set',
      description: 'Post a quiz question here on a schedule',
      options: [
        {
          name: 'when',
          type: 'string',
          description: 'How often',
          required: true,
          choices: [
            { label: 'Weekdays (Mon-Fri)', value: 'weekdays' },
            { label: 'Every day', value: 'daily' },
            { label: 'Cron expression', value: 'cron' },
          ],
        },
        { name: 'timezone', type: 'string', description: 'IANA time zone, e.g. Europe/Berlin', required: true, maxLength: 64, complete: 'zone' },
        { name: 'time', type: 'string', description: 'Local time HH:MM, e.g. 09:00 (weekdays, daily)', maxLength: 5 },
        { name: 'cron', type: 'string', description: '5-field cron, e.g. "0 9 * * 1-5" (when: cron)', maxLength: 100 },
      ],
    },
    { name: 'show', description: "Show this channel's quiz schedule" },
    { name: 'off', description: "Stop this channel's scheduled quizzes" },
  ],
  private: true,
  access: 'managers',
  channelOnly: true,
  // Only text that looks like a schedule: "schedule containers across hosts" is a question.
  accepts: (text) => /^($|show|off|set|help|weekdays?|weekends?|daily|every|each|cron|at|mon|tue|wed|thu|fri|sat|sun|\d|["'])/i.test(text.trim()),
  run(input, { tutor, who }) {
    return tutor.quiz.schedule(scheduleText(input), who);
  },
};

/** The one-line spec the schedule parser reads, e.g. "weekdays 09:00 Europe/Berlin", from typed text or chosen options. */
export function scheduleText(input: CommandInput): string {
  if ('text' in input) return input.text;
  return specFromOptions(input.sub ?? 'show', input.options);
}

function specFromOptions(sub: string, options: OptionValues): string {
  if (sub !== 'set') return sub;
  const get = (name: string) => String(options[name] ?? '').trim();
  const zone = get('timezone');
  // Missing pieces go through as they are: the parser answers with an error and an example.
  if (get('when') === 'cron') return `cron "${get('cron')}" ${zone}`.trim();
  return [get('when'), get('time'), zone].filter(Boolean).join(' ');
}
