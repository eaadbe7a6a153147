import type { ChannelPoster } from '../adapter-api/poster.ts';
import type { Platform } from '../adapter-api/request.ts';
import type { Logger } from '../log.ts';
import type { PersistentQuiz } from '../quiz/persistent.ts';
import type { AnswerStore, ChannelRef, PostClaim, PostRecord, PostStore, ScheduleRecord, ScheduleStore } from '../store/types.ts';
import { newInstanceId } from './claimer.ts';
import type { Clock } from '../time/clock.ts';
import { deliverPost, where, type DeliveryContext, type Start } from './deliver-post.ts';
import { ChannelQueue, realSleep, type Call } from '../delivery/channel-queue.ts';
import { withRetry } from '../delivery/retry.ts';
import { recoverClaims } from './recover.ts';
import { SchedulerMonitor } from './monitor.ts';
import { iso, planPost } from './plan.ts';
import { postNow, type PostNowResult } from './post-now.ts';
import { emptyReport, type TickReport } from './tick-report.ts';

export type { TickReport } from './tick-report.ts';
import type { SchedulerOptions } from './scheduler-options.ts';

export type { SchedulerOptions } from './scheduler-options.ts';

export interface SchedulerDeps {
  store: ScheduleStore & PostStore & AnswerStore;
  quiz: PersistentQuiz;
  /** The adapters' posters by platform; schedules for a platform without one wait. */
  posters: ReadonlyMap<Platform, ChannelPoster>;
  clock: Clock;
  logger: Logger;
}

const MAX_BATCHES = 1000;

/**
 * Posts scheduled quizzes and closes them: never twice, and exactly once on platforms whose poster
 * can be asked whether a post arrived (ChannelPoster.findPost; see deliverPost). tick() does one pass and
 * resolves when everything it started has been sent or given up; start() runs passes on a timer
 * that never waits for the sends, so one slow channel cannot hold up the next pass or any other
 * channel (each channel has its own queue and back-off; in-flight calls are bounded).
 */
