import type pg from 'pg';
import type { Platform } from '../adapter-api/request.ts';
import { toPost, type Row } from './rows.ts';
import type { AnswerRecord, AnswerStore, ChannelRef, LearnerRef, PostClaim, PostRecord, PostStore, ScoreRow } from './types.ts';

type Query = Pick<pg.Pool, 'query'>;

/** Run `fn` in one transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Posts (the exactly-once claims) and their answers in Postgres. PgStore delegates to it. */
export class PgPostTables implements PostStore, AnswerStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(text: string, params: unknown[] = [], on: Query = this.pool): Promise<Row[]> {
    return (await on.query(text, params)).rows as Row[];
  }

  private async changed(text: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(text, params)).rowCount ?? 0;
  }

  async claimPost(c: PostClaim): Promise<PostRecord | undefined> {
    return (await this.claimPosts([c]))[0];
  }

  async claimPosts(claims: readonly PostClaim[]): Promise<(PostRecord | undefined)[]> {
    if (claims.length === 0) return [];
    if (claims.length === 1) return [await this.claimOne(this.pool, claims[0]!)];
    return inTransaction(this.pool, async (client) => {
      const out: (PostRecord | undefined)[] = [];
      for (const c of claims) out.push(await this.claimOne(client, c));
      return out;
    });
  }

  /**
   * One statement (so one round trip, atomic on its own): lock the schedule row, skipping it if
   * another replica is claiming it right now; move next_run_at only if it is still what the
   * claimer read; insert the post unless the slot was posted before; and close no later than
   * this slot an earlier quiz still open in the channel ("closes at the next post").
   */
  private async claimOne(on: Query, c: PostClaim): Promise<PostRecord | undefined> {
    const rows = await this.rows(CLAIM_SQL, [c.platform, c.channelId, c.expectedNextRunAt, c.nextRunAt, c.slotAt, c.zone, c.itemId, c.conceptId, c.claimedAt, c.claimedBy, c.closesAt], on);
    return rows[0] && toPost(rows[0]);
  }

  async markPostSent(id: number, messageId: string, at: number): Promise<void> {
    await this.pool.query("UPDATE posts SET status = 'sent', message_id = $1, sent_at = $2, error = NULL WHERE id = $3", [messageId, at, id]);
  }

  async markPostFailed(id: number, error: string): Promise<void> {
    await this.pool.query("UPDATE posts SET status = 'failed', error = $1 WHERE id = $2 AND status = 'claimed'", [error.replaceAll('\u0000', '').slice(0, 500), id]);
  }

  async abandonStaleClaims(before: number, exceptClaimedBy: string): Promise<PostRecord[]> {
    const rows = await this.rows("UPDATE posts SET status = 'abandoned' WHERE status = 'claimed' AND claimed_at < $1 AND claimed_by <> $2 RETURNING *", [before, exceptClaimedBy]);
    return rows.map(toPost).sort((a, b) => a.id - b.id);
  }

  async unconfirmedClaims(exceptClaimedBy: string, limit: number): Promise<PostRecord[]> {
    return (await this.rows("SELECT * FROM posts WHERE status = 'claimed' AND claimed_by <> $1 ORDER BY claimed_at, id LIMIT $2", [exceptClaimedBy, limit])).map(toPost);
  }

  async takeOverClaim(from: PostRecord, claimedBy: string, at: number): Promise<boolean> {
    return (
      (await this.changed("UPDATE posts SET claimed_by = $1, claimed_at = $2 WHERE id = $3 AND status = 'claimed' AND claimed_by = $4 AND claimed_at = $5", [
        claimedBy,
        at,
        from.id,
        from.claimedBy,
        from.claimedAt,
      ])) === 1
    );
  }

  async renewClaim(id: number, claimedBy: string, at: number): Promise<boolean> {
    return (await this.changed("UPDATE posts SET claimed_at = $1 WHERE id = $2 AND status = 'claimed' AND claimed_by = $3", [at, id, claimedBy])) === 1;
  }

  async abandonClaim(id: number, claimedBy: string): Promise<boolean> {
    return (await this.changed("UPDATE posts SET status = 'abandoned' WHERE id = $1 AND status = 'claimed' AND claimed_by = $2", [id, claimedBy])) === 1;
  }

  async getPost(id: number): Promise<PostRecord | undefined> {
    const row = (await this.rows('SELECT * FROM posts WHERE id = $1', [id]))[0];
    return row && toPost(row);
  }

  async dueClosings(now: number, platforms: readonly Platform[], limit: number): Promise<PostRecord[]> {
    if (platforms.length === 0) return [];
    const rows = await this.rows("SELECT * FROM posts WHERE closed_at IS NULL AND closes_at <= $1 AND status IN ('sent', 'abandoned') AND platform = ANY($2::text[]) ORDER BY closes_at LIMIT $3", [
      now,
      platforms,
      limit,
    ]);
    return rows.map(toPost);
  }

  async claimClose(id: number, at: number): Promise<boolean> {
    return (await this.changed('UPDATE posts SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL', [at, id])) === 1;
  }

  async channelPosts(ch: ChannelRef): Promise<PostRecord[]> {
    return (await this.rows("SELECT * FROM posts WHERE platform = $1 AND channel_id = $2 AND status IN ('sent', 'abandoned') ORDER BY slot_at", [ch.platform, ch.channelId])).map(toPost);
  }

  async channelPlatforms(channelId: string): Promise<string[]> {
    const rows = await this.rows('SELECT platform FROM posts WHERE channel_id = $1 UNION SELECT platform FROM schedules WHERE channel_id = $1 ORDER BY platform', [channelId]);
    return rows.map((r) => String(r.platform));
  }

  async channelItemCounts(ch: ChannelRef): Promise<Map<string, number>> {
    const rows = await this.rows("SELECT item_id, COUNT(*) AS n FROM posts WHERE platform = $1 AND channel_id = $2 AND status <> 'failed' GROUP BY item_id", [ch.platform, ch.channelId]);
    return new Map(rows.map((r) => [String(r.item_id), Number(r.n)]));
  }

  async channelConceptMisses(ch: ChannelRef): Promise<{ conceptId: string; wrong: number; total: number }[]> {
    const rows = await this.rows(
      'SELECT p.concept_id, SUM(1 - a.correct) AS wrong, COUNT(*) AS total FROM answers a JOIN posts p ON p.id = a.post_id WHERE p.platform = $1 AND p.channel_id = $2 GROUP BY p.concept_id',
      [ch.platform, ch.channelId],
    );
    return rows.map((r) => ({ conceptId: String(r.concept_id), wrong: Number(r.wrong), total: Number(r.total) }));
  }

  async recordAnswer(a: AnswerRecord): Promise<{ recorded: boolean; first: AnswerRecord }> {
    const n = await this.changed('INSERT INTO answers (post_id, user_id, choice, correct, answered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (post_id, user_id) DO NOTHING', [
      a.postId,
      a.userId,
      a.choice,
      a.correct ? 1 : 0,
      a.answeredAt,
    ]);
    if (n === 1) return { recorded: true, first: a };
    const row = (await this.rows('SELECT * FROM answers WHERE post_id = $1 AND user_id = $2', [a.postId, a.userId]))[0]!;
    return {
      recorded: false,
      first: { postId: Number(row.post_id), userId: String(row.user_id), choice: Number(row.choice), correct: Number(row.correct) === 1, answeredAt: Number(row.answered_at) },
    };
  }

  async answerTally(postId: number): Promise<{ total: number; correct: number }> {
    const row = (await this.rows('SELECT COUNT(*) AS total, COALESCE(SUM(correct), 0) AS correct FROM answers WHERE post_id = $1', [postId]))[0]!;
    return { total: Number(row.total), correct: Number(row.correct) };
  }

  async scoreboard(ch: ChannelRef, since: number | undefined, limit: number): Promise<ScoreRow[]> {
    // COLLATE "C": ties break by user id in byte order, as in SQLite.
    const rows = await this.rows(
      `SELECT a.user_id, SUM(a.correct) AS points, COUNT(*) AS answered FROM answers a JOIN posts p ON p.id = a.post_id
       WHERE p.platform = $1 AND p.channel_id = $2 AND p.slot_at >= $3
       GROUP BY a.user_id ORDER BY points DESC, answered ASC, a.user_id COLLATE "C" ASC LIMIT $4`,
      [ch.platform, ch.channelId, since ?? Number.MIN_SAFE_INTEGER, limit],
    );
    return rows.map((r) => ({ userId: String(r.user_id), points: Number(r.points), answered: Number(r.answered) }));
  }

  async answeredPostIds(ch: ChannelRef, userId: string): Promise<Set<number>> {
    const rows = await this.rows('SELECT a.post_id FROM answers a JOIN posts p ON p.id = a.post_id WHERE a.user_id = $1 AND p.platform = $2 AND p.channel_id = $3', [
      userId,
      ch.platform,
      ch.channelId,
    ]);
    return new Set(rows.map((r) => Number(r.post_id)));
  }

  async answeredChannels(who: LearnerRef): Promise<string[]> {
    const rows = await this.rows('SELECT DISTINCT p.channel_id FROM answers a JOIN posts p ON p.id = a.post_id WHERE a.user_id = $1 AND p.platform = $2 ORDER BY p.channel_id', [
      who.userId,
      who.platform,
    ]);
    return rows.map((r) => String(r.channel_id));
  }
}

const CLAIM_SQL = `
  WITH locked AS (
    SELECT 1 FROM schedules WHERE platform = $1 AND channel_id = $2 AND next_run_at = $3 FOR UPDATE SKIP LOCKED
  ), moved AS (
    UPDATE schedules SET next_run_at = $4 WHERE platform = $1 AND channel_id = $2 AND next_run_at = $3 AND EXISTS (SELECT 1 FROM locked) RETURNING 1
  ), inserted AS (
    INSERT INTO posts (platform, channel_id, slot_at, zone, item_id, concept_id, status, claimed_at, claimed_by, closes_at)
    SELECT $1, $2, $5, $6, $7, $8, 'claimed', $9, $10, $11 WHERE EXISTS (SELECT 1 FROM moved)
    ON CONFLICT (platform, channel_id, slot_at) DO NOTHING RETURNING *
  ), closed AS (
    UPDATE posts SET closes_at = LEAST(closes_at, $5)
    WHERE platform = $1 AND channel_id = $2 AND closed_at IS NULL AND EXISTS (SELECT 1 FROM inserted) RETURNING 1
  )
  SELECT * FROM inserted`;
