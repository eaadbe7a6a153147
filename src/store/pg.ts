import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Platform } from '../adapter-api/request.ts';
import type { ConversationRecord, FeedbackRecord } from './chat-types.ts';
import { PgChatTables } from './pg-chat.ts';
import { StoreError } from './errors.ts';
import { PgInstallationTables } from './pg-installations.ts';
import { PgPostTables } from './pg-posts.ts';
import { PgReminderTables } from './pg-reminders.ts';
import type { ReminderRecord } from './reminder-types.ts';
import type { InstallationRecord } from './installation-types.ts';
import { clean } from './pg-text.ts';
import { describeDatabase, inspectPostgres, migrate } from './pg-schema.ts';
import { toReview, toSchedule, type Row } from './rows.ts';
import type { AnswerRecord, ChannelRef, GapRow, LearnerRef, PostClaim, PostRecord, ReviewRecord, ScheduleRecord, Store } from './types.ts';

/** Loaded on first open (a runtime require the CLI bundler leaves alone): SQLite users never load it. */
let pgModule: typeof pg | undefined;
const loadPg = () => (pgModule ??= createRequire(import.meta.url)('pg') as typeof pg);

/**
 * The server store: one Postgres database shared by any number of bot processes, through
 * node-postgres' pool. Coordination is in the database itself: schedules are claimed with
 * FOR UPDATE SKIP LOCKED, posts have unique slot keys, event ids and conversations are shared
 * tables with expiry.
 */
export class PgStore implements Store {
  private readonly posts: PgPostTables;
  private readonly installs: PgInstallationTables;
  private readonly chat: PgChatTables;

  private constructor(
    readonly pool: pg.Pool,
    /** "database NAME on HOST:PORT", for messages. */
    readonly label: string,
    readonly schemaVersion: number,
  ) {
    this.posts = new PgPostTables(pool);
    this.installs = new PgInstallationTables(pool);
    this.chat = new PgChatTables(pool);
  }

  /** Connect, migrate (once across replicas) and return the store; StoreError when unreachable or too new. */
  static async open(url: string, options: { max?: number } = {}): Promise<PgStore> {
    const label = describeDatabase(url);
    const pool = new (loadPg().Pool)({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not crash the process; the pool reconnects.
    pool.on('error', () => undefined);
    try {
      const version = await migrate(pool, label);
      return new PgStore(pool, label, version);
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (err instanceof StoreError) throw err;
      throw new StoreError(`${label}: cannot be opened (${(err as Error).message})`);
    }
  }

  /** The schema version and counts without migrating anything (for `tutor db check`); StoreError when unreachable. */
  static async inspect(url: string): Promise<{ label: string; version: number; schedules: number; posts: number }> {
    const label = describeDatabase(url);
    const pool = new (loadPg().Pool)({ connectionString: url, max: 1, connectionTimeoutMillis: 10_000 });
    pool.on('error', () => undefined);
    try {
      return { label, ...(await inspectPostgres(pool)) };
    } catch (err) {
      throw new StoreError(`${label}: cannot be opened (${(err as Error).message})`);
    } finally {
      await pool.end().catch(() => undefined);
    }
  }

  private async rows(text: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(text, params)).rows as Row[];
  }

  private async changed(text: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(text, params)).rowCount ?? 0;
  }

