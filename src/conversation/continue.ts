import type { Requester } from '../adapter-api/request.ts';
import { echo } from '../reply/echo.ts';
import { exampleReply, firstAnswer, moreReply } from '../reply/first-answer.ts';
import { noticeReply } from '../reply/build.ts';
import type { Reply } from '../reply/types.ts';
import type { ConversationRecord } from '../store/chat-types.ts';
import type { ContentPack } from '../content/model.ts';
import type { MatchResult } from '../match/matcher.ts';
import type { QuizFeatures } from '../quiz/features.ts';

/** What a follow-up uses of the tutor (the Tutor class satisfies it). */
interface FollowUpTutor {
  readonly pack: ContentPack;
  readonly quiz: QuizFeatures;
  match(text: string): MatchResult;
}
import type { FollowUp } from './followup.ts';

/**
 * Answer a follow-up against what the conversation is about. Returns undefined when it does not
 * resolve to anything better than reading the text as a new question.
 */
export async function answerFollowUp(tutor: FollowUpTutor, fu: FollowUp, state: ConversationRecord | undefined, text: string, who: Requester): Promise<Reply | undefined> {
  const current = state ? tutor.pack.byId.get(state.conceptId) : undefined;
  if (!current) {
    if (fu.kind === 'more' || fu.kind === 'example' || fu.kind === 'quiz') {
      return noticeReply('More about what?', `I'm not sure what ${echo(text, 40)} refers to: we have not talked about a topic in the last while. Ask a question first, like "what is a volume?".`);
    }
    return undefined;
  }
  switch (fu.kind) {
    case 'more':
      return { ...moreReply(current, tutor.pack), inPlace: false };
    case 'example':
      return { ...exampleReply(current, tutor.pack), inPlace: false };
    case 'quiz':
      return tutor.quiz.practiceConcept(current.id, who);
    case 'compare': {
      const hit = tutor.match(`${current.title} vs ${fu.subject}`).best ?? tutor.match(fu.subject).best;
      return hit ? answerConcept(tutor, hit.conceptId, `${current.title} vs ${fu.subject}`) : undefined;
    }
    case 'other': {
      const own = tutor.match(fu.subject).best;
      const hit = own ?? tutor.match(`${current.title} ${fu.subject}`).best;
      return hit ? answerConcept(tutor, hit.conceptId, text) : undefined;
    }
    case 'about': {
      // A short question that names its topic outright ("is it safe to run docker as root?") is
      // a new question; only a weak reading on its own makes the pointer mean the last concept.
      const own = tutor.match(text).best;
      if (own && own.conceptId !== current.id && own.confidence >= SURE) return answerConcept(tutor, own.conceptId, text);
      const result = tutor.match(fu.query(current.title));
      let id = result.best?.conceptId;
      // "How do I keep it then?" right after an answer asks for the next step, not the same
      // lesson again: a related concept the matcher also saw in the question comes first.
      if (fu.howTo && id === current.id) id = result.alternatives.find((s) => current.related.includes(s.conceptId))?.conceptId ?? id;
      if (!id) return fu.howTo ? { ...exampleReply(current, tutor.pack), inPlace: false } : undefined;
      if (id === current.id && fu.howTo) return { ...exampleReply(current, tutor.pack), inPlace: false };
      return answerConcept(tutor, id, text);
    }
  }
}

/** A match this confident on the text alone is taken as it stands, pointer or not. */
const SURE = 0.95;

function answerConcept(tutor: FollowUpTutor, conceptId: string, question: string): Reply | undefined {
  const c = tutor.pack.byId.get(conceptId);
  return c ? firstAnswer(c, tutor.pack, { question }) : undefined;
}
