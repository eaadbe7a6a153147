import type { ChannelPoster } from '../adapter-api/poster.ts';
import type { Platform } from '../adapter-api/request.ts';
import type { ContentPack } from '../content/model.ts';
import type { ChannelQueue } from '../delivery/channel-queue.ts';
import type { Logger } from '../log.ts';
import { endOfLocalDay } from '../quiz/leitner.ts';
import { dueReviews } from '../quiz/select.ts';
import { encodeAction } from '../reply/actions.ts';
import { emptyReply } from '../reply/build.ts';
import type { Reply } from '../reply/types.ts';
import type { ReminderRecord, ReminderStore } from '../store/reminder-types.ts';
import { currentStreak } from '../quiz/streaks.ts';
import type { AnswerStore, PostStore, ReviewStore, ScheduleStore } from '../store/types.ts';
import type { Clock } from '../time/clock.ts';
import { nextReminderAt } from './settings.ts';

/** How often the sweep looks for reminders whose time has come. */
const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

export interface ReminderSweepDeps {
  store: ReminderStore & ReviewStore & ScheduleStore & PostStore & AnswerStore;
  pack: ContentPack;
  clock: Clock;
  posters: ReadonlyMap<Platform, ChannelPoster>;
  /** The scheduler's queue: direct messages keep their platform's spacing like channel posts. */
  queue: ChannelQueue;
  logger: Logger;
}

export interface SweepReport {
  sent: number;
  /** Reminders whose time came with nothing due: moved to tomorrow, nothing sent. */
  quiet: number;
  /** Turned off after a permanent failure (blocked, DMs closed). */
  stopped: number;
  failed: number;
}

/**
 * Sends each opted-in learner at most one direct message a day, at their own time, and only when
 * reviews are due. The reminder's next time moves a day on (Store.claimReminder) before anything is
 * sent, so two processes, or a crash and a restart, never send the same day's twice. A send that
 * fails permanently (the person blocked the bot, closed DMs) turns reminders off with the reason;
 * any other failure skips the day: there is no retry loop.
 */
export class ReminderSweep {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running?: Promise<SweepReport>;

  constructor(private readonly deps: ReminderSweepDeps) {}

  sweep(): Promise<SweepReport> {
    return (this.running ??= this.pass().finally(() => (this.running = undefined)));
  }

  private async pass(): Promise<SweepReport> {
    const { store, clock, posters } = this.deps;
    const report: SweepReport = { sent: 0, quiet: 0, stopped: 0, failed: 0 };
    const now = clock.now().getTime();
    const platforms = [...posters.values()].filter((p) => p.postDirect).map((p) => p.platform);
    const due = await store.dueReminders(now, platforms, BATCH);
    await Promise.all(due.map((r) => this.one(r, now, report)));
    if (report.sent || report.stopped || report.failed) this.deps.logger.info({ ...report }, 'reminders sent');
    return report;
  }

  private async one(r: ReminderRecord, now: number, report: SweepReport): Promise<void> {
    const { store, pack } = this.deps;
    if (!(await store.claimReminder(r, r.nextAt, nextReminderAt(now, r.time, r.zone)))) return;
    const dueCount = dueReviews(pack.quizItems, await store.listReviews(r), endOfLocalDay(now, r.zone)).length;
    const streak = dueCount === 0 ? await this.streakAtRisk(r) : 0;
    if (dueCount === 0 && streak === 0) {
      report.quiet++;
      return;
    }
    const poster = this.deps.posters.get(r.platform);
    if (!poster?.postDirect) return;
    try {
      await this.deps.queue.push(`dm:${r.platform}:${r.userId}`, (call) => call(() => poster.postDirect!(r.userId, reminderReply(dueCount, streak), r.workspaceId)));
      report.sent++;
    } catch (err) {
      const e = err as { retryable?: boolean; message?: string };
      if (e?.retryable === false) {
        await store.stopReminder(r, `the last reminder could not be delivered (${String(e.message ?? err).slice(0, 200)})`, now);
        report.stopped++;
        this.deps.logger.warn({ platform: r.platform, userId: r.userId, err: e.message }, 'reminder could not be delivered; reminders turned off for this person');
      } else {
        report.failed++;
        this.deps.logger.warn({ platform: r.platform, userId: r.userId, err: e?.message }, 'reminder failed; trying again tomorrow');
      }
    }
  }

  /**
   * The longest streak the learner would lose today: in a scheduled channel whose quiz is posted and
   * still open, unanswered by them, after at least one answered quiz day. 0 when none is at risk.
   */
  private async streakAtRisk(r: ReminderRecord): Promise<number> {
    const { store } = this.deps;
    let worst = 0;
    for (const channelId of await store.answeredChannels(r)) {
      const ch = { platform: r.platform, channelId };
      const schedule = await store.getSchedule(ch);
      if (!schedule) continue;
      const posts = await store.channelPosts(ch);
      const answered = await store.answeredPostIds(ch, r.userId);
      const open = posts.filter((p) => p.status === 'sent' && p.closedAt === undefined);
      if (open.length === 0 || open.some((p) => answered.has(p.id))) continue;
      worst = Math.max(worst, currentStreak(posts, answered, schedule.zone));
    }
    return worst;
  }

  start(): void {
    if (this.timer) return;
    const run = () => void this.sweep().catch((err: unknown) => this.deps.logger.warn({ err: (err as Error).message }, 'reminder sweep failed; trying again later'));
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}

/** The direct message: reviews due or the streak at risk, Start review, and Stop reminders. */
function reminderReply(due: number, streak: number): Reply {
  const lines: string[] = [];
  if (due > 0) lines.push(`You have **${due}** review${due === 1 ? '' : 's'} due today. A couple of minutes keeps them fresh.`);
  if (streak > 0) lines.push(`Your **${streak}**-day quiz streak ends today unless you answer today's question in the channel.`);
  const text = lines.join(' ');
  const r = emptyReply('notice', due > 0 ? `Time to review: ${due} due today.` : `Your ${streak}-day streak ends today unless you answer.`);
  r.title = 'Time to review';
  r.paragraphs = [text];
  r.audience = 'channel';
  r.extra = [
    { label: 'Start review', action: encodeAction({ type: 'review' }) },
    { label: 'Stop reminders', action: encodeAction({ type: 'stop-reminders' }) },
  ];
  return r;
}
