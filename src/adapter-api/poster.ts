import type { Platform } from './request.ts';
import type { Reply } from '../reply/types.ts';

/** What a scheduled post carries so that a later check can find it in the channel. */
export interface PostMark {
  /** Stable key of one scheduled post: `<channel>:<scheduled instant, ISO-8601>`. */
  postKey: string;
}

/** What a poster looks for when the core cannot tell whether a post went through. */
export interface PostLookup extends PostMark {
  /** The scheduled instant (epoch ms): the post cannot be older than this. */
  since: number;
  /** The reply that was (maybe) posted, for platforms that recognise it by its content. */
  reply: Reply;
}

/**
 * How the core posts on its own initiative (scheduled quizzes, quiz summaries). Each chat adapter
 * registers one when it starts; the core never knows which library is behind it.
 */
export interface ChannelPoster {
  platform: Platform;
  /** Post a reply visibly in a channel. Resolves with the platform's message id; a failure may carry PostErrorHints. */
  post(channelId: string, reply: Reply, mark?: PostMark): Promise<{ messageId: string }>;
  /**
   * Send a direct message to one person (daily reminders); `workspaceId` picks the workspace's token
   * where there are several. A failure with `retryable: false` means it cannot reach them (blocked, DMs closed).
   */
  postDirect?(userId: string, reply: Reply, workspaceId?: string): Promise<{ messageId: string }>;
  /** Replace an earlier post, e.g. to close a quiz with its summary. */
  update(channelId: string, messageId: string, reply: Reply): Promise<void>;
  /**
   * Did a post carrying `lookup.postKey` reach the channel? Its message id, or undefined when it
   * is not there. Throws when the platform cannot be asked right now. A poster without it cannot
   * tell, so the core never re-sends a post whose outcome it did not see (at most once).
   */
  findPost?(channelId: string, lookup: PostLookup): Promise<{ messageId: string } | undefined>;
}

/**
 * What a failed post or update tells the scheduler's retry: `retryable: false` gives up at once
 * (the channel, token or content is the problem), `retryAfterMs` waits that long (a rate limit).
 * Without either it backs off and tries again.
 */
export interface PostErrorHints {
  retryable?: false;
  retryAfterMs?: number;
}
