import type { Platform } from '../adapter-api/request.ts';
import type { PostRecord, ReviewRecord, ScheduleRecord } from './types.ts';

/** A row as the driver returns it; the mappers below turn rows into records (shared by SQLite and Postgres). */
export type Row = Record<string, unknown>;

export function toSchedule(r: Row): ScheduleRecord {
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
    ...(r.ping != null ? { ping: String(r.ping) } : {}),
  };
}

export function toPost(r: Row): PostRecord {
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

export function toReview(r: Row): ReviewRecord {
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
