import { noticeReply } from '../reply/build.ts';
import type { Command } from './types.ts';

export const postNow: Command = {
  name: 'post-now',
  aliases: ['postnow'],
  usage: 'post-now',
  description: "Post this channel's next quiz question right away; it counts like a scheduled one (channel managers).",
  summary: "Post this channel's next quiz question now",
  options: [],
  private: true,
  access: 'managers',
  channelOnly: true,
  // "post-now" alone; anything after it makes the line a question.
  accepts: (text) => text.trim() === '',
  run(_input, { tutor, who }) {
    return tutor.quiz.postNow?.(who) ?? noticeReply('Not available', 'Posting a quiz now needs the quiz store and scheduler, which are not running here.', 'error');
  },
};
