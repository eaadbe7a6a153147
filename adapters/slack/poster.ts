import type { ChannelPoster, Logger } from '../../src/index.ts';
import { sendBest } from './deliver.ts';
import type { SlackDiagrams } from './diagrams.ts';
import { renderVariants } from './render/index.ts';
import { forScheduler } from './errors.ts';
import { channelPost, messageUpdate } from './targets.ts';
import type { ClientForChannel } from './workspace-clients.ts';

/** The metadata event type every scheduled quiz post carries (with `post_key` in its payload). */
const QUIZ_POST_EVENT = 'tutor_quiz_post';
/** Pages of conversations.history read when looking for a post (200 messages each). */
const HISTORY_PAGES = 5;
/** Read from a little before the scheduled instant, in case this machine's clock is ahead of Slack's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Lets the core post on its own (scheduled quizzes, summaries). Failures are thrown: the
 * scheduler owns retries and backoff for these (withRetry in the core), so nothing here retries,
 * and the clients should be ones that do not retry either (createPosterClient). Each channel's
 * posts go through its own workspace's client (workspace-clients.ts).
 */
export function slackPoster(clientFor: ClientForChannel, log: Logger, diagrams?: SlackDiagrams): ChannelPoster {
  return {
    platform: 'slack',
    async post(channelId, reply, mark) {
      const client = await clientFor(channelId);
      // A quiz that refers to a diagram shows it (uploaded once per workspace; text if that fails).
      const diagramFileId = reply.diagram && diagrams ? await diagrams.fileId(client, reply.diagram) : undefined;
      const metadata = mark ? { event_type: QUIZ_POST_EVENT, event_payload: { post_key: mark.postKey } } : undefined;
      const ts = await sendBest(channelPost(client, channelId, undefined, metadata), renderVariants(reply, diagramFileId ? { diagramFileId } : {}), log, false).catch(rethrow);
      // Slack took the message, so trying again would post it twice.
      if (!ts) throw Object.assign(new Error('chat.postMessage returned no ts'), { retryable: false });
      return { messageId: ts };
    },
    /** A reminder: chat.postMessage to the user id lands in the app's Messages tab (the DM). */
    async postDirect(userId, reply, workspaceId) {
      const client = await clientFor(userId, workspaceId);
      const ts = await sendBest(channelPost(client, userId), renderVariants(reply), log, false).catch(rethrow);
      if (!ts) throw Object.assign(new Error('chat.postMessage returned no ts'), { retryable: false });
      return { messageId: ts };
    },
    async update(channelId, messageId, reply) {
      const client = await clientFor(channelId);
      await sendBest(messageUpdate(client, channelId, messageId), renderVariants(reply), log, false).catch(rethrow);
    },
    /** The channel's messages since the scheduled instant, with their metadata (channels:history / groups:history). */
    async findPost(channelId, { postKey, since }) {
      const client = await clientFor(channelId);
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const res = await client.conversations
          .history({ channel: channelId, oldest: ((since - CLOCK_SKEW_MS) / 1000).toFixed(6), inclusive: true, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) })
          .catch(rethrow);
        for (const m of res.messages ?? []) {
          const meta = (m as { metadata?: { event_type?: string; event_payload?: { post_key?: unknown } } }).metadata;
          if (meta?.event_type === QUIZ_POST_EVENT && meta.event_payload?.post_key === postKey && m.ts) return { messageId: m.ts };
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor || !res.has_more) return undefined;
      }
      log.warn({ channelId, postKey, pages: HISTORY_PAGES }, 'quiz post not found in the recent history read; treating it as not sent');
      return undefined;
    },
  };
}

function rethrow(err: unknown): never {
  throw forScheduler(err);
}
