import { noticeReply } from '../reply/build.ts';
import { pingArgs } from '../quiz/ping.ts';
import type { Command } from './types.ts';

export const ping: Command = {
  name: 'ping',
  usage: 'ping <role ROLE | here | off | show>',
  description: 'Mention a role or @here on each quiz question in this channel, or stop (channel managers).',
  summary: 'Mention a role or @here on each quiz question here',
  subcommands: [
    { name: 'role', description: 'Mention this role on each quiz question', options: [{ name: 'role', type: 'role', description: 'The role to mention', required: true, mustMention: true }] },
    { name: 'here', description: 'Mention @here on each quiz question', mentionsEveryone: true },
    { name: 'off', description: 'Mention nobody' },
    { name: 'show', description: 'Who quiz questions here mention' },
  ],
  private: true,
  access: 'managers',
  channelOnly: true,
  accepts: (text) => /^($|role\b|here$|<here>$|off$|show$)/i.test(text.trim()),
  run(input, { tutor, who }) {
    const { sub, role } = 'text' in input ? pingArgs(input.text) : { sub: input.sub ?? 'show', role: input.options.role === undefined ? undefined : String(input.options.role) };
    return tutor.quiz.ping?.(sub, role, who) ?? noticeReply('Not available', 'Pings need the quiz store, which is not running here.', 'error');
  },
};
