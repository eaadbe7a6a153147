import type { Requester } from '../adapter-api/request.ts';
import type { Reply } from '../reply/types.ts';

/** What the remind command and the Stop reminders button use (a leaf file, so commands can import it). */
export interface ReminderFeatures {
  /** `on`, `off`, `time HH:MM [Zone]`, or nothing to show the setting. */
  remind(args: string, who: Requester): Promise<Reply>;
  stop(who: Requester): Promise<Reply>;
}
