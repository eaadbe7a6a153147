import { ADMIN_COMMAND_NAME, COMMAND_NAME } from './slash/build.ts';
import { commands, registerWording, usageHint, type CommandShape, type PlatformWording } from '../../src/index.ts';

/** The first option's name, which a typed argument fills: `/tutor topics page:2`. */
const optionOf = (name: string) => commands.find((c) => c.name === name)?.options?.[0]?.name;

/**
 * Discord's slash commands take named options (`/tutor topics page:2`); channel managers' commands
 * are under `/tutor-admin`; typed-only commands are reached by mentioning the bot; a command with
 * branches names them.
 */
const discordWording: PlatformWording = {
  commandText(name, arg) {
    const command = commands.find((c) => c.name === name);
    if (command?.structured === false) return `@tutor ${name}`;
    const top = `/${command?.access === 'managers' ? ADMIN_COMMAND_NAME : COMMAND_NAME}`;
    if (command?.subcommands) return `${top} ${name} ${arg.split(/\s+/)[0] || command.subcommands[0]?.name || ''}`.trim();
    const option = optionOf(name);
    return `${top} ${name}${arg && option ? ` ${option}:${arg}` : ''}`;
  },
  usageText(command: CommandShape) {
    if (command.structured === false) return `@tutor ${command.name}`;
    const top = `/${command.access === 'managers' ? ADMIN_COMMAND_NAME : COMMAND_NAME}`;
    if (command.subcommands) {
      const subs = command.subcommands.map((s) => [s.name, ...(s.options ?? []).map((o) => `${o.name}:`)].join(' '));
      return `${top} ${command.name} ${subs.join(' | ')}`;
    }
    const hint = usageHint(command);
    const option = command.options?.[0]?.name;
    return `${top} ${command.name}${hint && option ? ` ${option}:${hint}` : ''}`;
  },
  managers: 'Manage Channels or Manage Server',
};

registerWording('discord', discordWording);
