import type pg from 'pg';
import type { ChatStore, ConversationRecord, FeedbackRecord, FeedbackRow } from './chat-types.ts';
import { clean } from './pg-text.ts';
import type { LearnerRef } from './refs.ts';

type Row = Record<string, unknown>;

/** SQL for ChatStore (conversations, practice asks, feedback). PgStore delegates to it. */
export class PgChatTables implements ChatStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(text: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(text, params)).rows as Row[];
  }

  private async changed(text: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(text, params)).rowCount ?? 0;
  }

  async getConversation(key: string): Promise<ConversationRecord | undefined> {
    const r = (await this.rows('SELECT concept_id, question, updated_at FROM conversations WHERE key = $1', [key]))[0];
    return r ? { conceptId: String(r.concept_id), question: String(r.question), updatedAt: Number(r.updated_at) } : undefined;
  }

  async putConversation(key: string, r: ConversationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversations (key, concept_id, question, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET concept_id = excluded.concept_id, question = excluded.question, updated_at = excluded.updated_at`,
      [key, r.conceptId, clean(r.question), r.updatedAt],
    );
  }

  async pruneConversations(before: number): Promise<number> {
    return this.changed('DELETE FROM conversations WHERE updated_at < $1', [before]);
  }

  async createPracticeAsk(who: LearnerRef, itemId: string, at: number): Promise<number> {
    return Number((await this.rows('INSERT INTO practice_asks (platform, user_id, item_id, asked_at) VALUES ($1, $2, $3, $4) RETURNING id', [who.platform, who.userId, itemId, at]))[0]!.id);
  }

  async answerPracticeAsk(id: number, who: LearnerRef, choice: number, at: number): Promise<{ recorded: boolean; itemId?: string; choice?: number }> {
    const changed = await this.changed('UPDATE practice_asks SET choice = $1, answered_at = $2 WHERE id = $3 AND platform = $4 AND user_id = $5 AND choice IS NULL', [
      choice,
      at,
      id,
      who.platform,
      who.userId,
    ]);
    const r = (await this.rows('SELECT item_id, choice FROM practice_asks WHERE id = $1 AND platform = $2 AND user_id = $3', [id, who.platform, who.userId]))[0];
    if (!r) return { recorded: false };
    return { recorded: changed === 1, itemId: String(r.item_id), choice: Number(r.choice) };
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    await this.pool.query('INSERT INTO feedback (platform, concept_id, question, helpful, note, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      f.platform,
      f.conceptId,
      clean(f.question),
      f.helpful ? 1 : 0,
      f.note === undefined ? null : clean(f.note),
      f.at,
    ]);
  }

  async feedbackReport(limit: number): Promise<FeedbackRow[]> {
    const rows = await this.rows('SELECT concept_id, SUM(helpful) AS up, SUM(1 - helpful) AS down FROM feedback GROUP BY concept_id ORDER BY down DESC, up ASC, concept_id COLLATE "C" LIMIT $1', [
      limit,
    ]);
    const out: FeedbackRow[] = [];
    for (const r of rows) {
      const notes = await this.rows("SELECT question, note, at FROM feedback WHERE concept_id = $1 AND note IS NOT NULL AND note <> '' ORDER BY at DESC, id DESC LIMIT 5", [r.concept_id]);
      out.push({ conceptId: String(r.concept_id), up: Number(r.up), down: Number(r.down), notes: notes.map((n) => ({ question: String(n.question), note: String(n.note), at: Number(n.at) })) });
    }
    return out;
  }
}
