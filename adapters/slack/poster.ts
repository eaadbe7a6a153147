import type { webApi } from '@slack/bolt';
import type { ChannelPoster, Logger } from '../../src/index.ts';
import { sendBest } from './deliver.ts';
import { renderVariants } from './render/index.ts';
import { channelPost, messageUpdate } from './targets.ts';

/**
 * Lets the core post on its own (scheduled quizzes, summaries). Failures are thrown: the
 * scheduler owns retries and backoff for these.
 */
export function slackPoster(client: webApi.WebClient, log: Logger): ChannelPoster {
  return {
    platform: 'slack',
    async post(channelId, reply) {
      const ts = await sendBest(channelPost(client, channelId), renderVariants(reply), log);
      if (!ts) throw new Error('chat.postMessage returned no ts');
      return { messageId: ts };
    },
    async update(channelId, messageId, reply) {
      await sendBest(messageUpdate(client, channelId, messageId), renderVariants(reply), log);
    },
  };
}
