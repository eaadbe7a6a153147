import { conceptReply, noMatchReply, noticeReply } from '../reply/build.ts';
import type { Command } from './types.ts';

export const explain: Command = {
  name: 'explain',
  aliases: ['define'],
  usage: 'explain <concept>',
  description: 'Explain one concept by name (typos are fine).',
  run(args, { tutor }) {
    const name = args.trim();
    if (!name) return noticeReply('Which concept?', 'Give me a concept name, for example `explain bind mounts`.');
    const direct = tutor.pack.byId.get(name.toLowerCase());
    if (direct) return conceptReply(direct, tutor.pack);
    const found = tutor.lookupConcept(name);
    if (found.concept) return conceptReply(found.concept, tutor.pack, found.suggestions);
    return noMatchReply(name, found.suggestions);
  },
};