  private closed?: Promise<void>;

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    return (this.closed ??= this.pool.end());
  }

  /** How many posts have this status (for operators and tests). */
  async countPosts(status: PostRecord['status']): Promise<number> {
    return Number((await this.rows('SELECT COUNT(*) AS n FROM posts WHERE status = $1', [status]))[0]!.n);
  }

  // Schedules

  async putSchedule(s: ScheduleRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO schedules (platform, channel_id, workspace_id, label, cron, zone, next_run_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, label = excluded.label, cron = excluded.cron,
         zone = excluded.zone, next_run_at = excluded.next_run_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [s.platform, s.channelId, s.workspaceId ?? null, s.label, s.cron, s.zone, s.nextRunAt, s.updatedBy, s.updatedAt],
    );
  }

  async getSchedule(ch: ChannelRef): Promise<ScheduleRecord | undefined> {
    const row = (await this.rows('SELECT * FROM schedules WHERE platform = $1 AND channel_id = $2', [ch.platform, ch.channelId]))[0];
    return row && toSchedule(row);
  }

  async setSchedulePing(ch: ChannelRef, ping: string | undefined): Promise<boolean> {
    return (await this.changed('UPDATE schedules SET ping = $1 WHERE platform = $2 AND channel_id = $3', [ping ?? null, ch.platform, ch.channelId])) === 1;
  }

  async deleteSchedule(ch: ChannelRef): Promise<boolean> {
    return (await this.changed('DELETE FROM schedules WHERE platform = $1 AND channel_id = $2', [ch.platform, ch.channelId])) > 0;
  }

  async dueSchedules(now: number, platforms: readonly Platform[], limit: number, claimer?: string): Promise<ScheduleRecord[]> {
    if (platforms.length === 0) return [];
    // Reads the schedules_due index up to `now` only; rows another replica holds are skipped.
    const rows = claimer ? await this.rows(LEASE_DUE_SCHEDULES_SQL, [now, platforms, limit, claimer, now + SCHEDULE_LEASE_MS]) : await this.rows(DUE_SCHEDULES_SQL, [now, platforms, limit]);
    return rows.map(toSchedule).sort((a, b) => a.nextRunAt - b.nextRunAt);
  }

  async releaseSchedules(claimer: string): Promise<number> {
    return this.changed('UPDATE schedules SET leased_by = NULL, leased_until = 0 WHERE leased_by = $1', [claimer]);
  }

  async advanceSchedule(ch: ChannelRef, expected: number, next: number): Promise<boolean> {
    return (await this.changed('UPDATE schedules SET next_run_at = $1 WHERE platform = $2 AND channel_id = $3 AND next_run_at = $4', [next, ch.platform, ch.channelId, expected])) === 1;
  }

  // Reminders live in pg-reminders.ts.
  private get reminders() {
    return (this.reminderTables ??= new PgReminderTables(this.pool));
  }
  private reminderTables?: PgReminderTables;
  getReminder = (who: LearnerRef) => this.reminders.getReminder(who);
  putReminder = (r: ReminderRecord) => this.reminders.putReminder(r);
  dueReminders = (now: number, platforms: readonly Platform[], limit: number) => this.reminders.dueReminders(now, platforms, limit);
  claimReminder = (who: LearnerRef, expected: number, next: number) => this.reminders.claimReminder(who, expected, next);
  stopReminder = (who: LearnerRef, reason: string | undefined, at: number) => this.reminders.stopReminder(who, reason, at);

  // Posts and answers live in pg-posts.ts.
  claimPost = (c: PostClaim) => this.posts.claimPost(c);
  claimPosts = (claims: readonly PostClaim[]) => this.posts.claimPosts(claims);
  markPostSent = (id: number, messageId: string, at: number) => this.posts.markPostSent(id, messageId, at);
  markPostFailed = (id: number, error: string) => this.posts.markPostFailed(id, error);
  abandonStaleClaims = (before: number, exceptClaimedBy: string) => this.posts.abandonStaleClaims(before, exceptClaimedBy);
  unconfirmedClaims = (exceptClaimedBy: string, limit: number) => this.posts.unconfirmedClaims(exceptClaimedBy, limit);
  takeOverClaim = (from: PostRecord, claimedBy: string, at: number) => this.posts.takeOverClaim(from, claimedBy, at);
  renewClaim = (id: number, claimedBy: string, at: number) => this.posts.renewClaim(id, claimedBy, at);
  abandonClaim = (id: number, claimedBy: string) => this.posts.abandonClaim(id, claimedBy);
  getPost = (id: number) => this.posts.getPost(id);
  dueClosings = (now: number, platforms: readonly Platform[], limit: number) => this.posts.dueClosings(now, platforms, limit);
  claimClose = (id: number, at: number) => this.posts.claimClose(id, at);
  channelPosts = (ch: ChannelRef) => this.posts.channelPosts(ch);
  channelPlatforms = (channelId: string) => this.posts.channelPlatforms(channelId);
  channelItemCounts = (ch: ChannelRef) => this.posts.channelItemCounts(ch);
  channelConceptMisses = (ch: ChannelRef) => this.posts.channelConceptMisses(ch);
  recordAnswer = (a: AnswerRecord) => this.posts.recordAnswer(a);
  answerTally = (postId: number) => this.posts.answerTally(postId);
  scoreboard = (ch: ChannelRef, since: number | undefined, limit: number) => this.posts.scoreboard(ch, since, limit);
  answeredPostIds = (ch: ChannelRef, userId: string) => this.posts.answeredPostIds(ch, userId);
  answeredChannels = (who: LearnerRef) => this.posts.answeredChannels(who);

  // Reviews

  async getReview(who: LearnerRef, itemId: string): Promise<ReviewRecord | undefined> {
    const row = (await this.rows('SELECT * FROM reviews WHERE platform = $1 AND user_id = $2 AND item_id = $3', [who.platform, who.userId, itemId]))[0];
    return row && toReview(row);
  }

  async putReview(r: ReviewRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO reviews (platform, user_id, item_id, box, due_at, last_answered_at, right_count, wrong_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (platform, user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
         last_answered_at = excluded.last_answered_at, right_count = excluded.right_count, wrong_count = excluded.wrong_count`,
      [r.platform, r.userId, r.itemId, r.box, r.dueAt, r.lastAnsweredAt, r.rightCount, r.wrongCount],
    );
  }

  async listReviews(who: LearnerRef): Promise<ReviewRecord[]> {
    return (await this.rows('SELECT * FROM reviews WHERE platform = $1 AND user_id = $2 ORDER BY due_at, item_id COLLATE "C"', [who.platform, who.userId])).map(toReview);
  }

  // Uploads

  async getUpload(platform: Platform, workspaceId: string, contentKey: string): Promise<string | undefined> {
    const row = (await this.rows('SELECT file_id FROM uploads WHERE platform = $1 AND workspace_id = $2 AND content_key = $3', [platform, workspaceId, contentKey]))[0];
    return row ? String(row.file_id) : undefined;
  }

  async putUpload(platform: Platform, workspaceId: string, contentKey: string, fileId: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO uploads (platform, workspace_id, content_key, file_id, uploaded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, workspace_id, content_key) DO UPDATE SET file_id = excluded.file_id, uploaded_at = excluded.uploaded_at`,
      [platform, workspaceId, contentKey, fileId, at],
    );
  }

  // Conversations (shared by every replica, pruned by age), practice asks and feedback live in pg-chat.ts.
  getConversation = (key: string) => this.chat.getConversation(key);
  putConversation = (key: string, r: ConversationRecord) => this.chat.putConversation(key, r);
  pruneConversations = (before: number) => this.chat.pruneConversations(before);
  createPracticeAsk = (who: LearnerRef, itemId: string, at: number) => this.chat.createPracticeAsk(who, itemId, at);
  answerPracticeAsk = (id: number, who: LearnerRef, choice: number, at: number) => this.chat.answerPracticeAsk(id, who, choice, at);
  recordFeedback = (f: FeedbackRecord) => this.chat.recordFeedback(f);
  feedbackReport = (limit: number) => this.chat.feedbackReport(limit);

  // Installations and removed workspaces live in pg-installations.ts.
  putInstallation = (r: InstallationRecord) => this.installs.putInstallation(r);
  getInstallation = (platform: Platform, workspaceId: string) => this.installs.getInstallation(platform, workspaceId);
  removeWorkspace = (platform: Platform, workspaceId: string, at: number) => this.installs.removeWorkspace(platform, workspaceId, at);
  removalsBefore = (before: number) => this.installs.removalsBefore(before);
  deleteWorkspaceData = (platform: Platform | undefined, workspaceId: string) => this.installs.deleteWorkspaceData(platform, workspaceId);

  // Seen events (shared, so a retried event that reaches another replica is not answered twice)

  private sinceForget = 0;

  async rememberEvent(id: string, at: number, forgetBefore: number): Promise<boolean> {
    if (++this.sinceForget >= 200) {
      this.sinceForget = 0;
      await this.pool.query('DELETE FROM seen_events WHERE seen_at < $1', [forgetBefore]);
    }
    // One statement: inserted, or an expired id taken over (counts as new); false while it is remembered.
    const n = await this.changed('INSERT INTO seen_events (id, seen_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_events.seen_at < $3', [
      clean(id),
      at,
      forgetBefore,
    ]);
    return n === 1;
  }

  // Gaps

  async recordGap(text: string, platform: Platform, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO gaps (text, platform, count, first_asked_at, last_asked_at) VALUES ($1, $2, 1, $3, $3)
       ON CONFLICT (text, platform) DO UPDATE SET count = gaps.count + 1, last_asked_at = GREATEST(gaps.last_asked_at, excluded.last_asked_at)`,
      [clean(text), platform, at],
    );
  }

  async gapReport(limit: number): Promise<GapRow[]> {
    const rows = await this.rows(
      `SELECT text, SUM(count) AS count, MAX(last_asked_at) AS last, string_agg(platform, ',') AS platforms FROM gaps
       GROUP BY text ORDER BY count DESC, last DESC, text COLLATE "C" LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ text: String(r.text), count: Number(r.count), lastAskedAt: Number(r.last), platforms: String(r.platforms).split(',').sort() }));
  }
}

/** Postgres text cannot hold NUL characters (SQLite can): what people type is kept without them. */

/** Due schedules, read only (rows another replica is claiming right now are skipped). */
export const DUE_SCHEDULES_SQL = 'SELECT * FROM schedules WHERE next_run_at <= $1 AND platform = ANY($2::text[]) ORDER BY next_run_at LIMIT $3 FOR UPDATE SKIP LOCKED';

/** How long a tick's hold on the due schedules it read lasts; a replica that dies is replaced after it. */
const SCHEDULE_LEASE_MS = 30_000;

/**
 * The scheduler tick's query (exported so a test can EXPLAIN it): take the due schedules nobody
 * else holds, skipping rows locked by another replica's tick, and hold them for this one.
 */
export const LEASE_DUE_SCHEDULES_SQL = `
  UPDATE schedules s SET leased_by = $4, leased_until = $5
  FROM (
    SELECT platform, channel_id FROM schedules
    WHERE next_run_at <= $1 AND platform = ANY($2::text[]) AND (leased_until <= $1 OR leased_by = $4)
    ORDER BY next_run_at LIMIT $3 FOR UPDATE SKIP LOCKED
  ) due
  WHERE s.platform = due.platform AND s.channel_id = due.channel_id
  RETURNING s.*`;
