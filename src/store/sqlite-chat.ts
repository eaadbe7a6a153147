import type Database from 'better-sqlite3';
import type { ChatStore, ConversationRecord, FeedbackRecord, FeedbackRow } from './chat-types.ts';
import type { LearnerRef } from './types.ts';

type Row = Record<string, unknown>;

/** SQL for ChatStore (migration 2's tables). SqliteStore delegates to it. */
export class SqliteChatTables implements ChatStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async getConversation(key: string): Promise<ConversationRecord | undefined> {
    const r = this.sql('SELECT concept_id, question, updated_at FROM conversations WHERE key = ?').get(key) as Row | undefined;
    return r ? { conceptId: String(r.concept_id), question: String(r.question), updatedAt: Number(r.updated_at) } : undefined;
  }

  async putConversation(key: string, r: ConversationRecord): Promise<void> {
    this.sql(
      `INSERT INTO conversations (key, concept_id, question, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET concept_id = excluded.concept_id, question = excluded.question, updated_at = excluded.updated_at`,
    ).run(key, r.conceptId, r.question, r.updatedAt);
  }

  async pruneConversations(before: number): Promise<number> {
    return this.sql('DELETE FROM conversations WHERE updated_at < ?').run(before).changes;
  }

  async createPracticeAsk(who: LearnerRef, itemId: string, at: number): Promise<number> {
    return Number(this.sql('INSERT INTO practice_asks (platform, user_id, item_id, asked_at) VALUES (?, ?, ?, ?)').run(who.platform, who.userId, itemId, at).lastInsertRowid);
  }

  async answerPracticeAsk(id: number, who: LearnerRef, choice: number, at: number): Promise<{ recorded: boolean; itemId?: string; choice?: number }> {
    const changed = this.sql('UPDATE practice_asks SET choice = ?, answered_at = ? WHERE id = ? AND platform = ? AND user_id = ? AND choice IS NULL').run(
      choice,
      at,
      id,
      who.platform,
      who.userId,
    ).changes;
    const r = this.sql('SELECT item_id, choice FROM practice_asks WHERE id = ? AND platform = ? AND user_id = ?').get(id, who.platform, who.userId) as Row | undefined;
    if (!r) return { recorded: false };
    return { recorded: changed === 1, itemId: String(r.item_id), choice: Number(r.choice) };
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    this.sql('INSERT INTO feedback (platform, concept_id, question, helpful, note, at) VALUES (?, ?, ?, ?, ?, ?)').run(f.platform, f.conceptId, f.question, f.helpful ? 1 : 0, f.note ?? null, f.at);
  }

  async feedbackReport(limit: number): Promise<FeedbackRow[]> {
    const rows = this.sql('SELECT concept_id, SUM(helpful) AS up, SUM(1 - helpful) AS down FROM feedback GROUP BY concept_id ORDER BY down DESC, up ASC, concept_id LIMIT ?').all(limit) as Row[];
    const notes = this.sql("SELECT question, note, at FROM feedback WHERE concept_id = ? AND note IS NOT NULL AND note != '' ORDER BY at DESC, id DESC LIMIT 5");
    return rows.map((r) => ({
      conceptId: String(r.concept_id),
      up: Number(r.up),
      down: Number(r.down),
      notes: (notes.all(r.concept_id) as Row[]).map((n) => ({ question: String(n.question), note: String(n.note), at: Number(n.at) })),
    }));
  }
}
