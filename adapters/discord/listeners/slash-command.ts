import { Events } from 'discord.js';
import { ADMIN_COMMAND_NAME, COMMAND_NAME, findSubcommand, toRequest } from '../slash/index.ts';
import { botIsHere, notHereReply } from '../install.ts';
import { pingRefusal } from '../ping.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';

/** `/tutor <subcommand>` and `/tutor-admin <subcommand>`: options become a core command request, the Reply becomes an embed. */
export const slashCommand = listener({
  name: 'slash-command',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isChatInputCommand()) return;
    const top = interaction.commandName;
    if (top !== COMMAND_NAME && top !== ADMIN_COMMAND_NAME) return;
    const group = interaction.options.getSubcommandGroup(false);
    const name = interaction.options.getSubcommand(false) ?? '';
    const sub = findSubcommand(group, name, ctx.app.commands, top);
    const who = requesterFromInteraction(interaction);
    // A user install has no bot in the channel: a channel feature is answered with a note. A ping
    // the bot could not deliver is refused before anything is stored.
    const early = sub?.channelOnly && !botIsHere(interaction) ? notHereReply(`/${top} ${sub.name}`) : sub && who.canManageChannel ? pingRefusal(interaction, sub) : undefined;
    const work = early ? Promise.resolve(early) : ctx.app.handle(sub ? toRequest(sub, interaction.options) : { type: 'text', text: 'help' }, who);
    await answerInteraction(ctx, interaction, work, { privateGuess: sub?.private ?? true });
  },
});
