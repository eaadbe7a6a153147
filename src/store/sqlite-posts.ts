import type Database from 'better-sqlite3';
import type { Platform } from '../adapter-api/request.ts';
import { toPost, type Row } from './rows.ts';
import type { AnswerRecord, AnswerStore, ChannelRef, LearnerRef, PostClaim, PostRecord, PostStore, ScoreRow } from './types.ts';

/** SQL for posts (the exactly-once claims) and their answers. SqliteStore delegates to it. */
export class SqlitePostTables implements PostStore, AnswerStore {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: (text: string) => Database.Statement,
  ) {}

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
    return (
      this.sql("UPDATE posts SET claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ? AND claimed_at = ?").run(claimedBy, at, from.id, from.claimedBy, from.claimedAt)
        .changes === 1
    );
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
    const rows = this.sql(
      `SELECT * FROM posts WHERE closed_at IS NULL AND closes_at <= ? AND status IN ('sent', 'abandoned') AND platform IN (${platforms.map(() => '?').join(',')}) ORDER BY closes_at LIMIT ?`,
    ).all(now, ...platforms, limit) as Row[];
    return rows.map(toPost);
  }

  async claimClose(id: number, at: number): Promise<boolean> {
    return this.sql('UPDATE posts SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id).changes === 1;
  }

  async channelPosts(ch: ChannelRef): Promise<PostRecord[]> {
    const rows = this.sql("SELECT * FROM posts WHERE platform = ? AND channel_id = ? AND status IN ('sent', 'abandoned') ORDER BY slot_at").all(ch.platform, ch.channelId) as Row[];
    return rows.map(toPost);
  }

  async channelPlatforms(channelId: string): Promise<string[]> {
    const rows = this.sql('SELECT platform FROM posts WHERE channel_id = ? UNION SELECT platform FROM schedules WHERE channel_id = ? ORDER BY platform').all(channelId, channelId) as Row[];
    return rows.map((r) => String(r.platform));
  }

  async channelItemCounts(ch: ChannelRef): Promise<Map<string, number>> {
    const rows = this.sql("SELECT item_id, COUNT(*) AS n FROM posts WHERE platform = ? AND channel_id = ? AND status <> 'failed' GROUP BY item_id").all(ch.platform, ch.channelId) as Row[];
    return new Map(rows.map((r) => [String(r.item_id), Number(r.n)]));
  }

  async channelConceptMisses(ch: ChannelRef): Promise<{ conceptId: string; wrong: number; total: number }[]> {
    const rows = this.sql(
      'SELECT p.concept_id, SUM(1 - a.correct) AS wrong, COUNT(*) AS total FROM answers a JOIN posts p ON p.id = a.post_id WHERE p.platform = ? AND p.channel_id = ? GROUP BY p.concept_id',
    ).all(ch.platform, ch.channelId) as Row[];
    return rows.map((r) => ({ conceptId: String(r.concept_id), wrong: Number(r.wrong), total: Number(r.total) }));
  }

  async recordAnswer(a: AnswerRecord): Promise<{ recorded: boolean; first: AnswerRecord }> {
    const res = this.sql('INSERT INTO answers (post_id, user_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (post_id, user_id) DO NOTHING').run(
      a.postId,
      a.userId,
      a.choice,
      a.correct ? 1 : 0,
      a.answeredAt,
    );
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
    ).all(ch.platform, ch.channelId, since ?? Number.MIN_SAFE_INTEGER, limit) as Row[];
    return rows.map((r) => ({ userId: String(r.user_id), points: Number(r.points), answered: Number(r.answered) }));
  }

  async answeredPostIds(ch: ChannelRef, userId: string): Promise<Set<number>> {
    const rows = this.sql('SELECT a.post_id FROM answers a JOIN posts p ON p.id = a.post_id WHERE a.user_id = ? AND p.platform = ? AND p.channel_id = ?').all(
      userId,
      ch.platform,
      ch.channelId,
    ) as Row[];
    return new Set(rows.map((r) => Number(r.post_id)));
  }

  async answeredChannels(who: LearnerRef): Promise<string[]> {
    const rows = this.sql('SELECT DISTINCT p.channel_id FROM answers a JOIN posts p ON p.id = a.post_id WHERE a.user_id = ? AND p.platform = ? ORDER BY p.channel_id').all(
      who.userId,
      who.platform,
    ) as Row[];
    return rows.map((r) => String(r.channel_id));
  }
}
