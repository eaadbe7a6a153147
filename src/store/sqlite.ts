import { join } from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import type { Platform } from '../adapter-api/request.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';
import { SqliteChatTables } from './sqlite-chat.ts';
import { SqliteInstallationTables } from './sqlite-installations.ts';
import { SqlitePostTables } from './sqlite-posts.ts';
import { SqliteReminderTables } from './sqlite-reminders.ts';
import type { ReminderRecord } from './reminder-types.ts';
import type { InstallationRecord } from './installation-types.ts';
import { toReview, toSchedule, type Row } from './rows.ts';
import type { ConversationRecord, FeedbackRecord } from './chat-types.ts';
import { checkBeforeWriting, prepareDataDir, StoreError } from './sqlite-safety.ts';
import type { AnswerRecord, ChannelRef, GapRow, LearnerRef, PostClaim, PostRecord, ReviewRecord, ScheduleRecord, Store } from './types.ts';

export const DB_FILE = 'tutor.db';

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
    this.posts = new SqlitePostTables(this.db, (text) => this.sql(text));
  }

  /** Apply every migration newer than user_version, each in its own IMMEDIATE transaction. */
  private migrate(): void {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      this.db
        .transaction(() => {
          // Re-read inside the lock: another process may have migrated while we waited.
          if ((this.db.pragma('user_version', { simple: true }) as number) > i) return;
          this.db.exec(MIGRATIONS[i]!);
          this.db.pragma(`user_version = ${i + 1}`);
        })
        .immediate();
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

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
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
    ).run({ ...s, workspaceId: s.workspaceId ?? null });
  }

  async getSchedule(ch: ChannelRef): Promise<ScheduleRecord | undefined> {
    const row = this.sql('SELECT * FROM schedules WHERE platform = ? AND channel_id = ?').get(ch.platform, ch.channelId) as Row | undefined;
    return row && toSchedule(row);
  }

  async setSchedulePing(ch: ChannelRef, ping: string | undefined): Promise<boolean> {
    return this.sql('UPDATE schedules SET ping = ? WHERE platform = ? AND channel_id = ?').run(ping ?? null, ch.platform, ch.channelId).changes === 1;
  }

  async deleteSchedule(ch: ChannelRef): Promise<boolean> {
    return this.sql('DELETE FROM schedules WHERE platform = ? AND channel_id = ?').run(ch.platform, ch.channelId).changes > 0;
  }

  /** One process per SQLite file: there are no leases to give back. */
  async releaseSchedules(): Promise<number> {
    return 0;
  }

  async dueSchedules(now: number, platforms: readonly Platform[], limit: number): Promise<ScheduleRecord[]> {
    if (platforms.length === 0) return [];
    const rows = this.sql(`SELECT * FROM schedules WHERE next_run_at <= ? AND platform IN (${platforms.map(() => '?').join(',')}) ORDER BY next_run_at LIMIT ?`).all(now, ...platforms, limit) as Row[];
    return rows.map(toSchedule);
  }

  async advanceSchedule(ch: ChannelRef, expected: number, next: number): Promise<boolean> {
    return this.sql('UPDATE schedules SET next_run_at = ? WHERE platform = ? AND channel_id = ? AND next_run_at = ?').run(next, ch.platform, ch.channelId, expected).changes === 1;
  }

  // Posts and answers live in sqlite-posts.ts.
  private readonly posts: SqlitePostTables;
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
    const row = this.sql('SELECT * FROM reviews WHERE platform = ? AND user_id = ? AND item_id = ?').get(who.platform, who.userId, itemId) as Row | undefined;
    return row && toReview(row);
  }

  async putReview(r: ReviewRecord): Promise<void> {
    this.sql(
      `INSERT INTO reviews (platform, user_id, item_id, box, due_at, last_answered_at, right_count, wrong_count)
         VALUES (@platform, @userId, @itemId, @box, @dueAt, @lastAnsweredAt, @rightCount, @wrongCount)
         ON CONFLICT (platform, user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
           last_answered_at = excluded.last_answered_at, right_count = excluded.right_count, wrong_count = excluded.wrong_count`,
    ).run(r);
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

  // Reminders live in sqlite-reminders.ts.
  private readonly reminders = new SqliteReminderTables((text) => this.sql(text));
  getReminder = (who: LearnerRef) => this.reminders.getReminder(who);
  putReminder = (r: ReminderRecord) => this.reminders.putReminder(r);
  dueReminders = (now: number, platforms: readonly Platform[], limit: number) => this.reminders.dueReminders(now, platforms, limit);
  claimReminder = (who: LearnerRef, expected: number, next: number) => this.reminders.claimReminder(who, expected, next);
  stopReminder = (who: LearnerRef, reason: string | undefined, at: number) => this.reminders.stopReminder(who, reason, at);

  // Installations and removed workspaces live in sqlite-installations.ts.
  private get installs() {
    return (this.installTables ??= new SqliteInstallationTables(this.db, (text) => this.sql(text)));
  }
  private installTables?: SqliteInstallationTables;
  putInstallation = (r: InstallationRecord) => this.installs.putInstallation(r);
  getInstallation = (platform: Platform, workspaceId: string) => this.installs.getInstallation(platform, workspaceId);
  removeWorkspace = (platform: Platform, workspaceId: string, at: number) => this.installs.removeWorkspace(platform, workspaceId, at);
  removalsBefore = (before: number) => this.installs.removalsBefore(before);
  deleteWorkspaceData = (platform: Platform | undefined, workspaceId: string) => this.installs.deleteWorkspaceData(platform, workspaceId);

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
    ).run(text, platform, at, at);
  }

  async gapReport(limit: number): Promise<GapRow[]> {
    const rows = this.sql('SELECT text, SUM(count) AS count, MAX(last_asked_at) AS last, GROUP_CONCAT(platform) AS platforms FROM gaps GROUP BY text ORDER BY count DESC, last DESC, text LIMIT ?').all(
      limit,
    ) as Row[];
    return rows.map((r) => ({ text: String(r.text), count: Number(r.count), lastAskedAt: Number(r.last), platforms: String(r.platforms).split(',').sort() }));
  }
}
