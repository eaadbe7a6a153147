import type { Command } from '../commands/types.ts';
import type { Platform } from '../adapter-api/request.ts';

/** What the core needs of a command to write its usage line. */
export type CommandShape = Pick<Command, 'name' | 'usage' | 'structured' | 'options' | 'subcommands' | 'access'>;

/**
 * How a platform's people type commands and who manages a channel there, for help text and hints.
 * Each chat adapter registers its own (`registerWording`); anything else (the console, the CLI)
 * types bare words: `topics 2`.
 */
export interface PlatformWording {
  /** `name` with an optional argument (already trimmed), as typed on this platform. */
  commandText(name: string, arg: string): string;
  /** A command's usage line, its argument placeholder included. */
  usageText(command: CommandShape): string;
  /** Who may manage a channel's quiz schedule here, e.g. "Manage Channels or Manage Server". */
  managers?: string;
}

/** The argument placeholder of a usage line: "topics [page]" -> "[page]". */
export const usageHint = (command: Pick<Command, 'name' | 'usage'>) => command.usage.slice(command.name.length).trim();

const bareWords: PlatformWording = {
  commandText: (name, arg) => `${name}${arg ? ` ${arg}` : ''}`,
  usageText: (command) => bareWords.commandText(command.name, usageHint(command)),
};

const wordings = new Map<Platform, PlatformWording>();

/** Called by an adapter for its platform (once, when its module loads). */
export function registerWording(platform: Platform, wording: PlatformWording): void {
  wordings.set(platform, wording);
}

export function wordingFor(platform: Platform): PlatformWording {
  return wordings.get(platform) ?? bareWords;
}

/** `name` with an optional argument, as typed on `platform`. */
export function commandText(platform: Platform, name: string, arg = ''): string {
  return wordingFor(platform).commandText(name, arg.trim());
}

/** A command's usage line (the argument placeholder included), as typed on `platform`, from its definition. */
export function usageText(platform: Platform, command: CommandShape): string {
  return wordingFor(platform).usageText(command);
}
