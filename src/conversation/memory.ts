import { createHash } from 'node:crypto';
import type { Requester } from '../adapter-api/request.ts';
import type { ConversationStore, ConversationRecord } from '../store/chat-types.ts';

/**
 * What each person's conversation is about: the concept last answered and the question that led
 * there, for a while (CONVERSATION_MINUTES). A conversation is a Slack thread or DM, a Discord
 * channel or thread, a console session: one person's context never leaks into another's.
 */
export interface ConversationMemory {
  recall(who: Requester): Promise<ConversationRecord | undefined>;
  remember(who: Requester, conceptId: string, question: string): Promise<void>;
}

/** Hashed, so the store holds no readable user or channel ids for this. */
function conversationKey(who: Requester): string {
  return createHash('sha256')
    .update([who.platform, who.workspaceId ?? '', who.conversationId ?? who.channelId, who.userId].join('|'))
    .digest('base64url');
}

/** Kept in the store, so a restart does not forget. Old rows are pruned now and then. */
export class StoredMemory implements ConversationMemory {
  private writes = 0;

  constructor(
    private readonly store: ConversationStore,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async recall(who: Requester): Promise<ConversationRecord | undefined> {
    const r = await this.store.getConversation(conversationKey(who));
    return r && this.now() - r.updatedAt <= this.ttlMs ? r : undefined;
  }

  async remember(who: Requester, conceptId: string, question: string): Promise<void> {
    const now = this.now();
    await this.store.putConversation(conversationKey(who), { conceptId, question: question.slice(0, 500), updatedAt: now });
    if (++this.writes % 100 === 1) await this.store.pruneConversations(now - this.ttlMs);
  }
}

/** For a tutor without a store (tests, `tutor ask`): the same rules, in this process only. */
export class LocalMemory implements ConversationMemory {
  private readonly map = new Map<string, ConversationRecord>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async recall(who: Requester): Promise<ConversationRecord | undefined> {
    const r = this.map.get(conversationKey(who));
    return r && this.now() - r.updatedAt <= this.ttlMs ? r : undefined;
  }

  async remember(who: Requester, conceptId: string, question: string): Promise<void> {
    if (this.map.size > 10_000) this.map.clear();
    this.map.set(conversationKey(who), { conceptId, question: question.slice(0, 500), updatedAt: this.now() });
  }
}
