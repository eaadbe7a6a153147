/**
 * Shared by the quiz, store and schedule tests: a recording ChannelPoster (a fake platform),
 * temp database directories, a larger in-memory quiz bank and a ready-wired harness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentPack, type Concept, type QuizItem } from '../../src/content/model.ts';

import type { ChannelPoster } from '../../src/adapter-api/poster.ts';
import type { Platform, Requester } from '../../src/adapter-api/request.ts';
import { silentLogger } from '../../src/log.ts';
import { PersistentQuiz } from '../../src/quiz/persistent.ts';
import type { Reply } from '../../src/reply/types.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/scheduler.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';

/** A fake platform: remembers every post and update, and can be told to fail. */
export class RecordingPoster implements ChannelPoster {
  posts: { channelId: string; reply: Reply; messageId: string }[] = [];
  updates: { channelId: string; messageId: string; reply: Reply }[] = [];
  /** Every platform call in order, for ordering assertions. */
  log: string[] = [];
  /** Fail this many post calls, then succeed. */
  failPosts = 0;
  failUpdates = 0;
  postError: (Error & { retryable?: boolean; retryAfterMs?: number }) | undefined;
  private seq = 0;

  constructor(readonly platform: Platform = 'slack') {}

  async post(channelId: string, reply: Reply): Promise<{ messageId: string }> {
    this.log.push(`post ${channelId} ${reply.kind}`);
    if (this.failPosts > 0) {
      this.failPosts--;
      throw this.postError ?? new Error('platform unavailable');
    }
    const messageId = `m${++this.seq}`;
    this.posts.push({ channelId, reply, messageId });
    return { messageId };
  }

  async update(channelId: string, messageId: string, reply: Reply): Promise<void> {
    this.log.push(`update ${channelId} ${reply.kind}`);
    if (this.failUpdates > 0) {
      this.failUpdates--;
      throw new Error('message not found');
    }
    this.updates.push({ channelId, messageId, reply });
  }

  quizPosts(channelId?: string) {
    return this.posts.filter((p) => p.reply.kind === 'quiz-question' && (!channelId || p.channelId === channelId));
  }
}

/** A temp directory under the OS temp dir; call the returned cleanup in afterEach. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-quiz-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function item(conceptId: string, n: number): QuizItem {
  return {
    id: `${conceptId}-q${n}`,
    conceptId,
    prompt: `Question ${n} about ${conceptId}?`,
    choices: ['Right', 'Wrong', 'Also wrong'],
    answerIndex: 0,
    explanation: `Because ${conceptId}.`,
    misconceptions: { 1: `A common mix-up about ${conceptId}.` },
  };
}

/** Concepts a, b, c, d with `perConcept` items each (answer index 0 is always right). */
export function bankPack(perConcept = 2, ids = ['alpha', 'bravo', 'charlie', 'delta']): ContentPack {
  const concepts: Concept[] = ids.map((id) => ({
    id,
    pack: 'test',
    file: `${id}.yaml`,
    title: id[0]!.toUpperCase() + id.slice(1),
    aliases: [],
    keywords: [],
    questions: [],
    summary: `${id} summary`,
    body: `${id} body`,
    examples: [],
    related: [],
    quiz: Array.from({ length: perConcept }, (_, i) => item(id, i + 1)),
  }));
  return new ContentPack(concepts);
}

export function person(userId: string, extra: Partial<Requester> = {}): Requester {
  return { platform: 'slack', userId, channelId: 'C1', ...extra };
}

export const manager = (channelId = 'C1', platform: Platform = 'slack'): Requester => ({ platform, userId: 'UADMIN', channelId, canManageChannel: true });

/** Sequenced pseudo-random numbers so choices are reproducible. */
export function seeded(seed = 1): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

export interface Harness {
  store: SqliteStore;
  quiz: PersistentQuiz;
  scheduler: Scheduler;
  poster: RecordingPoster;
  clock: ManualClock;
  posters: Map<Platform, ChannelPoster>;
}

/** Store + quiz + scheduler on one database file (or memory), with no real waiting. */
export function harness(opts: { file?: string; pack?: ContentPack; clock?: ManualClock; poster?: RecordingPoster; scheduler?: Partial<SchedulerOptions>; adminUsers?: string[] } = {}): Harness {
  const store = new SqliteStore(opts.file ?? ':memory:');
  const clock = opts.clock ?? new ManualClock('2027-01-04T00:00:00Z');
  const quiz = new PersistentQuiz(opts.pack ?? bankPack(), store, { clock, random: seeded(), closeHours: 24, managers: (opts.adminUsers ?? []).map((userId) => ({ platform: 'slack', userId })) });
  const poster = opts.poster ?? new RecordingPoster('slack');
  const posters = new Map<Platform, ChannelPoster>([[poster.platform, poster]]);
  const scheduler = new Scheduler(
    { store, quiz, posters, clock, logger: silentLogger },
    { graceMs: 120 * 60_000, closeMs: 24 * 3_600_000, perChannelIntervalMs: 0, retryBaseMs: 1, sleep: async () => {}, ...opts.scheduler },
  );
  return { store, quiz, scheduler, poster, clock, posters };
}

/** Set a schedule as a channel manager would, through the quiz's own command. */
export async function setSchedule(h: Pick<Harness, 'quiz'>, spec: string, channelId = 'C1', platform: Platform = 'slack'): Promise<Reply> {
  const r = await h.quiz.schedule(spec, manager(channelId, platform));
  if (r.kind === 'error') throw new Error(`schedule refused: ${r.fallback}`);
  return r;
}
