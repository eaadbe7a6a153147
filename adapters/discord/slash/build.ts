import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { commands as coreCommands, type Command, type OptionDef } from '../../../src/index.ts';

/** The learners' command: in servers, in DMs with the bot and, installed to a user's account, in any DM or group DM. */
export const COMMAND_NAME = 'tutor';
/** Channel managers' commands (schedule, post now), hidden from members by default_member_permissions. */
export const ADMIN_COMMAND_NAME = 'tutor-admin';
/** The message context-menu command (right-click a message > Apps). */
export const EXPLAIN_MESSAGE_NAME = 'Explain with Tutor';

/** Which top-level command offers a core command: managers' commands go to /tutor-admin. */
const slashCommandOf = (c: Command) => (c.access === 'managers' ? ADMIN_COMMAND_NAME : COMMAND_NAME);

/** The core commands offered as subcommands of `name`, in help order (typed-only ones are left out). */
export function slashCommands(list: readonly Command[] = coreCommands, name = COMMAND_NAME): Command[] {
  return list.filter((c) => c.structured !== false && slashCommandOf(c) === name);
}

/** Everywhere a user can use the app: a server it is in, its DM, and (user install) any DM or group DM. */
const EVERYWHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  installs: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

/** A top-level command with one subcommand (or subcommand group) per core command, generated from the core definitions. */
function topLevel(name: string, description: string, list: readonly Command[]): SlashCommandBuilder {
  const cmd = new SlashCommandBuilder().setName(name).setDescription(description);
  for (const c of slashCommands(list, name)) {
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
    if (o.type === 'role') {
      b.addRoleOption((r) => r.setName(o.name).setDescription(o.description).setRequired(!!o.required));
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

/**
 * The JSON body for `PUT /applications/{id}/commands` (or the guild route): `/tutor` for learners,
 * everywhere; `/tutor-admin` for channel managers, in servers only and hidden from members unless a
 * server changes that (Server Settings > Integrations); and "Explain with Tutor" on messages.
 */
export function commandData(list: readonly Command[] = coreCommands) {
  const tutor = topLevel(COMMAND_NAME, 'Containers & VMs tutor: answers, comparisons and quizzes', list)
    .setContexts(...EVERYWHERE.contexts)
    .setIntegrationTypes(...EVERYWHERE.installs);
  const admin = topLevel(ADMIN_COMMAND_NAME, "Manage this channel's quizzes (channel managers)", list)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels);
  const explain = new ContextMenuCommandBuilder()
    .setName(EXPLAIN_MESSAGE_NAME)
    .setType(ApplicationCommandType.Message)
    .setContexts(...EVERYWHERE.contexts)
    .setIntegrationTypes(...EVERYWHERE.installs);
  const out = [tutor.toJSON()];
  // A list without managers' commands (a test's, an embedder's) gets no empty /tutor-admin.
  if (slashCommands(list, ADMIN_COMMAND_NAME).length) out.push(admin.toJSON());
  return [...out, explain.toJSON()];
}
