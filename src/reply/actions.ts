/**
 * Button payloads. Every platform caps them (Discord custom_id: 100 chars), so they are short
 * prefixed strings rather than JSON. Adapters pass them back to the core untouched.
 */
export type TutorAction =
  | { type: 'explain'; conceptId: string }
  | { type: 'share'; conceptId: string }
  /** Share a leaderboard in the channel it was asked in. */
  | { type: 'share-leaderboard'; period: 'week' | 'month' | 'all' }
  | { type: 'more'; conceptId: string }
  | { type: 'example'; conceptId: string }
  | { type: 'quiz-concept'; conceptId: string }
  | { type: 'feedback'; conceptId: string; helpful: boolean }
  | { type: 'feedback-note'; conceptId: string }
  /** `askId`: the stored practice question it answers (one answer each); absent on older buttons. */
  | { type: 'practice-answer'; itemId: string; choice: number; askId?: number }
  | { type: 'post-answer'; postId: number; choice: number }
  | { type: 'next-practice' }
  /** Start the learner's spaced review (App Home's Start review). */
  | { type: 'review' }
  /** Turn the learner's daily reminders off (the Stop reminders button in a reminder). */
  | { type: 'stop-reminders' }
  | { type: 'topics'; page: number };

export const MAX_ACTION_LENGTH = 100;

export function encodeAction(a: TutorAction): string {
  let s: string;
  switch (a.type) {
    case 'explain':
      s = `c:${a.conceptId}`;
      break;
    case 'share':
      s = `s:${a.conceptId}`;
      break;
    case 'share-leaderboard':
      s = `b:${a.period}`;
      break;
    case 'more':
      s = `m:${a.conceptId}`;
      break;
    case 'example':
      s = `x:${a.conceptId}`;
      break;
    case 'quiz-concept':
      s = `q:${a.conceptId}`;
      break;
    case 'feedback':
      s = `f:${a.conceptId}:${a.helpful ? 'u' : 'd'}`;
      break;
    case 'feedback-note':
      s = `g:${a.conceptId}`;
      break;
    case 'practice-answer':
      s = `p:${a.itemId}:${a.choice}${a.askId !== undefined ? `:${a.askId}` : ''}`;
      break;
    case 'post-answer':
      s = `k:${a.postId}:${a.choice}`;
      break;
    case 'next-practice':
      s = 'n:';
      break;
    case 'topics':
      s = `t:${a.page}`;
      break;
    case 'review':
      s = 'r:';
      break;
    case 'stop-reminders':
      s = 'o:';
      break;
  }
  if (s.length > MAX_ACTION_LENGTH) throw new Error(`action too long (${s.length} > ${MAX_ACTION_LENGTH}): ${s}`);
  return s;
}

/** Buttons that post the private reply they sit on visibly (the adapter then replaces the private copy). */
export function isShareAction(a: TutorAction | null): boolean {
  return a?.type === 'share' || a?.type === 'share-leaderboard';
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Returns null for anything malformed: payloads come back from the network. */
export function decodeAction(raw: string): TutorAction | null {
  if (typeof raw !== 'string' || raw.length > MAX_ACTION_LENGTH) return null;
  const [tag, ...rest] = raw.split(':');
  const body = rest.join(':');
  switch (tag) {
    case 'c':
    case 's':
      if (!SLUG.test(body)) return null;
      return { type: tag === 'c' ? 'explain' : 'share', conceptId: body };
    case 'm':
    case 'x':
    case 'q':
    case 'g': {
      if (!SLUG.test(body)) return null;
      const type = ({ m: 'more', x: 'example', q: 'quiz-concept', g: 'feedback-note' } as const)[tag];
      return { type, conceptId: body };
    }
    case 'f': {
      const m = /^([a-z0-9-]+):([ud])$/.exec(body);
      if (!m || !SLUG.test(m[1]!)) return null;
      return { type: 'feedback', conceptId: m[1]!, helpful: m[2] === 'u' };
    }
    case 'p': {
      const m = /^([a-z0-9-]+):(\d)(?::(\d{1,15}))?$/.exec(body);
      if (!m) return null;
      return { type: 'practice-answer', itemId: m[1]!, choice: Number(m[2]), ...(m[3] ? { askId: Number(m[3]) } : {}) };
    }
    case 'k': {
      const m = /^(\d{1,15}):(\d)$/.exec(body);
      if (!m) return null;
      return { type: 'post-answer', postId: Number(m[1]), choice: Number(m[2]) };
    }
    case 'b':
      return body === 'week' || body === 'month' || body === 'all' ? { type: 'share-leaderboard', period: body } : null;
    case 'n':
      return { type: 'next-practice' };
    case 'r':
      return { type: 'review' };
    case 'o':
      return { type: 'stop-reminders' };
    case 't':
      return /^\d{1,4}$/.test(body) ? { type: 'topics', page: Number(body) } : null;
    default:
      return null;
  }
}
