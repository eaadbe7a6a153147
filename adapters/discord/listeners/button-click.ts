import { Events, MessageFlags } from 'discord.js';
import { decodeAction, isShareAction } from '../../../src/index.ts';
import { MENU_ID } from '../render/index.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';
import { sharedNote } from '../../shared/placement.ts';

/** Clicks that continue the message clicked, when it is private: it is replaced in place. */
const CONTINUES = new Set(['explain', 'more', 'example', 'topics', 'next-practice', 'practice-answer']);
/** Clicks that go on with a public answer publicly: a reply to that message in the channel or thread. */
const GOES_ON = new Set(['more', 'example']);

/**
 * A button press or a related-topic pick: the custom_id (or the picked option's value) is the
 * core's action string, passed back untouched. "Share in channel" answers visibly and turns the
 * private copy into a "Shared in #channel" note; continuations on a private message update it
 * in place, and Explain more / Show an example on a public answer go on in public; 👎 opens a modal.
 */
export const button = listener({
  name: 'button',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    const select = interaction.isStringSelectMenu() && interaction.customId === MENU_ID;
    if (!interaction.isButton() && !select) return;
    if (!interaction.isMessageComponent()) return;
    const raw = select && interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : interaction.customId;
    const action = decodeAction(raw);
    const onPrivateMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
    const work = ctx.app.handle({ type: 'action', action: raw }, requesterFromInteraction(interaction));
    await answerInteraction(ctx, interaction, work, {
      update: onPrivateMessage && CONTINUES.has(action?.type ?? ''),
      ...(isShareAction(action) && onPrivateMessage && interaction.channelId ? { sharedNote: sharedNote(`<#${interaction.channelId}>`) } : {}),
      privateGuess: !isShareAction(action),
      public: !onPrivateMessage && interaction.inGuild() && GOES_ON.has(action?.type ?? ''),
    });
  },
});
