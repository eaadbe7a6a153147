import type { Platform } from '../core/request.ts';

/**
 * How a command is typed on each platform, for help text and hints: `/tutor topics 2` on Slack,
 * `/tutor topics page:2` on Discord (its slash commands take named options), `topics 2` in the
 * console. The option names match the Discord command definitions.
 */
const DISCORD_OPTION: Record<string, string> = { ask: 'question', explain: 'concept', topics: 'page', leaderboard: 'period' };

/** `name` with an optional argument, as typed on `platform`. */
export function commandText(platform: Platform, name: string, arg = ''): string {
  const a = arg.trim();
  switch (platform) {
    case 'slack':
      return `/tutor ${name}${a ? ` ${a}` : ''}`;
    case 'discord':
      if (name === 'help') return '@tutor help';
      if (name === 'schedule') return `/tutor schedule ${a.split(/\s+/)[0] || 'set'}`;
      return `/tutor ${name}${a && DISCORD_OPTION[name] ? ` ${DISCORD_OPTION[name]}:${a}` : ''}`;
    default:
      return `${name}${a ? ` ${a}` : ''}`;
  }
}

/** A command's usage line (the argument placeholder included), as typed on `platform`. */
export function usageText(platform: Platform, name: string, argHint = ''): string {
  if (platform === 'discord' && name === 'schedule') return '/tutor schedule set when: time: timezone: | show | off';
  if (platform === 'discord' && name === 'help') return '@tutor help';
  return commandText(platform, name, argHint);
}
