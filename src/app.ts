import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { loadContentOrThrow } from './content/load.ts';
import type { Logger } from './log.ts';
import { Tutor, type TutorOptions } from './tutor.ts';
import type { AdapterHost } from './adapter-api/host.ts';
import type { ChannelPoster } from './adapter-api/poster.ts';
import type { Platform } from './adapter-api/request.ts';
import { gapRecorder } from './gaps/gaps.ts';
import { homeView } from './home/home.ts';
import { StoredMemory } from './conversation/memory.ts';
import { PersistentQuiz } from './quiz/persistent.ts';
import { systemClock, type Clock } from './time/clock.ts';
import { Scheduler, type SchedulerOptions } from './schedule/scheduler.ts';
import { LiveTally } from './quiz/live-tally.ts';
import { editInTurn } from './schedule/edit-in-turn.ts';
import { realTimers, type Timers } from './time/timers.ts';
import { openStore } from './store/open.ts';
import { markRunning } from './store/sqlite-safety.ts';
import type { Store } from './store/types.ts';
import { RetentionSweep } from './workspaces/retention.ts';
import { ReminderSettings } from './reminders/settings.ts';
import { ReminderSweep } from './reminders/sweep.ts';

/** The running app. It is the AdapterHost the chat adapters use; the launcher and tests use the rest. */
export interface TutorApp extends AdapterHost {
  tutor: Tutor;
  config: Config;
  logger: Logger;
  /** Posters registered by the running chat adapters, by platform. */
  posters: Map<Platform, ChannelPoster>;
  registerPoster(poster: ChannelPoster): void;
  /** Schedules, posts, answers, review state and content gaps. */
  store: Store;
  /** Channel quizzes and personal practice on top of the store. */
  quiz: PersistentQuiz;
  clock: Clock;
  /** Posts scheduled quizzes through `posters`. Tests call `scheduler.tick()` directly. */
  scheduler: Scheduler;
  /** Deletes the data of workspaces that removed the app 30 days ago; started with the scheduler. */
  retention: RetentionSweep;
  /** Daily reminders by direct message (started with the scheduler). Tests call `reminders.sweep()`. */
  reminders: ReminderSweep;
  /** "N answered so far" on posted questions. */
  tally: LiveTally;
  /** Tick now (missed posts inside the grace window go out once) and then on a timer. */
  startScheduler(): void;
  close(): Promise<void>;
}

/** For tests and embedders: what to use instead of the real clock and DATA_DIR/tutor.db. */
export interface AppOptions {
  /** Use this store (the caller closes it) instead of opening config.dataDir. */
  store?: Store;
  clock?: Clock;
  random?: () => number;
  scheduler?: Partial<SchedulerOptions>;
  /** Delayed work (the live tally's refreshes); tests pass ManualTimers. */
  timers?: Timers;
}

/**
 * Load content (validated, or throw ContentError), open and migrate the store (Postgres at
 * config.databaseUrl, else SQLite in config.dataDir, ":memory:" for a throwaway one) and build the tutor with persistent quizzes and a scheduler.
 * Shared by `npm start` and tests.
 */
export async function createTutorApp(config: Config, logger: Logger, options: TutorOptions = {}, appOptions: AppOptions = {}): Promise<TutorApp> {
  const started = performance.now();
  const pack = loadContentOrThrow(resolve(config.contentDir));
  const ownStore = !appOptions.store;
  const opened = appOptions.store ? { store: appOptions.store, kind: 'given' as const } : await openStore(config);
  const store = opened.store;
  // While the bot runs, `tutor db restore` refuses to replace its SQLite database.
  const unmark = opened.kind === 'sqlite' && config.dataDir !== ':memory:' ? markRunning(resolve(config.dataDir)) : () => undefined;
  const clock = appOptions.clock ?? systemClock;
  const quiz = new PersistentQuiz(pack, store, {
    clock,
    ...(appOptions.random ? { random: appOptions.random } : {}),
    closeHours: config.quiz.closeHours,
    onPostAnswer: (post) => tally.answered(post),
  });
  const recordGap = gapRecorder(store, clock, logger);
  const tutor = new Tutor(pack, {
    threshold: config.matchThreshold,
    memory: new StoredMemory(store, config.conversationMinutes * 60_000, () => clock.now().getTime()),
    feedback: { record: (f) => store.recordFeedback({ ...f, at: clock.now().getTime() }) },
    ...options,
    quiz: options.quiz ?? quiz,
    reminders: options.reminders ?? new ReminderSettings(store, clock),
    onError: (err, req, who) => {
      // The request's context, never credentials (a Requester holds none); long text is clipped.
      const request = { ...req, ...('text' in req && typeof req.text === 'string' ? { text: req.text.slice(0, 500) } : {}) };
      logger.error({ err, request, who: { platform: who.platform, userId: who.userId, channelId: who.channelId } }, 'internal error while answering');
      options.onError?.(err, req, who);
    },
    onUnmatched: (text, who) => {
      recordGap(text, who);
      options.onUnmatched?.(text, who);
    },
  });
  const posters = new Map<Platform, ChannelPoster>();
  const scheduler = new Scheduler(
    { store, quiz, posters, clock, logger },
    {
      graceMs: config.quiz.graceMinutes * 60_000,
      closeMs: config.quiz.closeHours * 3_600_000,
      tickEveryMs: config.quiz.tickSeconds * 1000,
      // The adapters time out each request; this bounds a whole post (a few renderings) as a last guard.
      callTimeoutMs: 3 * config.platformTimeoutMs + 5000,
      ...appOptions.scheduler,
    },
  );
  const tally: LiveTally = new LiveTally({
    store,
    clock,
    timers: appOptions.timers ?? realTimers,
    logger,
    replyFor: (post, answered) => quiz.postReply(post, answered),
    update: (post, reply) => editInTurn(scheduler.queue, store, posters.get(post.platform), post, reply),
  });
  quiz.postNowVia = (ch) => scheduler.postNow(ch);
  logger.debug({ concepts: pack.concepts.length, quizItems: pack.quizItems.length, ms: Math.round(performance.now() - started) }, 'content loaded');
  const retention = new RetentionSweep(store, clock, logger);
  const reminders = new ReminderSweep({ store, pack, clock, posters, queue: scheduler.queue, logger });
  let closed = false;
  return {
    tutor,
    config,
    logger,
    posters,
    registerPoster: (p) => void posters.set(p.platform, p),
    unregisterPoster: (p) => {
      if (posters.get(p.platform) === p) posters.delete(p.platform);
    },
    handle: (req, who) => tutor.handle(req, who),
    completeConcept: (partial, limit) => tutor.completeConcept(partial, limit),
    commands: tutor.commands,
    home: (who, access) => homeView(pack, quiz, tutor.starterActions(), who, access, clock.now()),
    store,
    quiz,
    clock,
    scheduler,
    retention,
    reminders,
    tally,
    startScheduler: () => {
      scheduler.start();
      retention.start();
      reminders.start();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      retention.stop();
      await reminders.stop();
      await tally.stop();
      await scheduler.stop();
      if (ownStore) await store.close();
      unmark();
    },
  };
}
