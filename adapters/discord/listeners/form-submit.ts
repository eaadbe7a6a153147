import { Events } from 'discord.js';
import { decodeAction } from '../../../src/index.ts';
import { FORM_FIELD } from '../modal.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';

/** A submitted form (👎's note): the text goes to the core with the form's action; the thanks is private. */
export const modalSubmit = listener({
  name: 'modal-submit',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isModalSubmit() || !decodeAction(interaction.customId)) return;
    const text = interaction.fields.getTextInputValue(FORM_FIELD) ?? '';
    const work = ctx.app.handle({ type: 'action', action: interaction.customId, text }, requesterFromInteraction(interaction));
    await answerInteraction(ctx, interaction, work, { privateGuess: true });
  },
});
