import type { Platform } from '../adapter-api/request.ts';
import type { ChatStore, PracticeStore } from './chat-types.ts';
import type { InstallationStore } from './installation-types.ts';
import type { ReminderStore } from './reminder-types.ts';

/**
 * The bot's persistent state, one interface per role (consumers take only the role they use) and
 * `Store` as their combination. Methods are async because the Postgres store is; better-sqlite3
 * is synchronous underneath.
 * Times are epoch milliseconds. No SQL outside the implementation.
 */

export type { ChannelRef, LearnerRef } from './refs.ts';
import type { ChannelRef, LearnerRef } from './refs.ts';

export interface ScheduleRecord extends ChannelRef {
  workspaceId?: string;
  /** What people see, e.g. "weekdays 09:00". */
  label: string;
  /** The 5-field cron expression it means. */
  cron: string;
  zone: string;
  /** The next scheduled instant that has not been claimed yet. */
  nextRunAt: number;
  updatedBy: string;
  updatedAt: number;
  /** Who each post mentions: 'here' or 'role:<id>' (set with setSchedulePing; putSchedule keeps it). */
  ping?: string;
}

/**
 * claimed: a process took the slot and is sending it (claimedAt is its lease, renewed before each
 * attempt). sent: the platform confirmed it, or a check found it in the channel. failed: every
 * retry failed. abandoned: claimed by a process that never confirmed it, on a platform the core
 * cannot ask whether it arrived; it is not re-sent because it may have reached the channel.
 */
type PostStatus = 'claimed' | 'sent' | 'failed' | 'abandoned';

export interface PostRecord extends ChannelRef {
  id: number;
  /** The scheduled instant; (platform, channelId, slotAt) is unique. */
  slotAt: number;
  zone: string;
  itemId: string;
  conceptId: string;
  status: PostStatus;
  claimedAt: number;
  claimedBy: string;
  sentAt?: number;
  messageId?: string;
  closesAt: number;
  closedAt?: number;
}

export interface PostClaim extends ChannelRef {
  slotAt: number;
  zone: string;
  itemId: string;
  conceptId: string;
  claimedAt: number;
  claimedBy: string;
  closesAt: number;
  /** The schedule's nextRunAt the claimer read; the claim fails if another process moved it. */
  expectedNextRunAt: number;
  /** Where the schedule moves to once this slot is claimed. */
  nextRunAt: number;
}

export interface AnswerRecord {
  postId: number;
  userId: string;
  choice: number;
  correct: boolean;
  answeredAt: number;
}

export interface ScoreRow {
  userId: string;
  points: number;
  answered: number;
}

export interface ReviewRecord extends LearnerRef {
  itemId: string;
  /** Leitner box, 1 (missed) and up. */
  box: number;
  dueAt: number;
  lastAnsweredAt: number;
  rightCount: number;
  wrongCount: number;
}

export interface GapRow {
  text: string;
  count: number;
  lastAskedAt: number;
  platforms: string[];
}

/** Quiz schedules per channel. */
export interface ScheduleStore {
  putSchedule(s: ScheduleRecord): Promise<void>;
  getSchedule(ch: ChannelRef): Promise<ScheduleRecord | undefined>;
  /** Set (or, with undefined, clear) who the channel's posts mention; false when it has no schedule. */
  setSchedulePing(ch: ChannelRef, ping: string | undefined): Promise<boolean>;
  deleteSchedule(ch: ChannelRef): Promise<boolean>;
  /**
   * Schedules on these platforms whose nextRunAt <= now, earliest first. With `claimer`, a store
   * shared by replicas holds the returned rows for that process for a short lease, so the other
   * replicas' ticks skip them instead of planning them too; the claim itself still decides who posts.
   */
  dueSchedules(now: number, platforms: readonly Platform[], limit: number, claimer?: string): Promise<ScheduleRecord[]>;
  /** Give up `claimer`'s leases at once (a replica shutting down), so the others need not wait them out; how many. */
  releaseSchedules(claimer: string): Promise<number>;
  /** Move nextRunAt if it still equals `expected` (skipping missed slots). False if someone else moved it. */
  advanceSchedule(ch: ChannelRef, expected: number, next: number): Promise<boolean>;
}

