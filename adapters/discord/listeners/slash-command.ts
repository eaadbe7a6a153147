import { Events } from 'discord.js';
import { COMMAND_NAME, findSubcommand, toRequest } from '../slash/index.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';

/** `/tutor <subcommand>`: options become a core command request, the Reply becomes an embed. */
export const slashCommand = listener({
  name: 'slash-command',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isChatInputCommand() || interaction.commandName !== COMMAND_NAME) return;
    const group = interaction.options.getSubcommandGroup(false);
    const name = interaction.options.getSubcommand(false) ?? '';
    const sub = findSubcommand(group, name, ctx.app.commands);
    const request = sub ? toRequest(sub, interaction.options) : ({ type: 'text', text: 'help' } as const);
    const work = ctx.app.handle(request, requesterFromInteraction(interaction));
    await answerInteraction(ctx, interaction, work, { privateGuess: sub?.private ?? true });
  },
});