export class Scheduler {
  readonly instanceId: string;
  /** Per-channel spacing for every message the bot sends on its own (the live tally edits through it too). */
  readonly queue: ChannelQueue;
  private readonly opts: Required<Omit<SchedulerOptions, 'instanceId'>>;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> | undefined;
  /** Channels with a due schedule queued but not claimed yet: a later pass does not queue them again. */
  private readonly pending = new Set<string>();
  /** Sends started by passes of the timer, so stop() can let them finish. */
  private readonly inflight = new Set<Promise<void>>();
  readonly monitor = new SchedulerMonitor(() => ({ ...this.queue.depth(), inflight: this.inflight.size }));
  private stopping = false;

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions,
  ) {
    this.opts = {
      tickEveryMs: 15_000,
      perChannelIntervalMs: 1000,
      concurrency: 8,
      retryAttempts: 4,
      retryBaseMs: 2000,
      staleClaimMs: 15 * 60_000,
      callTimeoutMs: 60_000,
      batch: 500,
      sleep: realSleep,
      ...options,
    };
    this.instanceId = options.instanceId ?? newInstanceId();
    this.queue = new ChannelQueue({ intervalMs: this.opts.perChannelIntervalMs, concurrency: this.opts.concurrency, sleep: this.opts.sleep, now: () => performance.now() });
  }

  async tick(at: Date = this.deps.clock.now()): Promise<TickReport> {
    const report = emptyReport();
    await Promise.all(await this.pass(at.getTime(), report));
    if (report.claimed || report.closed || report.skipped || report.failed || report.recovered) this.deps.logger.info({ ...report, at: iso(at.getTime()) }, 'scheduler tick');
    return report;
  }

  /** One pass: recover, close and queue what is due. Resolves once queued, with the jobs' promises. */
  private async pass(now: number, report: TickReport): Promise<Promise<void>[]> {
    const platforms = [...this.deps.posters.keys()];
    const jobs: Promise<void>[] = [];
    await this.recover(now, report, jobs);
    // Summaries first: the channel's queue keeps them ahead of its next question.
    await this.queueClosings(now, platforms, report, jobs);
    await this.queueDueSchedules(now, platforms, report, jobs);
    return jobs;
  }

  private async queueClosings(now: number, platforms: Platform[], report: TickReport, jobs: Promise<void>[]): Promise<void> {
    const { store } = this.deps;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const closing = await store.dueClosings(now, platforms, this.opts.batch);
      for (const p of closing) if (await store.claimClose(p.id, now)) jobs.push(this.sendSummary(p, report));
      if (closing.length < this.opts.batch) break;
    }
  }

  /** Due schedules are queued per channel; each is planned and claimed only when its send can start. */
  private async queueDueSchedules(now: number, platforms: Platform[], report: TickReport, jobs: Promise<void>[]): Promise<void> {
    const seen = new Set<string>();
    for (let i = 0; i < MAX_BATCHES; i++) {
      // Rows stay due until their job claims them, so each read goes one batch further.
      const limit = this.opts.batch * (i + 1);
      const due = await this.deps.store.dueSchedules(now, platforms, limit, this.instanceId);
      let fresh = 0;
      for (const s of due) {
        const k = key(s);
        if (seen.has(k)) continue;
        seen.add(k);
        fresh++;
        if (this.pending.has(k)) continue;
        this.pending.add(k);
        const job = this.queue.push(k, (call) => this.postDue(s, k, now, call, report));
        jobs.push(job.catch((err: unknown) => this.deps.logger.error({ err, platform: s.platform, channelId: s.channelId }, 'could not post scheduled quiz')));
      }
      if (due.length < limit || fresh === 0) break;
    }
  }

  /** The queued job for one due schedule: plan the slot, then claim it (when the send can start) and deliver. */
  private async postDue(s: ScheduleRecord, k: string, now: number, call: Call, report: TickReport): Promise<void> {
    let planned: PostClaim | undefined;
    try {
      planned = await this.plan(s, now, report);
    } finally {
      if (!planned) this.pending.delete(k);
    }
    if (!planned) return;
    const claim = planned;
    const start: Start = {
      claim: async () => {
        try {
          const post = await this.deps.store.claimPost(claim);
          if (post) report.claimed++;
          else report.lost++;
          return post;
        } finally {
          this.pending.delete(k);
        }
      },
    };
    await this.deliver(start, call, report);
  }

  /** Unconfirmed claims of processes that are gone: taken over, checked on the platform, finished. */
  private async recover(now: number, report: TickReport, jobs: Promise<void>[]): Promise<void> {
    const { store, posters, logger } = this.deps;
    const deps = { store, posters, logger, instanceId: this.instanceId, staleClaimMs: this.opts.staleClaimMs, batch: this.opts.batch };
    const r = await recoverClaims(deps, now, (post) => {
      jobs.push(
        this.queue
          .push(key(post), (call) => this.deliver({ recover: post }, call, report).then(() => undefined))
          .catch((err: unknown) => logger.error({ err, ...where(post) }, 'could not recover quiz post')),
      );
    });
    report.recovered += r.recovered;
    report.abandoned += r.abandoned;
  }

  /** An admin's "post now": the channel's next question at once, through the same claim and delivery as a due slot. */
  postNow(ch: ChannelRef): Promise<PostNowResult> {
    const { store, quiz, clock } = this.deps;
    const deliver = (start: Start) => this.queue.push(key(ch), (call) => this.deliver(start, call, emptyReport()));
    const deps = { store, chooseItemFor: (c: ChannelRef) => quiz.chooseItemFor(c), instanceId: this.instanceId, closeMs: this.opts.closeMs, now: clock.now().getTime() };
    return postNow({ ...deps, hasPoster: this.deps.posters.has(ch.platform), deliver, claimPost: (c) => store.claimPost(c) }, ch);
  }

  private async deliver(start: Start, call: Call, report: TickReport): Promise<Awaited<ReturnType<typeof deliverPost>>> {
    const ctx: DeliveryContext = {
      store: this.deps.store,
      posterFor: (p) => this.deps.posters.get(p.platform),
      logger: this.deps.logger,
      clock: this.deps.clock,
      instanceId: this.instanceId,
      replyFor: (p) => this.deps.quiz.postReply(p),
      attempts: this.opts.retryAttempts,
      baseDelayMs: this.opts.retryBaseMs,
      callTimeoutMs: this.opts.callTimeoutMs,
      sleep: this.opts.sleep,
      stopping: () => this.stopping,
    };
    const result = await deliverPost(ctx, start, call);
    if (result.outcome === 'sent') {
      report.sent++;
      this.deps.logger.info({ ...where(result.post!), messageId: result.messageId }, 'quiz posted');
    } else if (result.outcome === 'failed') report.failed++;
    else if (result.outcome === 'taken') this.deps.logger.warn(where(result.post!), 'another process took over this quiz post; leaving it to them');
    return result;
  }

  private plan(s: ScheduleRecord, now: number, report: TickReport): Promise<PostClaim | undefined> {
    const { store, logger, quiz } = this.deps;
    const deps = { store, logger, chooseItemFor: (ch: ChannelRef) => quiz.chooseItemFor(ch), instanceId: this.instanceId, graceMs: this.opts.graceMs, closeMs: this.opts.closeMs };
    return planPost(deps, s, now, report);
  }

  private async sendSummary(post: PostRecord, report: TickReport): Promise<void> {
    const { logger, quiz } = this.deps;
    const poster = this.deps.posters.get(post.platform);
    if (!poster) return;
    const where = { postId: post.id, platform: post.platform, channelId: post.channelId };
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
    this.stopping = false;
    this.monitor.started(this.opts.tickEveryMs);
    this.runTick();
    this.timer = setInterval(() => this.runTick(), this.opts.tickEveryMs);
  }

  private runTick(): void {
    const planned = this.monitor.due();
    if (this.running) return; // queueing is quick; only the sends take long, and they are not awaited
    const report = emptyReport();
    this.running = this.pass(this.deps.clock.now().getTime(), report)
      .then((jobs) => {
        this.monitor.queued(planned, report, jobs);
        for (const j of jobs) {
          this.inflight.add(j);
          void j.finally(() => this.inflight.delete(j));
        }
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'scheduler tick failed'))
      .finally(() => (this.running = undefined));
  }

  /**
   * Stop ticking, let sends in flight finish, and start no new attempt: a post still waiting for a
   * retry stays claimed and is recovered (checked, then sent) by the next start.
   */
  async stop(waitMs = 5000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopping = true;
    await this.running;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all([...this.inflight]), new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }
}

export const key = (p: { platform: string; channelId: string }) => `${p.platform}:${p.channelId}`;
