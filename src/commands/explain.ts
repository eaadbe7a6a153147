import { noMatchReply, noticeReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import { optionText, type Command } from './types.ts';

export const explain: Command = {
  name: 'explain',
  aliases: ['define'],
  usage: 'explain <concept>',
  description: 'Explain one concept by name (typos are fine).',
  summary: 'Explain one concept by name',
  // A completed option holds the concept id; a typed name works too (matched fuzzily).
  options: [{ name: 'concept', type: 'string', description: 'Start typing: volumes, hypervisor, images…', required: true, maxLength: 100, complete: 'concept' }],
  private: true,
  // "explain more" or "explain that" after an answer is a follow-up, not a concept called "more".
  accepts: (text) => !/^(more|further|again|that|it|this)( more| further| again| please)?[.!?]*$/i.test(text.trim()),
  run(input, { tutor, who }) {
    const name = optionText(input, 'concept').trim();
    if (!name) return noticeReply('Which concept?', `Give me a concept name, for example \`${commandText(who.platform, 'explain', 'bind mounts')}\`.`);
    const direct = tutor.pack.byId.get(name.toLowerCase());
    if (direct) return tutor.conceptAnswer(direct, name, who);
    const found = tutor.lookupConcept(name);
    if (found.concept) return tutor.conceptAnswer(found.concept, name, who, found.suggestions);
    return noMatchReply(name, found.suggestions, who.platform);
  },
};
