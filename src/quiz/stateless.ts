import type { ContentPack } from '../content/model.ts';
import type { Requester } from '../adapter-api/request.ts';
import { encodeAction, type TutorAction } from '../reply/actions.ts';
import { noticeReply, quizFeedbackReply, quizQuestionReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import type { QuizFeatures } from './features.ts';

/** Practice questions with no memory: random item, graded on the spot. Used when no store is configured. */
export class StatelessQuiz implements QuizFeatures {
  constructor(
    private readonly pack: ContentPack,
    private readonly random: () => number = Math.random,
  ) {}

  async practice(_who: Requester): Promise<Reply> {
    const items = this.pack.quizItems;
    if (items.length === 0) return noticeReply('No quiz yet', 'The loaded content has no quiz items.');
    const item = items[Math.floor(this.random() * items.length)]!;
    const concept = this.pack.byId.get(item.conceptId)!;
    return quizQuestionReply(item, concept, (choice) => encodeAction({ type: 'practice-answer', itemId: item.id, choice }));
  }

  async practiceConcept(conceptId: string, _who: Requester): Promise<Reply> {
    const concept = this.pack.byId.get(conceptId);
    const items = concept?.quiz ?? [];
    if (!concept || items.length === 0) return noticeReply('No quiz yet', 'There is no practice question on that topic yet.');
    const item = items[Math.floor(this.random() * items.length)]!;
    return quizQuestionReply(item, concept, (choice) => encodeAction({ type: 'practice-answer', itemId: item.id, choice }), 'Practice');
  }

  async review(who: Requester): Promise<Reply> {
    return this.practice(who);
  }

  async answer(action: Extract<TutorAction, { type: 'practice-answer' | 'post-answer' }>, who: Requester): Promise<Reply> {
    if (action.type !== 'practice-answer') return notAvailable('Channel quizzes');
    const item = this.pack.quizById.get(action.itemId);
    if (!item || action.choice >= item.choices.length) return noticeReply('Quiz expired', `That question is no longer in the quiz bank. Try \`${commandText(who.platform, 'quiz')}\` for a new one.`);
    return quizFeedbackReply(item, this.pack.byId.get(item.conceptId)!, action.choice);
  }

  async leaderboard(): Promise<Reply> {
    return notAvailable('The leaderboard');
  }

  async schedule(): Promise<Reply> {
    return notAvailable('Scheduled quizzes');
  }
}

function notAvailable(what: string): Reply {
  return noticeReply('Not available yet', `${what} need the quiz store, which is not enabled in this build yet.`);
}
