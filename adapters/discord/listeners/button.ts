import { Events, MessageFlags } from 'discord.js';
import { decodeAction } from '../../../src/index.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';

/**
 * A button press: the custom_id is the core's action string, passed back untouched. "Share in
 * channel" answers visibly, quiz answers privately, and paging edits the private list in place.
 */
export const button = listener({
  name: 'button',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isButton()) return;
    const action = decodeAction(interaction.customId);
    const onPrivateMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
    const work = ctx.app.tutor.handle({ type: 'action', action: interaction.customId }, requesterFromInteraction(interaction));
    await answerInteraction(ctx, interaction, work, { update: action?.type === 'topics' && onPrivateMessage, privateGuess: action?.type !== 'share' });
  },
});
