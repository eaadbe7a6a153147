import type { ContentPack } from '../content/model.ts';
import type { Requester } from '../adapter-api/request.ts';
import type { ConversationMemory } from '../conversation/memory.ts';
import { encodeAction, type TutorAction } from '../reply/actions.ts';
import { noticeReply } from '../reply/build.ts';
import { stripInvisible } from '../reply/echo.ts';
import type { Reply } from '../reply/types.ts';
import type { FeedbackRecord } from '../store/chat-types.ts';

/** Where feedback is kept (the store's recordFeedback). */
export interface FeedbackSink {
  record(f: Omit<FeedbackRecord, 'at'>): Promise<void>;
}

const NOTE_MAX = 500;

/**
 * "Was this helpful?" 👍 is recorded at once. 👎 first asks what the person was looking for (a
 * form); the answer to it is recorded with the question and the concept given, never the user.
 */
export async function handleFeedback(
  action: Extract<TutorAction, { type: 'feedback' | 'feedback-note' }>,
  text: string,
  who: Requester,
  deps: { pack: ContentPack; memory: ConversationMemory; sink: FeedbackSink | undefined },
): Promise<Reply> {
  const concept = deps.pack.byId.get(action.conceptId);
  if (!concept) return noticeReply('Topic removed', 'That answer is about a topic I no longer have. Thanks anyway!');
  const state = await deps.memory.recall(who);
  const question = state?.conceptId === concept.id ? state.question : '';
  if (action.type === 'feedback' && !action.helpful) {
    const r = noticeReply('What were you looking for?', `Tell me what you hoped to learn about ${concept.title}.`);
    r.form = {
      title: 'What were you looking for?',
      label: `What did you hope to learn? (answer: ${concept.title})`.slice(0, 45),
      placeholder: 'e.g. how to keep my data when the container is removed',
      submit: encodeAction({ type: 'feedback-note', conceptId: concept.id }),
    };
    return r;
  }
  const note = stripInvisible(text).replace(/\s+/g, ' ').trim().slice(0, NOTE_MAX);
  await deps.sink?.record({ platform: who.platform, conceptId: concept.id, question, helpful: action.type === 'feedback', ...(note ? { note } : {}) });
  return action.type === 'feedback' ? noticeReply('', 'Thanks, glad it helped! 👍') : noticeReply('', 'Thanks for telling me. Your note goes to the people who write my lessons (without your name).');
}
