import type pg from 'pg';
import type { Platform } from '../adapter-api/request.ts';
import type { ReminderRecord, ReminderStore } from './reminder-types.ts';
import { toReminder } from './reminder-rows.ts';
import type { LearnerRef } from './types.ts';

type Row = Record<string, unknown>;

/** SQL for ReminderStore (the reminders table). PgStore delegates to it. */
export class PgReminderTables implements ReminderStore {
  constructor(private readonly pool: pg.Pool) {}

  async getReminder(who: LearnerRef): Promise<ReminderRecord | undefined> {
    const r = (await this.pool.query('SELECT * FROM reminders WHERE platform = $1 AND user_id = $2', [who.platform, who.userId])).rows[0] as Row | undefined;
    return r ? toReminder(r) : undefined;
  }

  async putReminder(r: ReminderRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO reminders (platform, user_id, workspace_id, enabled, time, zone, next_at, stopped_reason, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (platform, user_id) DO UPDATE SET workspace_id = excluded.workspace_id, enabled = excluded.enabled, time = excluded.time,
         zone = excluded.zone, next_at = excluded.next_at, stopped_reason = excluded.stopped_reason, updated_at = excluded.updated_at`,
      [r.platform, r.userId, r.workspaceId ?? null, r.enabled ? 1 : 0, r.time, r.zone, r.nextAt, r.stoppedReason ?? null, r.updatedAt],
    );
  }

  async dueReminders(now: number, platforms: readonly Platform[], limit: number): Promise<ReminderRecord[]> {
    if (platforms.length === 0) return [];
    const rows = (await this.pool.query('SELECT * FROM reminders WHERE enabled = 1 AND next_at <= $1 AND platform = ANY($2) ORDER BY next_at LIMIT $3', [now, platforms, limit])).rows as Row[];
    return rows.map(toReminder);
  }

  async claimReminder(who: LearnerRef, expected: number, next: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE reminders SET next_at = $1 WHERE platform = $2 AND user_id = $3 AND enabled = 1 AND next_at = $4', [next, who.platform, who.userId, expected]);
    return r.rowCount === 1;
  }

  async stopReminder(who: LearnerRef, reason: string | undefined, at: number): Promise<void> {
    await this.pool.query('UPDATE reminders SET enabled = 0, stopped_reason = $1, updated_at = $2 WHERE platform = $3 AND user_id = $4', [reason ?? null, at, who.platform, who.userId]);
  }
}
