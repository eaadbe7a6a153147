import { noMatchReply, noticeReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Command } from './types.ts';

export const explain: Command = {
  name: 'explain',
  aliases: ['define'],
  usage: 'explain <concept>',
  description: 'Explain one concept by name (typos are fine).',
  run(args, { tutor, who }) {
    const name = args.trim();
    if (!name) return noticeReply('Which concept?', `Give me a concept name, for example \`${commandText(who.platform, 'explain', 'bind mounts')}\`.`);
    const direct = tutor.pack.byId.get(name.toLowerCase());
    if (direct) return tutor.conceptAnswer(direct, name, who);
    const found = tutor.lookupConcept(name);
    if (found.concept) return tutor.conceptAnswer(found.concept, name, who, found.suggestions);
    return noMatchReply(name, found.suggestions, who.platform);
  },
};
