import type { Logger } from '../log.ts';
import type { Reply } from '../reply/types.ts';
import type { Clock } from '../time/clock.ts';
import type { Timers } from '../time/timers.ts';
import type { AnswerStore, PostRecord, PostStore } from '../store/types.ts';

const TALLY_INTERVAL_MS = 30_000;

export interface LiveTallyDeps {
  store: PostStore & AnswerStore;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** The question as posted, with "N answered so far" under it. */
  replyFor(post: PostRecord, answered: number): Promise<Reply | undefined>;
  /** Edit the posted message (through the scheduler's per-channel queue); false when nobody can. */
  update(post: PostRecord, reply: Reply): Promise<boolean>;
  intervalMs?: number;
}

/**
 * Keeps "N answered so far" on a posted quiz question current without editing it per click: the
 * first answer schedules a refresh at once, later answers within the interval join the one refresh
 * due at the end of it, so a message is edited at most once per interval. Nothing is persisted: a
 * restart loses at most one pending refresh, and the close summary replaces the question anyway.
 */
export class LiveTally {
  private readonly pending = new Map<number, () => void>();
  private readonly lastEdit = new Map<number, number>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly intervalMs: number;
  private stopped = false;

  constructor(private readonly deps: LiveTallyDeps) {
    this.intervalMs = deps.intervalMs ?? TALLY_INTERVAL_MS;
  }

  /** Someone's first answer to a channel post was recorded. */
  answered(post: PostRecord): void {
    if (this.stopped || post.messageId === undefined || this.pending.has(post.id)) return;
    const now = this.deps.clock.now().getTime();
    const wait = Math.max(0, (this.lastEdit.get(post.id) ?? -Infinity) + this.intervalMs - now);
    this.pending.set(
      post.id,
      this.deps.timers.after(wait, () => {
        const job = this.refresh(post.id).finally(() => this.inflight.delete(job));
        this.inflight.add(job);
      }),
    );
  }

  private async refresh(postId: number): Promise<void> {
    this.pending.delete(postId);
    this.lastEdit.set(postId, this.deps.clock.now().getTime());
    try {
      const post = await this.deps.store.getPost(postId);
      // A closed quiz shows its summary; a refresh must never edit it back into a question.
      if (!post || post.closedAt !== undefined || post.messageId === undefined) return this.forget(postId);
      const { total } = await this.deps.store.answerTally(postId);
      const reply = await this.deps.replyFor(post, total);
      if (reply) await this.deps.update(post, reply);
    } catch (err) {
      // The next answer tries again; a tally is not worth a retry loop.
      this.deps.logger.warn({ err, postId }, 'could not refresh the quiz tally');
    }
    // Old entries only matter for one interval.
    for (const [id, at] of this.lastEdit) if (at + this.intervalMs < this.deps.clock.now().getTime() && !this.pending.has(id)) this.lastEdit.delete(id);
  }

  private forget(postId: number): void {
    this.lastEdit.delete(postId);
  }

  /** Cancel pending refreshes and wait for the ones running. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
    await Promise.all([...this.inflight]);
  }

  /** Refreshes running now (tests wait for them). */
  settled(): Promise<void> {
    return Promise.all([...this.inflight]).then(() => undefined);
  }
}
