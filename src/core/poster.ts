import type { Platform } from './request.ts';
import type { Reply } from '../reply/types.ts';

/**
 * How the core posts on its own initiative (scheduled quizzes, quiz summaries). Each chat adapter
 * registers one when it starts; the core never knows which library is behind it.
 */
export interface ChannelPoster {
  platform: Platform;
  /** Post a reply visibly in a channel. Resolves with the platform's message id. */
  post(channelId: string, reply: Reply): Promise<{ messageId: string }>;
  /** Replace an earlier post, e.g. to close a quiz with its summary. */
  update(channelId: string, messageId: string, reply: Reply): Promise<void>;
}
