import type { Platform } from '../adapter-api/request.ts';

/** A learner (the same shape as LearnerRef in types.ts, which imports this file). */
type Learner = { platform: Platform; userId: string };

/** One learner's daily reminder: opted in or not, when (local time in a zone), and when it next fires. */
export interface ReminderRecord extends Learner {
  workspaceId?: string;
  enabled: boolean;
  /** Local time of day, "HH:MM". */
  time: string;
  /** IANA zone the time is in. */
  zone: string;
  /** The next instant (epoch ms) the reminder is looked at; moved a day on before each send. */
  nextAt: number;
  /** Why reminders were turned off by the bot itself (the person blocked it, DMs closed). */
  stoppedReason?: string;
  updatedAt: number;
}

/** Daily reminders, opt-in per person. */
export interface ReminderStore {
  getReminder(who: Learner): Promise<ReminderRecord | undefined>;
  putReminder(r: ReminderRecord): Promise<void>;
  /** Enabled reminders on these platforms with nextAt <= now, earliest first. */
  dueReminders(now: number, platforms: readonly Platform[], limit: number): Promise<ReminderRecord[]>;
  /** Move nextAt from `expected` to `next` if still enabled and unmoved: true for the one process that may send today's. */
  claimReminder(who: Learner, expected: number, next: number): Promise<boolean>;
  /** Turn reminders off, with the reason when the bot did it. */
  stopReminder(who: Learner, reason: string | undefined, at: number): Promise<void>;
}
