import type Database from 'better-sqlite3';
import type { Platform } from '../adapter-api/request.ts';
import type { ReminderRecord, ReminderStore } from './reminder-types.ts';
import { toReminder } from './reminder-rows.ts';
import type { LearnerRef } from './types.ts';

type Row = Record<string, unknown>;

/** SQL for ReminderStore (the reminders table). SqliteStore delegates to it. */
export class SqliteReminderTables implements ReminderStore {
  constructor(private readonly sql: (text: string) => Database.Statement) {}

  async getReminder(who: LearnerRef): Promise<ReminderRecord | undefined> {
    const r = this.sql('SELECT * FROM reminders WHERE platform = ? AND user_id = ?').get(who.platform, who.userId) as Row | undefined;
    return r ? toReminder(r) : undefined;
  }

  async putReminder(r: ReminderRecord): Promise<void> {
    this.sql(
      `INSERT INTO reminders (platform, user_id, workspace_id, enabled, time, zone, next_at, stopped_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, user_id) DO UPDATE SET workspace_id = excluded.workspace_id, enabled = excluded.enabled, time = excluded.time,
         zone = excluded.zone, next_at = excluded.next_at, stopped_reason = excluded.stopped_reason, updated_at = excluded.updated_at`,
    ).run(r.platform, r.userId, r.workspaceId ?? null, r.enabled ? 1 : 0, r.time, r.zone, r.nextAt, r.stoppedReason ?? null, r.updatedAt);
  }

  async dueReminders(now: number, platforms: readonly Platform[], limit: number): Promise<ReminderRecord[]> {
    if (platforms.length === 0) return [];
    const marks = platforms.map(() => '?').join(', ');
    const rows = this.sql(`SELECT * FROM reminders WHERE enabled = 1 AND next_at <= ? AND platform IN (${marks}) ORDER BY next_at LIMIT ?`).all(now, ...platforms, limit) as Row[];
    return rows.map(toReminder);
  }

  async claimReminder(who: LearnerRef, expected: number, next: number): Promise<boolean> {
    return this.sql('UPDATE reminders SET next_at = ? WHERE platform = ? AND user_id = ? AND enabled = 1 AND next_at = ?').run(next, who.platform, who.userId, expected).changes === 1;
  }

  async stopReminder(who: LearnerRef, reason: string | undefined, at: number): Promise<void> {
    this.sql('UPDATE reminders SET enabled = 0, stopped_reason = ?, updated_at = ? WHERE platform = ? AND user_id = ?').run(reason ?? null, at, who.platform, who.userId);
  }
}
