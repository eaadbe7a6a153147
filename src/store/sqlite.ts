import { join } from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import type { Platform } from '../adapter-api/request.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';
import { SqliteChatTables } from './sqlite-chat.ts';
import type { ConversationRecord, FeedbackRecord } from './chat-types.ts';
import { checkBeforeWriting, prepareDataDir, StoreError } from './sqlite-safety.ts';
import type { AnswerRecord, ChannelRef, GapRow, LearnerRef, PostClaim, PostRecord, ReviewRecord, ScheduleRecord, ScoreRow, Store } from './types.ts';

export const DB_FILE = 'tutor.db';

type Row = Record<string, unknown>;

/** Loaded on first open (a runtime require the CLI bundler leaves alone): `tutor ask` never needs it. */
let DatabaseClass: typeof Database | undefined;
const loadDatabase = () => (DatabaseClass ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

/** How long a connection waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one SQLite file in DATA_DIR, WAL mode so that readers never block the
 * writer, and a busy timeout so that two bot processes can share the file.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  /** Open (creating and migrating) `DATA_DIR/tutor.db`; ":memory:" gives a private in-memory store. */
  static open(dataDir: string): SqliteStore {
    if (dataDir === ':memory:') return new SqliteStore(':memory:');
    prepareDataDir(dataDir);
    return new SqliteStore(join(dataDir, DB_FILE));
  }

  constructor(file: string) {
    try {
      this.db = new (loadDatabase())(file, { timeout: BUSY_TIMEOUT_MS });
    } catch (err) {
      throw new StoreError(`${file}: cannot be opened (${(err as Error).message})`);
    }
    try {
      if (file !== ':memory:') checkBeforeWriting(this.db, file);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.db.pragma('journal_mode = WAL');
    // NORMAL survives process crashes in WAL mode; post claims switch to FULL (see claimPost).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /** Apply every migration newer than user_version, each in its own IMMEDIATE transaction. */
  private migrate(): void {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        // Re-read inside the lock: another process may have migrated while we waited.
        if ((this.db.pragma('user_version', { simple: true }) as number) > i) return;
        this.db.exec(MIGRATIONS[i]!);
        this.db.pragma(`user_version = ${i + 1}`);
      }).immediate();
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements are compiled once per connection. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** How many posts have this status (for operators and tests). */
  countPosts(status: PostRecord['status']): number {
    return Number((this.sql('SELECT COUNT(*) AS n FROM posts WHERE status = ?').get(status) as Row).n);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Schedules

  async putSchedule(s: ScheduleRecord): Promise<void> {
    this.sql(
        `INSERT INTO schedules (platform, channel_id, workspace_id, label, cron, zone, next_run_at, updated_by, updated_at)
         VALUES (@platform, @channelId, @workspaceId, @label, @cron, @zone, @nextRunAt, @updatedBy, @updatedAt)
         ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, label = excluded.label, cron = excluded.cron,
           zone = excluded.zone, next_run_at = excluded.next_run_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run({ ...s, workspaceId: s.workspaceId ?? null });
  }

  async getSchedule(ch: ChannelRef): Promise<ScheduleRecord | undefined> {
    const row = this.sql('SELECT * FROM schedules WHERE platform = ? AND channel_id = ?').get(ch.platform, ch.channelId) as Row | undefined;
    return row && toSchedule(row);
  }

  async deleteSchedule(ch: ChannelRef): Promise<boolean> {
    return this.sql('DELETE FROM schedules WHERE platform = ? AND channel_id = ?').run(ch.platform, ch.channelId).changes > 0;
  }

  async dueSchedules(now: number, platforms: readonly Platform[], limit: number): Promise<ScheduleRecord[]> {
    if (platforms.length === 0) return [];
    const rows = this.sql(`SELECT * FROM schedules WHERE next_run_at <= ? AND platform IN (${platforms.map(() => '?').join(',')}) ORDER BY next_run_at LIMIT ?`)
      .all(now, ...platforms, limit) as Row[];
    return rows.map(toSchedule);
  }

  async advanceSchedule(ch: ChannelRef, expected: number, next: number): Promise<boolean> {
    return this.sql('UPDATE schedules SET next_run_at = ? WHERE platform = ? AND channel_id = ? AND next_run_at = ?').run(next, ch.platform, ch.channelId, expected).changes === 1;
  }

  // Posts

  async claimPost(c: PostClaim): Promise<PostRecord | undefined> {
    return (await this.claimPosts([c]))[0];
  }

  async claimPosts(claims: readonly PostClaim[]): Promise<(PostRecord | undefined)[]> {
    if (claims.length === 0) return [];
    // Claims must be on disk before anything is sent, even across a power cut; one sync per batch.
    return this.durably(() => claims.map((c) => this.claimOne(c)));
  }

  private claimOne(c: PostClaim): PostRecord | undefined {
    const moved = this.sql('UPDATE schedules SET next_run_at = ? WHERE platform = ? AND channel_id = ? AND next_run_at = ?').run(c.nextRunAt, c.platform, c.channelId, c.expectedNextRunAt).changes;
    if (moved !== 1) return undefined; // another process moved the schedule first
    const inserted = this.sql(
      `INSERT INTO posts (platform, channel_id, slot_at, zone, item_id, concept_id, status, claimed_at, claimed_by, closes_at)
       VALUES (@platform, @channelId, @slotAt, @zone, @itemId, @conceptId, 'claimed', @claimedAt, @claimedBy, @closesAt)
       ON CONFLICT (platform, channel_id, slot_at) DO NOTHING`,
    ).run(c);
    if (inserted.changes !== 1) return undefined; // the slot was posted before (schedule re-set to the same time)
    const id = Number(inserted.lastInsertRowid);
    // "Closes at the next post": an earlier quiz still open in this channel closes no later than now.
    this.sql('UPDATE posts SET closes_at = MIN(closes_at, ?) WHERE platform = ? AND channel_id = ? AND closed_at IS NULL AND id <> ?').run(c.slotAt, c.platform, c.channelId, id);
    return toPost(this.sql('SELECT * FROM posts WHERE id = ?').get(id) as Row);
  }

  async markPostSent(id: number, messageId: string, at: number): Promise<void> {
    this.sql("UPDATE posts SET status = 'sent', message_id = ?, sent_at = ?, error = NULL WHERE id = ?").run(messageId, at, id);
  }

  async markPostFailed(id: number, error: string): Promise<void> {
    this.sql("UPDATE posts SET status = 'failed', error = ? WHERE id = ? AND status = 'claimed'").run(error.slice(0, 500), id);
  }

  async abandonStaleClaims(before: number, exceptClaimedBy: string): Promise<PostRecord[]> {
    const stale = this.sql("SELECT * FROM posts WHERE status = 'claimed' AND claimed_at < ? AND claimed_by <> ?").all(before, exceptClaimedBy) as Row[];
    if (stale.length === 0) return []; // the common case takes no write lock
    const mark = this.sql("UPDATE posts SET status = 'abandoned' WHERE id = ? AND status = 'claimed'");
    return this.db.transaction(() => stale.filter((r) => mark.run(r.id).changes === 1).map((r) => ({ ...toPost(r), status: 'abandoned' as const }))).immediate();
  }

  async unconfirmedClaims(exceptClaimedBy: string, limit: number): Promise<PostRecord[]> {
    const rows = this.sql("SELECT * FROM posts WHERE status = 'claimed' AND claimed_by <> ? ORDER BY claimed_at LIMIT ?").all(exceptClaimedBy, limit) as Row[];
    return rows.map(toPost);
  }

  async takeOverClaim(from: PostRecord, claimedBy: string, at: number): Promise<boolean> {
    // Losing this write in a power cut only means the claim is recovered again: no full sync needed.
    return this.sql("UPDATE posts SET claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ? AND claimed_at = ?").run(claimedBy, at, from.id, from.claimedBy, from.claimedAt).changes === 1;
  }

  async renewClaim(id: number, claimedBy: string, at: number): Promise<boolean> {
    return this.sql("UPDATE posts SET claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(at, id, claimedBy).changes === 1;
  }

  async abandonClaim(id: number, claimedBy: string): Promise<boolean> {
    return this.sql("UPDATE posts SET status = 'abandoned' WHERE id = ? AND status = 'claimed' AND claimed_by = ?").run(id, claimedBy).changes === 1;
  }

  /** Run a write transaction with a full disk sync: a claim must be on disk before anything is sent. */
  private durably<T>(fn: () => T): T {
    this.db.pragma('synchronous = FULL');
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  async getPost(id: number): Promise<PostRecord | undefined> {
    const row = this.sql('SELECT * FROM posts WHERE id = ?').get(id) as Row | undefined;
    return row && toPost(row);
  }

  async dueClosings(now: number, platforms: readonly Platform[], limit: number): Promise<PostRecord[]> {
    if (platforms.length === 0) return [];
    const rows = this.sql(`SELECT * FROM posts WHERE closed_at IS NULL AND closes_at <= ? AND status IN ('sent', 'abandoned') AND platform IN (${platforms.map(() => '?').join(',')}) ORDER BY closes_at LIMIT ?`)
      .all(now, ...platforms, limit) as Row[];
    return rows.map(toPost);
  }

  async claimClose(id: number, at: number): Promise<boolean> {
    return this.sql('UPDATE posts SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id).changes === 1;
  }

  async channelPosts(ch: ChannelRef): Promise<PostRecord[]> {
    const rows = this.sql("SELECT * FROM posts WHERE platform = ? AND channel_id = ? AND status IN ('sent', 'abandoned') ORDER BY slot_at").all(ch.platform, ch.channelId) as Row[];
    return rows.map(toPost);
  }

  async channelItemCounts(ch: ChannelRef): Promise<Map<string, number>> {
    const rows = this.sql("SELECT item_id, COUNT(*) AS n FROM posts WHERE platform = ? AND channel_id = ? AND status <> 'failed' GROUP BY item_id").all(ch.platform, ch.channelId) as Row[];
    return new Map(rows.map((r) => [String(r.item_id), Number(r.n)]));
  }

  async channelConceptMisses(ch: ChannelRef): Promise<{ conceptId: string; wrong: number; total: number }[]> {
    const rows = this.sql('SELECT p.concept_id, SUM(1 - a.correct) AS wrong, COUNT(*) AS total FROM answers a JOIN posts p ON p.id = a.post_id WHERE p.platform = ? AND p.channel_id = ? GROUP BY p.concept_id')
      .all(ch.platform, ch.channelId) as Row[];
    return rows.map((r) => ({ conceptId: String(r.concept_id), wrong: Number(r.wrong), total: Number(r.total) }));
  }

  // Answers

  async recordAnswer(a: AnswerRecord): Promise<{ recorded: boolean; first: AnswerRecord }> {
    const res = this.sql('INSERT INTO answers (post_id, user_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (post_id, user_id) DO NOTHING')
      .run(a.postId, a.userId, a.choice, a.correct ? 1 : 0, a.answeredAt);
    if (res.changes === 1) return { recorded: true, first: a };
    const row = this.sql('SELECT * FROM answers WHERE post_id = ? AND user_id = ?').get(a.postId, a.userId) as Row;
    return { recorded: false, first: { postId: Number(row.post_id), userId: String(row.user_id), choice: Number(row.choice), correct: row.correct === 1, answeredAt: Number(row.answered_at) } };
  }

  async answerTally(postId: number): Promise<{ total: number; correct: number }> {
    const row = this.sql('SELECT COUNT(*) AS total, COALESCE(SUM(correct), 0) AS correct FROM answers WHERE post_id = ?').get(postId) as Row;
    return { total: Number(row.total), correct: Number(row.correct) };
  }

  async scoreboard(ch: ChannelRef, since: number | undefined, limit: number): Promise<ScoreRow[]> {
    const rows = this.sql(
        `SELECT a.user_id, SUM(a.correct) AS points, COUNT(*) AS answered FROM answers a JOIN posts p ON p.id = a.post_id
         WHERE p.platform = ? AND p.channel_id = ? AND p.slot_at >= ?
         GROUP BY a.user_id ORDER BY points DESC, answered ASC, a.user_id ASC LIMIT ?`,
      )
      .all(ch.platform, ch.channelId, since ?? Number.MIN_SAFE_INTEGER, limit) as Row[];
    return rows.map((r) => ({ userId: String(r.user_id), points: Number(r.points), answered: Number(r.answered) }));
  }

  async answeredPostIds(ch: ChannelRef, userId: string): Promise<Set<number>> {
    const rows = this.sql('SELECT a.post_id FROM answers a JOIN posts p ON p.id = a.post_id WHERE a.user_id = ? AND p.platform = ? AND p.channel_id = ?').all(userId, ch.platform, ch.channelId) as Row[];
    return new Set(rows.map((r) => Number(r.post_id)));
  }

  // Reviews

  async getReview(who: LearnerRef, itemId: string): Promise<ReviewRecord | undefined> {
    const row = this.sql('SELECT * FROM reviews WHERE platform = ? AND user_id = ? AND item_id = ?').get(who.platform, who.userId, itemId) as Row | undefined;
    return row && toReview(row);
  }

  async putReview(r: ReviewRecord): Promise<void> {
    this.sql(
        `INSERT INTO reviews (platform, user_id, item_id, box, due_at, last_answered_at, right_count, wrong_count)
         VALUES (@platform, @userId, @itemId, @box, @dueAt, @lastAnsweredAt, @rightCount, @wrongCount)
         ON CONFLICT (platform, user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
           last_answered_at = excluded.last_answered_at, right_count = excluded.right_count, wrong_count = excluded.wrong_count`,
      )
      .run(r);
  }

  async listReviews(who: LearnerRef): Promise<ReviewRecord[]> {
    const rows = this.sql('SELECT * FROM reviews WHERE platform = ? AND user_id = ? ORDER BY due_at, item_id').all(who.platform, who.userId) as Row[];
    return rows.map(toReview);
  }

  // Uploads

  async getUpload(platform: Platform, workspaceId: string, contentKey: string): Promise<string | undefined> {
    const row = this.sql('SELECT file_id FROM uploads WHERE platform = ? AND workspace_id = ? AND content_key = ?').get(platform, workspaceId, contentKey) as Row | undefined;
    return row ? String(row.file_id) : undefined;
  }

  async putUpload(platform: Platform, workspaceId: string, contentKey: string, fileId: string, at: number): Promise<void> {
    this.sql(
      `INSERT INTO uploads (platform, workspace_id, content_key, file_id, uploaded_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, workspace_id, content_key) DO UPDATE SET file_id = excluded.file_id, uploaded_at = excluded.uploaded_at`,
    ).run(platform, workspaceId, contentKey, fileId, at);
  }
  // Conversations, practice asks and feedback live in sqlite-chat.ts.
  private readonly chat = new SqliteChatTables((text) => this.sql(text));
  getConversation = (key: string) => this.chat.getConversation(key);
  putConversation = (key: string, r: ConversationRecord) => this.chat.putConversation(key, r);
  pruneConversations = (before: number) => this.chat.pruneConversations(before);
  createPracticeAsk = (who: LearnerRef, itemId: string, at: number) => this.chat.createPracticeAsk(who, itemId, at);
  answerPracticeAsk = (id: number, who: LearnerRef, choice: number, at: number) => this.chat.answerPracticeAsk(id, who, choice, at);
  recordFeedback = (f: FeedbackRecord) => this.chat.recordFeedback(f);
  feedbackReport = (limit: number) => this.chat.feedbackReport(limit);

  // Seen events

  private sinceForget = 0;

  async rememberEvent(id: string, at: number, forgetBefore: number): Promise<boolean> {
    // Forget old ids now and then, not on every event.
    if (++this.sinceForget >= 200) {
      this.sinceForget = 0;
      this.sql('DELETE FROM seen_events WHERE seen_at < ?').run(forgetBefore);
    }
    const fresh = this.sql('INSERT INTO seen_events (id, seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING').run(id, at).changes === 1;
    if (fresh) return true;
    // An id so old it should have been forgotten counts as new (and is remembered from now).
    return this.sql('UPDATE seen_events SET seen_at = ? WHERE id = ? AND seen_at < ?').run(at, id, forgetBefore).changes === 1;
  }

  // Gaps

  async recordGap(text: string, platform: Platform, at: number): Promise<void> {
    this.sql(
        `INSERT INTO gaps (text, platform, count, first_asked_at, last_asked_at) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (text, platform) DO UPDATE SET count = count + 1, last_asked_at = MAX(last_asked_at, excluded.last_asked_at)`,
      )
      .run(text, platform, at, at);
  }

  async gapReport(limit: number): Promise<GapRow[]> {
    const rows = this.sql('SELECT text, SUM(count) AS count, MAX(last_asked_at) AS last, GROUP_CONCAT(platform) AS platforms FROM gaps GROUP BY text ORDER BY count DESC, last DESC, text LIMIT ?')
      .all(limit) as Row[];
    return rows.map((r) => ({ text: String(r.text), count: Number(r.count), lastAskedAt: Number(r.last), platforms: String(r.platforms).split(',').sort() }));
  }
}

function toSchedule(r: Row): ScheduleRecord {
  return {
    platform: r.platform as Platform,
    channelId: String(r.channel_id),
    ...(r.workspace_id != null ? { workspaceId: String(r.workspace_id) } : {}),
    label: String(r.label),
    cron: String(r.cron),
    zone: String(r.zone),
    nextRunAt: Number(r.next_run_at),
    updatedBy: String(r.updated_by),
    updatedAt: Number(r.updated_at),
  };
}

function toPost(r: Row): PostRecord {
  return {
    id: Number(r.id),
    platform: r.platform as Platform,
    channelId: String(r.channel_id),
    slotAt: Number(r.slot_at),
    zone: String(r.zone),
    itemId: String(r.item_id),
    conceptId: String(r.concept_id),
    status: r.status as PostRecord['status'],
    claimedAt: Number(r.claimed_at),
    claimedBy: String(r.claimed_by),
    ...(r.sent_at != null ? { sentAt: Number(r.sent_at) } : {}),
    ...(r.message_id != null ? { messageId: String(r.message_id) } : {}),
    closesAt: Number(r.closes_at),
    ...(r.closed_at != null ? { closedAt: Number(r.closed_at) } : {}),
  };
}

function toReview(r: Row): ReviewRecord {
  return {
    platform: r.platform as Platform,
    userId: String(r.user_id),
    itemId: String(r.item_id),
    box: Number(r.box),
    dueAt: Number(r.due_at),
    lastAnsweredAt: Number(r.last_answered_at),
    rightCount: Number(r.right_count),
    wrongCount: Number(r.wrong_count),
  };
}
