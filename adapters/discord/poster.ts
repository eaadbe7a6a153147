import { createHash } from 'node:crypto';
import { Routes, type APIMessage, type Client } from 'discord.js';
import type { ChannelPoster } from '../../src/index.ts';
import { renderReply, toMessageBody, toRestFiles } from './render/index.ts';
import { forScheduler } from './retry.ts';

/**
 * Lets the core post on its own (scheduled quizzes) and replace its posts (quiz summaries), straight
 * through REST so that nothing depends on what the capped caches still hold. Failures are thrown,
 * marked for the core's scheduler (see forScheduler): it retries with backoff unless told not to.
 */
export function createPoster(client: Client): ChannelPoster {
  return {
    platform: 'discord',
    async post(channelId, reply) {
      const msg = renderReply(reply);
      const body = toMessageBody(msg);
      const files = toRestFiles(msg);
      // With enforce_nonce, Discord creates a message for a nonce only once (for a few minutes), so a
      // retry after a timeout or a 5xx that had in fact gone through cannot post twice. The nonce is
      // derived from the content: a channel quiz's buttons carry its post id, so each post differs.
      const nonce = createHash('sha256').update(`${channelId}\n${JSON.stringify(body)}`).digest('hex').slice(0, 25);
      const sent = (await client.rest.post(Routes.channelMessages(channelId), { body: { ...body, nonce, enforce_nonce: true }, ...(files.length ? { files } : {}) }).catch(rethrow)) as APIMessage;
      return { messageId: sent.id };
    },
    async update(channelId, messageId, reply) {
      const msg = renderReply(reply);
      const files = toRestFiles(msg);
      // Without a picture, `attachments: []` removes one the earlier message had (an edit keeps them otherwise).
      const body = { attachments: [], ...toMessageBody(msg) };
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body, ...(files.length ? { files } : {}) }).catch(rethrow);
    },
  };
}

function rethrow(err: unknown): never {
  throw forScheduler(err);
}
