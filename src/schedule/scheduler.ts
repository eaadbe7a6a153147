import { randomUUID } from 'node:crypto';
import type { ChannelPoster } from '../core/poster.ts';
import type { Platform } from '../core/request.ts';
import type { Logger } from '../log.ts';
import type { PersistentQuiz } from '../quiz/persistent.ts';
import type { PostClaim, PostRecord, ScheduleRecord, Store } from '../store/types.ts';
import type { Clock } from './clock.ts';
import { ChannelQueue, realSleep, withRetry } from './queue.ts';
import { nextRunAfter } from './spec.ts';

export interface SchedulerOptions {
  /** A missed post older than this is skipped instead of sent late (config.quiz.graceMinutes). */
  graceMs: number;
  /** A quiz closes after this long at the latest (config.quiz.closeHours); earlier at the next post. */
  closeMs: number;
  /** How often start() ticks. */
  tickEveryMs?: number;
  /** Spacing between messages to one channel. */
  perChannelIntervalMs?: number;
  concurrency?: number;
  retryAttempts?: number;
  retryBaseMs?: number;
  /** A claim another process made this long ago and never confirmed is marked abandoned. */
  staleClaimMs?: number;
  /** Rows read per query. */
  batch?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Names this process in claim rows. */
  instanceId?: string;
}

export interface SchedulerDeps {
  store: Store;
  quiz: PersistentQuiz;
  /** The adapters' posters by platform; schedules for a platform without one wait. */
  posters: ReadonlyMap<Platform, ChannelPoster>;
  clock: Clock;
  logger: Logger;
}

export interface TickReport {
  /** Posts claimed by this tick (sent or not). */
  claimed: number;
  sent: number;
  failed: number;
  /** Scheduled instants skipped: older than the grace window, or superseded by a later missed one. */
  skipped: number;
  /** Slots another process claimed first. */
  lost: number;
  closed: number;
  abandoned: number;
}

const MAX_BATCHES = 1000;

