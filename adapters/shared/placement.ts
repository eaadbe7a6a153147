import type { Reply, ReplyAction } from '../../src/index.ts';

/**
 * Where a reply goes, the same on every platform: in the channel for everyone, or privately to
 * the person who asked (with a "Share in channel" button when the core allows sharing). How
 * "private" is done is the adapter's part (an ephemeral message, a response_url, a DM).
 */

export const SHARE_LABEL = 'Share in channel';

export interface Conversation {
  /** A direct conversation with the bot: no one else reads it, so nothing needs hiding. */
  direct: boolean;
  /** The adapter answers in public whatever the audience (a click that continues a public answer). */
  public?: boolean | undefined;
}

/** For everyone in the conversation: the core addressed it to the channel, or the adapter answers in public. */
export function inChannel(reply: Pick<Reply, 'audience'>, where: Pick<Conversation, 'public'> = {}): boolean {
  return reply.audience === 'channel' || where.public === true;
}

/** Kept private: meant for the asker, in a conversation others could read. */
export function keptPrivate(reply: Pick<Reply, 'audience'>, where: Conversation): boolean {
  return !where.direct && !inChannel(reply, where);
}

/** The "Share in channel" button: only where offered (a reply kept private) and when the core marked the reply shareable. */
export function shareButton(reply: Pick<Reply, 'share'>, offered: boolean): ReplyAction | undefined {
  return offered && reply.share ? { label: SHARE_LABEL, action: reply.share } : undefined;
}

/** What the private copy becomes once it was shared; `channel` is the platform's channel mention. */
export function sharedNote(channel: string): string {
  return `Shared in ${channel}`;
}
