import { normalizeChat } from './smalltalk.ts';

/**
 * Follow-ups: messages that only make sense after the last answer ("tell me more", "why?",
 * "show me the command", "how do I keep it then?", "and for VMs?"). They are read here, before
 * the matcher, and resolved against the concept the conversation is about.
 *
 * - more / example / quiz: continue the current concept.
 * - about: a question that points back at it ("how do I keep it then?"); the matcher reads it
 *   with the concept's name in place of the pronoun.
 * - other: a short question about something else ("and for VMs?"); answered on its own, and
 *   read beside the current concept when it names nothing on its own.
 * - compare: "what's the difference with bind mounts?" is read as "<current> vs bind mounts".
 */
export type FollowUp =
  | { kind: 'more' }
  | { kind: 'example' }
  | { kind: 'quiz' }
  | { kind: 'about'; query: (title: string) => string; howTo: boolean }
  | { kind: 'other'; subject: string }
  | { kind: 'compare'; subject: string };

const MORE =
  /^(tell me more|more|more please|more info|go on|continue|keep going|explain more|explain further|explain (it|that|this)( again| more| further)?|explain|details|more details|elaborate|expand|why|why so|why is that|how come|but why|really|what do you mean|meaning|and)$/;
const EXAMPLE =
  /^((show|give) me (an |a |the )?(example|command|commands|code)s?|(an |the )?example|examples|example please|(the )?commands?|what'?s the command|what is the command|which command|show me|show me how|how|how do i do (it|that|this)|how do i run (it|that|this)|syntax)$/;
const QUIZ = /^((quiz|test) me( on (that|this|it))?|(quiz|test) me please|give me a (quiz|question)( on (that|this|it))?|ask me a question( about (that|this|it))?)$/;
const COMPARE =
  /^(what'?s|what is|whats) the difference (with|from|to|between (it|that|this) and) (.+)$|^how (is|does) (it|that|this) (differ|compare) (from|to|with) (.+)$|^(versus|vs\.?|compared to|compare (it|that|this) (to|with)) (.+)$/;
const OTHER = /^(and|what about|how about|and what about|and how about|same)( for| with| in| on)? (.{2,60})$/;
const POINTER = /\b(it|that|this|them|those|these|they)\b/;

export function parseFollowUp(text: string): FollowUp | null {
  const t = normalizeChat(text);
  if (!t || t.length > 120) return null;
  if (MORE.test(t)) return { kind: 'more' };
  if (EXAMPLE.test(t)) return { kind: 'example' };
  if (QUIZ.test(t)) return { kind: 'quiz' };
  const cmp = COMPARE.exec(t);
  if (cmp) {
    const subject = (cmp[4] ?? cmp[9] ?? cmp[13] ?? '').trim();
    if (subject) return { kind: 'compare', subject };
  }
  const other = OTHER.exec(t);
  if (other) return { kind: 'other', subject: other[3]!.trim() };
  // A short question that points back ("how do I keep it then?"): words of its own plus a pointer.
  const words = t.split(' ');
  if (words.length <= 7 && POINTER.test(t)) {
    return { kind: 'about', query: (title) => t.replace(POINTER, title).replace(/\bthen\b/g, ' '), howTo: /^how (do|can|should|would) (i|you|we)\b|^how to\b/.test(t) };
  }
  return null;
}
