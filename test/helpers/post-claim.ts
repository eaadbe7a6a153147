import type { PostClaim } from '../../src/store/types.ts';

/** A claim of channel C1's 1000 ms slot on Slack by replica "A" (closes at 5000, next run at 2000); `over` changes any field. */
export function postClaim(over: Partial<PostClaim> = {}): PostClaim {
  return {
    platform: 'slack',
    channelId: 'C1',
    slotAt: 1000,
    zone: 'UTC',
    itemId: 'i1',
    conceptId: 'c1',
    claimedAt: 1000,
    claimedBy: 'A',
    closesAt: 5000,
    expectedNextRunAt: 1000,
    nextRunAt: 2000,
    ...over,
  };
}
