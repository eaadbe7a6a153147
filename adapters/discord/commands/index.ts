import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, SlashCommandSubcommandBuilder } from 'discord.js';
import { ask } from './ask.ts';
import { explain } from './explain.ts';
import { leaderboard } from './leaderboard.ts';
import { quiz } from './quiz.ts';
import { review } from './review.ts';
import { schedule } from './schedule.ts';
import { topics } from './topics.ts';
import type { TutorSubcommand } from './types.ts';

export type { OptionReader, TutorSubcommand } from './types.ts';

export const COMMAND_NAME = 'tutor';

/** Every `/tutor` subcommand, in the order Discord lists them. Explicit on purpose: no folder scanning. */
export const subcommands: TutorSubcommand[] = [ask, explain, topics, quiz, review, leaderboard, schedule];

/** The one place the command is defined: the bot routes with it and `discord:register` uploads it. */
function tutorCommand(): SlashCommandBuilder {
  const cmd = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Containers & VMs tutor: answers, comparisons and quizzes')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const s of subcommands) {
    if (s.definition instanceof SlashCommandSubcommandBuilder) cmd.addSubcommand(s.definition);
    else cmd.addSubcommandGroup(s.definition);
  }
  return cmd;
}

/** The JSON body for `PUT /applications/{id}/commands` (or the guild route). */
export function commandData() {
  return [tutorCommand().toJSON()];
}

/** The subcommand an interaction is for: a group name (schedule) or a plain subcommand name. */
export function findSubcommand(group: string | null, name: string): TutorSubcommand | undefined {
  return subcommands.find((s) => s.name === (group ?? name));
}
