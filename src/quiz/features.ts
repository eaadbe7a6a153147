import type { Requester } from '../adapter-api/request.ts';
import type { Reply } from '../reply/types.ts';
import type { TutorAction } from '../reply/actions.ts';

/**
 * Everything quiz-related the commands need. The tutor starts with the stateless version below;
 * the persistent one (scores, streaks, schedules, spaced review) plugs in through this interface.
 */
export interface QuizFeatures {
  practice(who: Requester): Promise<Reply>;
  /** A practice question about one concept ("Quiz me on this"). */
  practiceConcept(conceptId: string, who: Requester): Promise<Reply>;
  review(who: Requester): Promise<Reply>;
  answer(action: Extract<TutorAction, { type: 'practice-answer' | 'post-answer' }>, who: Requester): Promise<Reply>;
  leaderboard(args: string, who: Requester): Promise<Reply>;
  schedule(args: string, who: Requester): Promise<Reply>;
  /** The learner's own answers, accuracy per topic, streaks and reviews due. */
  stats?(who: Requester): Promise<Reply>;
  /** Post the channel's next scheduled question now (channel managers); absent without scheduled quizzes. */
  postNow?(who: Requester): Promise<Reply>;
  /** Who the channel's quiz posts mention: `role` (with its id), `here`, `off` or `show`. */
  ping?(sub: string, role: string | undefined, who: Requester): Promise<Reply>;
}