/** Posts: the exactly-once claim, then the send outcome, then the close. */
export interface PostStore {
  /**
   * Atomically advance the schedule and insert the claim row. Undefined when another process
   * already claimed this slot or moved the schedule: the caller must not send.
   */
  claimPost(claim: PostClaim): Promise<PostRecord | undefined>;
  /** claimPost for many slots in one transaction (one disk sync); results in the same order. */
  claimPosts(claims: readonly PostClaim[]): Promise<(PostRecord | undefined)[]>;
  markPostSent(id: number, messageId: string, at: number): Promise<void>;
  markPostFailed(id: number, error: string): Promise<void>;
  /** Mark claims older than `before` made by other processes as abandoned, and return them. */
  abandonStaleClaims(before: number, exceptClaimedBy: string): Promise<PostRecord[]>;
  /** Claims still unconfirmed, made by any process other than `exceptClaimedBy`, oldest first. */
  unconfirmedClaims(exceptClaimedBy: string, limit: number): Promise<PostRecord[]>;
  /**
   * Take over an unconfirmed claim from a process that is gone: true only if it is still claimed by
   * `from.claimedBy` with lease `from.claimedAt` (so two recovering processes never both get it).
   */
  takeOverClaim(from: PostRecord, claimedBy: string, at: number): Promise<boolean>;
  /** Renew the lease on our own claim before an attempt; false when another process took it over. */
  renewClaim(id: number, claimedBy: string, at: number): Promise<boolean>;
  /** Mark a post abandoned when it is still claimed by `claimedBy`. */
  abandonClaim(id: number, claimedBy: string): Promise<boolean>;
  getPost(id: number): Promise<PostRecord | undefined>;
  /** Sent (or abandoned), still open posts whose closesAt <= now. */
  dueClosings(now: number, platforms: readonly Platform[], limit: number): Promise<PostRecord[]>;
  /** Close a post once: true for the caller that closed it. */
  claimClose(id: number, at: number): Promise<boolean>;
  /** Posts in a channel that reached it (sent or abandoned), oldest first. */
  channelPosts(ch: ChannelRef): Promise<PostRecord[]>;
  /** The platforms with a schedule or a quiz post for this channel id, sorted (for reports that were not told the platform). */
  channelPlatforms(channelId: string): Promise<Platform[]>;
  /** How often each item was put to the channel (failed posts excluded). */
  channelItemCounts(ch: ChannelRef): Promise<Map<string, number>>;
  /** Wrong and total channel answers per concept. */
  channelConceptMisses(ch: ChannelRef): Promise<{ conceptId: string; wrong: number; total: number }[]>;
}

/** Answers to channel posts, and the scores they make. */
export interface AnswerStore {
  /** Insert the first answer of a person to a post; `recorded` is false with the earlier answer otherwise. */
  recordAnswer(a: AnswerRecord): Promise<{ recorded: boolean; first: AnswerRecord }>;
  answerTally(postId: number): Promise<{ total: number; correct: number }>;
  /** Points (correct answers) per person for posts in the channel scheduled at or after `since`. */
  scoreboard(ch: ChannelRef, since: number | undefined, limit: number): Promise<ScoreRow[]>;
  /** The posts in a channel a person answered. */
  answeredPostIds(ch: ChannelRef, userId: string): Promise<Set<number>>;
  /** The channels (on the learner's platform) where a person answered any quiz post (reminders check their streaks). */
  answeredChannels(who: LearnerRef): Promise<string[]>;
}

/** Personal spaced review (Leitner boxes). */
export interface ReviewStore {
  getReview(who: LearnerRef, itemId: string): Promise<ReviewRecord | undefined>;
  putReview(r: ReviewRecord): Promise<void>;
  listReviews(who: LearnerRef): Promise<ReviewRecord[]>;
}

/** Files uploaded to a platform once (diagram PNGs), keyed by workspace and content hash. */
export interface UploadStore {
  getUpload(platform: Platform, workspaceId: string, contentKey: string): Promise<string | undefined>;
  /** Remember an uploaded file's id; a later upload of the same content replaces it. */
  putUpload(platform: Platform, workspaceId: string, contentKey: string, fileId: string, at: number): Promise<void>;
}

/** Content gaps: questions that matched nothing (no user ids). */
export interface GapStore {
  recordGap(text: string, platform: Platform, at: number): Promise<void>;
  gapReport(limit: number): Promise<GapRow[]>;
}

/** Chat events already handled (Slack event_id), shared by every process on the store. */
export interface SeenEventStore {
  /**
   * Record an event id; false when it was recorded before (a re-sent event: do not answer it again).
   * Ids older than `forgetBefore` are dropped.
   */
  rememberEvent(id: string, at: number, forgetBefore: number): Promise<boolean>;
}

/** The quiz's store: schedules, posts and answers together (the claim touches schedules and posts). */
export type QuizStore = ScheduleStore & PostStore & AnswerStore & ReviewStore & PracticeStore;

/** Every role together: what SQLite and Postgres implement. */
export interface Store extends ScheduleStore, PostStore, AnswerStore, ReviewStore, UploadStore, GapStore, SeenEventStore, ChatStore, InstallationStore, ReminderStore {
  /** One trivial query: throws when the database cannot be reached (for /readyz). */
  ping(): Promise<void>;
  close(): void | Promise<void>;
}
