import type { Platform } from '../adapter-api/request.ts';

/** A channel on one platform (ids are only unique within a platform). */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
}

/** A person on one platform. */
export interface LearnerRef {
  platform: Platform;
  userId: string;
}
