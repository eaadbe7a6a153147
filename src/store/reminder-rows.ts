import type { ReminderRecord } from './reminder-types.ts';

type Row = Record<string, unknown>;

/** A reminders row (SQLite or Postgres) as a record. */
export function toReminder(r: Row): ReminderRecord {
  return {
    platform: String(r.platform),
    userId: String(r.user_id),
    ...(r.workspace_id != null ? { workspaceId: String(r.workspace_id) } : {}),
    enabled: Number(r.enabled) === 1,
    time: String(r.time),
    zone: String(r.zone),
    nextAt: Number(r.next_at),
    ...(r.stopped_reason != null ? { stoppedReason: String(r.stopped_reason) } : {}),
    updatedAt: Number(r.updated_at),
  };
}