/**
 * Posts scheduled quizzes exactly once (at most once, see claimPost) and closes them.
 * tick() does one pass and resolves when everything it started has been sent or given up;
 * start() runs it on a timer.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly queue: ChannelQueue;
  private readonly opts: Required<Omit<SchedulerOptions, 'instanceId'>>;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions,
  ) {
    this.opts = {
      tickEveryMs: 15_000,
      perChannelIntervalMs: 1000,
      concurrency: 4,
      retryAttempts: 4,
      retryBaseMs: 2000,
      staleClaimMs: 15 * 60_000,
      batch: 500,
      sleep: realSleep,
      ...options,
    };
    this.instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.queue = new ChannelQueue({ intervalMs: this.opts.perChannelIntervalMs, concurrency: this.opts.concurrency, sleep: this.opts.sleep, now: () => performance.now() });
  }

  async tick(at: Date = this.deps.clock.now()): Promise<TickReport> {
    const now = at.getTime();
    const report: TickReport = { claimed: 0, sent: 0, failed: 0, skipped: 0, lost: 0, closed: 0, abandoned: 0 };
    const { store, logger } = this.deps;
    const platforms = [...this.deps.posters.keys()];

    for (const p of await store.abandonStaleClaims(now - this.opts.staleClaimMs, this.instanceId)) {
      report.abandoned++;
      // At-most-once: it may have reached the channel before the crash, so it is not sent again.
      logger.warn({ postId: p.id, platform: p.platform, channelId: p.channelId, slot: iso(p.slotAt), claimedBy: p.claimedBy }, 'quiz post claimed but never confirmed; not re-sending');
    }

    // 1. Claim due slots (database only), so that closings below see "closes at the next post".
    const claimed: PostRecord[] = [];
    for (let i = 0; i < MAX_BATCHES; i++) {
      const due = await store.dueSchedules(now, platforms, this.opts.batch);
      const claims: PostClaim[] = [];
      for (const s of due) {
        const c = await this.plan(s, now, report);
        if (c) claims.push(c);
      }
      // One transaction (one disk sync) for the whole batch; nothing is sent before it commits.
      for (const post of await store.claimPosts(claims)) {
        if (post) {
          report.claimed++;
          claimed.push(post);
        } else report.lost++;
      }
      if (due.length < this.opts.batch) break;
    }

    // 2. Close quizzes, then 3. send the new ones; per-channel order puts a summary before the next question.
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < MAX_BATCHES; i++) {
      const closing = await store.dueClosings(now, platforms, this.opts.batch);
      for (const p of closing) if (await store.claimClose(p.id, now)) jobs.push(this.sendSummary(p, report));
      if (closing.length < this.opts.batch) break;
    }
    for (const p of claimed) jobs.push(this.sendPost(p, report));
    await Promise.all(jobs);
    if (report.claimed || report.closed || report.skipped || report.failed) logger.info({ ...report, at: iso(now) }, 'scheduler tick');
    return report;
  }

  /** Work out which slot (if any) to post for a due schedule: the claim to make, or undefined. */
  private async plan(s: ScheduleRecord, now: number, report: TickReport): Promise<PostClaim | undefined> {
    const { store, logger, quiz } = this.deps;
    const ch = { platform: s.platform, channelId: s.channelId };
    try {
      const graceStart = now - this.opts.graceMs;
      let slot = s.nextRunAt;
      if (slot < graceStart) {
        // Down for longer than the grace window: skip what is too old, don't flood the channel.
        report.skipped++;
        slot = nextRunAfter(s, graceStart - 1) ?? Number.MAX_SAFE_INTEGER;
      }
      let next = slot <= now ? (nextRunAfter(s, slot) ?? Number.MAX_SAFE_INTEGER) : slot;
      // Several runs missed inside the grace window: only the latest is posted.
      while (next <= now) {
        report.skipped++;
        slot = next;
        next = nextRunAfter(s, slot) ?? Number.MAX_SAFE_INTEGER;
      }
      if (slot > now) {
        if (await store.advanceSchedule(ch, s.nextRunAt, slot)) logger.warn({ ...ch, missed: iso(s.nextRunAt), next: iso(slot) }, 'missed quiz posts outside the grace window were skipped');
        return undefined;
      }
      const item = await quiz.chooseItemFor(ch);
      if (!item) {
        logger.warn(ch, 'no quiz items in the content; nothing to post');
        await store.advanceSchedule(ch, s.nextRunAt, next);
        return undefined;
      }
      return {
        ...ch,
        slotAt: slot,
        zone: s.zone,
        itemId: item.id,
        conceptId: item.conceptId,
        claimedAt: now,
        claimedBy: this.instanceId,
        closesAt: Math.min(next, slot + this.opts.closeMs),
        expectedNextRunAt: s.nextRunAt,
        nextRunAt: next,
      };
    } catch (err) {
      // A broken row must not stop every other channel; try it again in an hour.
      logger.error({ err, ...ch, cron: s.cron, zone: s.zone }, 'could not schedule quiz post');
      await store.advanceSchedule(ch, s.nextRunAt, now + 3_600_000).catch(() => undefined);
      return undefined;
    }
  }

  private async sendPost(post: PostRecord, report: TickReport): Promise<void> {
    const { store, logger, quiz } = this.deps;
    const poster = this.deps.posters.get(post.platform);
    const reply = quiz.postReply(post);
    const where = { postId: post.id, platform: post.platform, channelId: post.channelId, slot: iso(post.slotAt) };
    if (!poster || !reply) {
      report.failed++;
      await store.markPostFailed(post.id, poster ? `quiz item ${post.itemId} no longer exists` : 'no poster for platform');
      return;
    }
    try {
      const { messageId } = await this.queue.push(key(post), (call) => withRetry(call, () => poster.post(post.channelId, reply), this.retry(where)));
      await store.markPostSent(post.id, messageId, this.deps.clock.now().getTime());
      report.sent++;
      logger.info({ ...where, messageId }, 'quiz posted');
    } catch (err) {
      report.failed++;
      await store.markPostFailed(post.id, String((err as Error)?.message ?? err));
      logger.error({ ...where, err }, 'quiz post failed after retries');
    }
  }

  private async sendSummary(post: PostRecord, report: TickReport): Promise<void> {
    const { logger, quiz } = this.deps;
    const poster = this.deps.posters.get(post.platform);
    const where = { postId: post.id, platform: post.platform, channelId: post.channelId };
    if (!poster) return;
    // Queue first (synchronously) so the summary is ahead of this channel's next question.
    await this.queue.push(key(post), async (call) => {
      // An abandoned post may never have reached the channel: close it quietly unless someone answered.
      if (post.status === 'abandoned' && (await this.deps.store.answerTally(post.id)).total === 0) return;
      const reply = await quiz.summaryReply(post);
      if (!reply) return;
      if (post.messageId !== undefined) {
        try {
          await call(() => poster.update(post.channelId, post.messageId!, reply));
          report.closed++;
          return;
        } catch (err) {
          logger.warn({ ...where, err }, 'could not update the quiz with its summary; posting it instead');
        }
      }
      try {
        await withRetry(call, () => poster.post(post.channelId, reply), this.retry(where));
        report.closed++;
      } catch (err) {
        logger.error({ ...where, err }, 'quiz summary failed after retries');
      }
    });
  }

  private retry(where: object) {
    return {
      attempts: this.opts.retryAttempts,
      baseDelayMs: this.opts.retryBaseMs,
      sleep: this.opts.sleep,
      onRetry: (err: unknown, attempt: number, delayMs: number) => this.deps.logger.warn({ ...where, err, attempt, delayMs }, 'post failed; retrying'),
    };
  }

  /** Tick now (sending missed posts still inside the grace window), then every tickEveryMs. */
  start(): void {
    if (this.timer) return;
    this.runTick();
    this.timer = setInterval(() => this.runTick(), this.opts.tickEveryMs);
  }

  private runTick(): void {
    if (this.running) return; // a slow tick (a big queue) is not overlapped
    this.running = this.tick()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'scheduler tick failed'))
      .finally(() => (this.running = undefined));
  }

  /** Stop ticking and wait for a tick in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

const key = (p: { platform: string; channelId: string }) => `${p.platform}:${p.channelId}`;
const iso = (ms: number) => new Date(ms).toISOString();
