import { SlashCommandSubcommandBuilder } from 'discord.js';
import { LIMITS, clip } from '../render/limits.ts';
import type { TutorSubcommand } from './types.ts';

export const explain: TutorSubcommand = {
  name: 'explain',
  definition: new SlashCommandSubcommandBuilder()
    .setName('explain')
    .setDescription('Explain one concept by name')
    .addStringOption((o) => o.setName('concept').setDescription('Start typing: volumes, hypervisor, images…').setRequired(true).setMaxLength(100).setAutocomplete(true)),
  private: true,
  // Autocomplete fills in the concept id; a typed name works too (the core matches it fuzzily).
  toRequest: (options) => ({ type: 'command', name: 'explain', args: options.getString('concept') ?? '' }),
  autocomplete(focused, tutor) {
    return tutor.completeConcept(focused.value, LIMITS.choices).map((c) => ({ name: clip(c.title, LIMITS.choiceName), value: c.id.slice(0, LIMITS.choiceValue) }));
  },
};
