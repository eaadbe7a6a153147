import type { SlashCommandSubcommandBuilder, SlashCommandSubcommandGroupBuilder } from 'discord.js';
import type { Tutor, TutorRequest } from '../../../src/index.ts';

/** What a subcommand reads from the interaction. discord.js's option resolver satisfies it; tests can pass a plain object. */
export interface OptionReader {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
  getSubcommand(): string;
}

interface AutocompleteChoice {
  name: string;
  value: string;
}

/** One `/tutor` subcommand (or subcommand group): its definition for Discord and how it becomes a core request. */
export interface TutorSubcommand {
  name: string;
  /** Registered with Discord by `npm run discord:register`; the bot routes by the same name. */
  definition: SlashCommandSubcommandBuilder | SlashCommandSubcommandGroupBuilder;
  /** Pure: the chosen options as a core request. */
  toRequest(options: OptionReader): TutorRequest;
  /** Whether the answer is meant for the asker only, used when we must defer before the reply exists. */
  private: boolean;
  /** Suggestions for the focused option while the user types. Must be fast: Discord waits 3 s at most. */
  autocomplete?(focused: { name: string; value: string }, tutor: Tutor): AutocompleteChoice[];
}
