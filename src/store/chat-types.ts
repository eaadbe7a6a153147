import type { Platform } from '../adapter-api/request.ts';
import type { LearnerRef } from './refs.ts';

/** What a conversation is about, for follow-ups. Keyed by platform, person and conversation. */
export interface ConversationRecord {
  conceptId: string;
  /** The question that led to it, as typed (kept with 👎 feedback). */
  question: string;
  updatedAt: number;
}

/** A 👍 or 👎 on an answer. No user id on purpose. */
export interface FeedbackRecord {
  platform: Platform;
  conceptId: string;
  question: string;
  helpful: boolean;
  note?: string;
  at: number;
}

export interface FeedbackRow {
  conceptId: string;
  up: number;
  down: number;
  /** The latest notes and the questions they were about, newest first. */
  notes: { question: string; note: string; at: number }[];
}

/** What each conversation is about, for follow-ups; shared by every process, with expiry. */
export interface ConversationStore {
  getConversation(key: string): Promise<ConversationRecord | undefined>;
  putConversation(key: string, r: ConversationRecord): Promise<void>;
  /** Drop conversations last touched before `before`; returns how many. */
  pruneConversations(before: number): Promise<number>;
}

/** One-answer personal practice questions. */
export interface PracticeStore {
  /** Record that a practice question was put to someone; its id goes into the answer buttons. */
  createPracticeAsk(who: LearnerRef, itemId: string, at: number): Promise<number>;
  /**
   * The first answer to an asked question wins. `recorded` false: answered before (its `choice`),
   * or not this person's question (`choice` undefined).
   */
  answerPracticeAsk(id: number, who: LearnerRef, choice: number, at: number): Promise<{ recorded: boolean; itemId?: string; choice?: number }>;
}

/** 👍/👎 on answers (no user ids). */
export interface FeedbackStore {
  recordFeedback(f: FeedbackRecord): Promise<void>;
  /** Per concept, most 👎 first. */
  feedbackReport(limit: number): Promise<FeedbackRow[]>;
}

/** The store's part for chat answers: conversation memory, one-answer practice, feedback. */
export interface ChatStore extends ConversationStore, PracticeStore, FeedbackStore {}
