import type { Requester } from '../adapter-api/request.ts';
import { noticeReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import type { PostNowResult } from '../schedule/post-now.ts';
import type { ChannelRef } from '../store/types.ts';
import { canManage, refusal, type ScheduleManager } from './schedule-settings.ts';

/** Posts a channel's next question at once; the scheduler provides it (it owns the claim path). */
export type PostNowFn = (ch: ChannelRef) => Promise<PostNowResult>;

/** `post-now`: a channel manager posts the next quiz question here immediately. */
export async function postNowCommand(who: Requester, post: PostNowFn | undefined, managers: readonly ScheduleManager[]): Promise<Reply> {
  if (!canManage(who, managers)) return refusal(who, 'post a quiz question now');
  if (!post) return noticeReply('Not available', 'Posting a quiz needs the scheduler, which is not running in this process.', 'error');
  const result = await post({ platform: who.platform, channelId: who.channelId });
  switch (result.outcome) {
    case 'sent':
      return noticeReply('Quiz posted', 'The next quiz question is in the channel now. It counts like a scheduled one: answers, streaks and the summary at close. The schedule itself is unchanged.');
    case 'duplicate':
      return noticeReply('Already posted', 'A quiz question went to this channel a moment ago, so I did not post another. Try again in a minute if you really want a second one.');
    case 'no-schedule':
      return noticeReply(
        'No quiz schedule here',
        `Post now sends this channel's next scheduled question early, so the channel needs a schedule first, for example \`${commandText(who.platform, 'schedule', 'weekdays 09:00 Europe/Berlin')}\`.`,
        'error',
      );
    case 'no-items':
      return noticeReply('No quiz yet', 'The loaded content has no quiz items.', 'error');
    case 'no-poster':
      return noticeReply('Not connected', 'I am not connected to this chat platform for posting right now. Try again in a minute.', 'error');
    default:
      return noticeReply('Could not post', 'Posting the question failed after several attempts. The log has the details; try again later.', 'error');
  }
}
