import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, SlashCommandSubcommandBuilder } from 'discord.js';
import { commands as coreCommands, completeZone, type Command, type OptionDef, type Tutor, type TutorRequest } from '../../../src/index.ts';
import { clip, LIMITS } from '../render/limits.ts';
import type { AutocompleteChoice, OptionReader } from './types.ts';

export type { AutocompleteChoice, OptionReader } from './types.ts';

export const COMMAND_NAME = 'tutor';

/** The core commands offered as `/tutor` subcommands, in help order (typed-only ones such as help are left out). */
export function slashCommands(list: readonly Command[] = coreCommands): Command[] {
  return list.filter((c) => c.structured !== false);
}

/** `/tutor` with one subcommand (or subcommand group) per core command, generated from the core definitions. */
function tutorCommand(list: readonly Command[] = coreCommands): SlashCommandBuilder {
  const cmd = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Containers & VMs tutor: answers, comparisons and quizzes')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const c of slashCommands(list)) {
    if (!c.subcommands) {
      cmd.addSubcommand(withOptions(new SlashCommandSubcommandBuilder().setName(c.name).setDescription(c.summary), c.options ?? []));
      continue;
    }
    cmd.addSubcommandGroup((g) => {
      g.setName(c.name).setDescription(c.summary);
      for (const s of c.subcommands ?? []) g.addSubcommand((b) => withOptions(b.setName(s.name).setDescription(s.description), s.options ?? []));
      return g;
    });
  }
  return cmd;
}

function withOptions(b: SlashCommandSubcommandBuilder, options: readonly OptionDef[]): SlashCommandSubcommandBuilder {
  for (const o of options) {
    if (o.type === 'integer') {
      b.addIntegerOption((i) => {
        i.setName(o.name).setDescription(o.description).setRequired(!!o.required);
        if (o.min !== undefined) i.setMinValue(o.min);
        if (o.max !== undefined) i.setMaxValue(o.max);
        return i;
      });
      continue;
    }
    b.addStringOption((s) => {
      s.setName(o.name).setDescription(o.description).setRequired(!!o.required);
      if (o.maxLength !== undefined) s.setMaxLength(o.maxLength);
      if (o.choices) s.addChoices(...o.choices.map((c) => ({ name: c.label, value: c.value })));
      if (o.complete) s.setAutocomplete(true);
      return s;
    });
  }
  return b;
}

/** The JSON body for `PUT /applications/{id}/commands` (or the guild route). */
export function commandData(list: readonly Command[] = coreCommands) {
  return [tutorCommand(list).toJSON()];
}

/** The command an interaction is for: a group name (schedule) or a plain subcommand name. */
export function findSubcommand(group: string | null, name: string, list: readonly Command[] = coreCommands): Command | undefined {
  return slashCommands(list).find((c) => c.name === (group ?? name));
}

/** Pure: the chosen options as a core request, typed as the definition declares them. */
export function toRequest(command: Command, options: OptionReader): TutorRequest {
  const sub = command.subcommands ? options.getSubcommand() : undefined;
  const defs = sub ? (command.subcommands?.find((s) => s.name === sub)?.options ?? []) : (command.options ?? []);
  const values: Record<string, string | number> = {};
  for (const o of defs) {
    const v = o.type === 'integer' ? options.getInteger(o.name) : options.getString(o.name);
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
