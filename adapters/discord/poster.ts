import { createHash } from 'node:crypto';
import { Routes, SnowflakeUtil, type APIMessage, type Client } from 'discord.js';
import type { ChannelPoster } from '../../src/index.ts';
import { renderReply, toMessageBody, toRestFiles } from './render/index.ts';
import { forScheduler } from './errors.ts';
import { pingFields } from './ping.ts';

/**
 * Lets the core post on its own (scheduled quizzes) and replace its posts (quiz summaries), straight
 * through REST so that nothing depends on what the capped caches still hold. Failures are thrown,
 * marked for the core's scheduler (see forScheduler): it retries with backoff unless told not to.
 */
export function createPoster(client: Client): ChannelPoster {
  return {
    platform: 'discord',
    async post(channelId, reply, mark) {
      const msg = renderReply(reply);
      // A schedule's opt-in ping is the only mention that may notify anyone.
      const body = { ...toMessageBody(msg), ...pingFields(reply.ping) };
      const files = toRestFiles(msg);
      // With enforce_nonce, Discord creates a message for a nonce only once (for a few minutes), so a
      // retry after a timeout or a 5xx that had in fact gone through cannot post twice. A scheduled
      // post's nonce comes from its post key; others' from the content.
      const nonce = mark
        ? nonceFor(mark.postKey)
        : createHash('sha256')
            .update(`${channelId}\n${JSON.stringify(body)}`)
            .digest('hex')
            .slice(0, 25);
      const sent = (await client.rest.post(Routes.channelMessages(channelId), { body: { ...body, nonce, enforce_nonce: true }, ...(files.length ? { files } : {}) }).catch(rethrow)) as APIMessage;
      return { messageId: sent.id };
    },
    /** A reminder: open (or reuse) the DM channel, then post there. A user who blocked the bot or closed DMs gets 50007 (a 4xx: given up). */
    async postDirect(userId, reply) {
      const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }).catch(rethrow)) as { id: string };
      const msg = renderReply(reply);
      const sent = (await client.rest.post(Routes.channelMessages(dm.id), { body: toMessageBody(msg) }).catch(rethrow)) as APIMessage;
      return { messageId: sent.id };
    },
    async update(channelId, messageId, reply) {
      const msg = renderReply(reply);
      const files = toRestFiles(msg);
      // Without a picture, `attachments: []` removes one the earlier message had (an edit keeps them otherwise).
      const body = { attachments: [], ...toMessageBody(msg) };
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body, ...(files.length ? { files } : {}) }).catch(rethrow);
    },
    /**
     * The channel's messages since the scheduled instant: ours carries the post's nonce, or (when the
     * history leaves the nonce out) the same buttons, whose ids include the post's id.
     */
    async findPost(channelId, { postKey, since, reply }) {
      const after = SnowflakeUtil.generate({ timestamp: Math.max(since - CLOCK_SKEW_MS, DISCORD_EPOCH) }).toString();
      const query = new URLSearchParams({ after, limit: '100' });
      const messages = (await client.rest.get(Routes.channelMessages(channelId), { query }).catch(rethrow)) as APIMessage[];
      const nonce = nonceFor(postKey);
      const ids = customIds(toMessageBody(renderReply(reply)).components);
      const mine = (m: APIMessage) => m.nonce === nonce || (m.author?.id === client.user?.id && ids.length > 0 && customIds(m.components) === ids);
      const found = messages.find(mine);
      return found ? { messageId: found.id } : undefined;
    },
  };
}

function rethrow(err: unknown): never {
  throw forScheduler(err);
}

/** Read from a little before the scheduled instant, in case this machine's clock is ahead of Discord's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DISCORD_EPOCH = 1420070400000;

/** Discord nonces are at most 25 characters: a hash of the post key. */
export const nonceFor = (postKey: string) => createHash('sha256').update(postKey).digest('hex').slice(0, 25);

function customIds(rows: unknown): string {
  const out: string[] = [];
  for (const row of (rows as { components?: { custom_id?: string }[] }[] | undefined) ?? []) for (const c of row.components ?? []) if (c.custom_id) out.push(c.custom_id);
  return out.join('\n');
}
