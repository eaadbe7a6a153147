import { Events } from 'discord.js';
import { ADMIN_COMMAND_NAME, autocomplete as suggest, COMMAND_NAME, findSubcommand } from '../slash/index.ts';
import { listener } from './types.ts';

/** Suggestions while typing an option: answered synchronously from memory, far inside Discord's 3 s. */
export const autocomplete = listener({
  name: 'autocomplete',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isAutocomplete() || (interaction.commandName !== COMMAND_NAME && interaction.commandName !== ADMIN_COMMAND_NAME)) return;
    const sub = findSubcommand(interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false) ?? '', ctx.app.commands, interaction.commandName);
    const focused = interaction.options.getFocused(true);
    let choices: { name: string; value: string }[] = [];
    try {
      choices = sub ? suggest(sub, { name: focused.name, value: String(focused.value ?? '') }, ctx.app) : [];
    } catch (err) {
      ctx.log.error({ err, option: focused.name }, 'autocomplete failed');
    }
    try {
      await interaction.respond(choices);
    } catch (err) {
      ctx.log.warn({ err, interaction: interaction.id }, 'could not send autocomplete choices');
    }
  },
});
