import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalActionRowComponentBuilder } from 'discord.js';
import type { Reply } from '../../src/index.ts';
import { truncate } from './render/limits.ts';

/** The text field of every form modal. */
export const FORM_FIELD = 'note';

/** A reply's form as a Discord modal. Its custom_id is the core action the text goes back with. */
export function formModal(form: NonNullable<Reply['form']>): ModalBuilder {
  const input = new TextInputBuilder().setCustomId(FORM_FIELD).setLabel(truncate(form.label, 45).text).setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(500);
  if (form.placeholder) input.setPlaceholder(truncate(form.placeholder, 100).text);
  return new ModalBuilder().setCustomId(form.submit).setTitle(truncate(form.title, 45).text).addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(input));
}
