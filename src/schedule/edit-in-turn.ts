import type { ChannelPoster } from '../adapter-api/poster.ts';
import type { ChannelQueue } from '../delivery/channel-queue.ts';
import type { Reply } from '../reply/types.ts';
import type { PostRecord, PostStore } from '../store/types.ts';
import { key } from './scheduler.ts';

/**
 * Edit a posted question (the live tally) in its channel's turn on the scheduler's queue, so the
 * edit keeps the channel's spacing and never lands after the close summary. One attempt: the next
 * refresh tries again. False when there is nothing to edit or nobody to edit it.
 */
export function editInTurn(queue: ChannelQueue, store: PostStore, poster: ChannelPoster | undefined, post: PostRecord, reply: Reply): Promise<boolean> {
  if (!poster || post.messageId === undefined) return Promise.resolve(false);
  return queue.push(key(post), async (call) => {
    // Checked in the channel's turn: a summary queued first has closed it by now.
    if ((await store.getPost(post.id))?.closedAt !== undefined) return false;
    await call(() => poster.update(post.channelId, post.messageId!, reply));
    return true;
  });
}
