import { SlashCommandSubcommandGroupBuilder } from 'discord.js';
import { LIMITS } from '../render/limits.ts';
import type { OptionReader, TutorSubcommand } from './types.ts';

/** `/tutor schedule set|show|off`: the options become the core's one-line spec, e.g. "weekdays 09:00 Europe/Berlin". */
export const schedule: TutorSubcommand = {
  name: 'schedule',
  definition: new SlashCommandSubcommandGroupBuilder()
    .setName('schedule')
    .setDescription('A daily quiz question in this channel (channel managers)')
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post a quiz question here on a schedule')
        .addStringOption((o) =>
          o.setName('when').setDescription('How often').setRequired(true).addChoices({ name: 'Weekdays (Mon-Fri)', value: 'weekdays' }, { name: 'Every day', value: 'daily' }, { name: 'Cron expression', value: 'cron' }),
        )
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setRequired(true).setMaxLength(64).setAutocomplete(true))
        .addStringOption((o) => o.setName('time').setDescription('Local time HH:MM, e.g. 09:00 (weekdays, daily)').setMaxLength(5))
        .addStringOption((o) => o.setName('cron').setDescription('5-field cron, e.g. "0 9 * * 1-5" (when: cron)').setMaxLength(100)),
    )
    .addSubcommand((s) => s.setName('show').setDescription("Show this channel's quiz schedule"))
    .addSubcommand((s) => s.setName('off').setDescription("Stop this channel's scheduled quizzes")),
  private: true,
  toRequest: (options) => ({ type: 'command', name: 'schedule', args: scheduleArgs(options) }),
  autocomplete(focused) {
    if (focused.name !== 'timezone') return [];
    const q = focused.value.trim().toLowerCase().replace(/\s+/g, '_');
    const zones = ['UTC', ...Intl.supportedValuesOf('timeZone')];
    const starts = zones.filter((z) => z.toLowerCase().startsWith(q));
    const contains = zones.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
    return [...starts, ...contains].slice(0, LIMITS.choices).map((z) => ({ name: z, value: z }));
  },
};

export function scheduleArgs(options: OptionReader): string {
  const sub = options.getSubcommand();
  if (sub !== 'set') return sub;
  const when = options.getString('when') ?? '';
  const zone = options.getString('timezone')?.trim() ?? '';
  if (when === 'cron') return `cron "${(options.getString('cron') ?? '').trim()}" ${zone}`.trim();
  return [when, options.getString('time')?.trim() ?? '', zone].filter(Boolean).join(' ');
}
