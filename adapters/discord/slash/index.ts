import { commands as coreCommands, completeZone, type Command, type Tutor, type TutorRequest } from '../../../src/index.ts';
import { COMMAND_NAME, slashCommands } from './build.ts';
import { clip, LIMITS } from '../render/limits.ts';
import type { AutocompleteChoice, OptionReader } from './types.ts';

export type { AutocompleteChoice, OptionReader } from './types.ts';
export { ADMIN_COMMAND_NAME, COMMAND_NAME, commandData, EXPLAIN_MESSAGE_NAME, slashCommands } from './build.ts';

/** The core command an interaction of top-level command `top` is for: a group name (schedule) or a plain subcommand name. */
export function findSubcommand(group: string | null, name: string, list: readonly Command[] = coreCommands, top = COMMAND_NAME): Command | undefined {
  return slashCommands(list, top).find((c) => c.name === (group ?? name));
}

/** Pure: the chosen options as a core request, typed as the definition declares them. */
export function toRequest(command: Command, options: OptionReader): TutorRequest {
  const sub = command.subcommands ? options.getSubcommand() : undefined;
  const defs = sub ? (command.subcommands?.find((s) => s.name === sub)?.options ?? []) : (command.options ?? []);
  const values: Record<string, string | number> = {};
  for (const o of defs) {
    const v = o.type === 'integer' ? options.getInteger(o.name) : o.type === 'role' ? (options.getRole?.(o.name)?.id ?? null) : options.getString(o.name);
    if (v !== null && v !== undefined) values[o.name] = v;
  }
  return { type: 'command', name: command.name, options: values, ...(sub ? { sub } : {}) };
}

/** Suggestions for the focused option while the user types. Must be fast: Discord waits 3 s at most. */
export function autocomplete(command: Command, focused: { name: string; value: string }, tutor: Pick<Tutor, 'completeConcept'>): AutocompleteChoice[] {
  const all = [...(command.options ?? []), ...(command.subcommands ?? []).flatMap((s) => s.options ?? [])];
  const def = all.find((o) => o.name === focused.name);
  if (def?.type !== 'string' || !def.complete) return [];
  if (def.complete === 'zone') return completeZone(focused.value, LIMITS.choices).map((z) => ({ name: z, value: z }));
  // The concept id is the value; a typed name works too (the core matches it fuzzily).
  return tutor.completeConcept(focused.value, LIMITS.choices).map((c) => ({ name: clip(c.title, LIMITS.choiceName), value: c.id.slice(0, LIMITS.choiceValue) }));
}
