/** What the slash command reads from an interaction. discord.js's option resolver satisfies it; tests can pass a plain object. */
export interface OptionReader {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
  /** A role option: the role's id is what the core gets. */
  getRole?(name: string): { id: string } | null;
  getSubcommand(): string;
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}
