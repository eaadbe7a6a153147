import type { Command } from '../commands/types.ts';
import type { Platform } from '../adapter-api/request.ts';

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

/** A command's usage line (the argument placeholder included), as typed on `platform`, from its definition. */
export function usageText(platform: Platform, command: Pick<Command, 'name' | 'usage' | 'structured' | 'options' | 'subcommands'>): string {
  if (platform === 'discord' && command.structured === false) return `@tutor ${command.name}`;
  if (platform === 'discord' && command.subcommands) {
    const subs = command.subcommands.map((s) => [s.name, ...(s.options ?? []).map((o) => `${o.name}:`)].join(' '));
    return `/tutor ${command.name} ${subs.join(' | ')}`;
  }
  const hint = command.usage.slice(command.name.length).trim();
  const option = command.options?.[0]?.name;
  if (platform === 'discord') return `/tutor ${command.name}${hint && option ? ` ${option}:${hint}` : ''}`;
  return commandText(platform, command.name, hint);
}
