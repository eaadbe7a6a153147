import type { Concept, ContentPack } from '../content/model.ts';
import type { ConceptHit } from '../match/matcher.ts';
import { encodeAction } from './actions.ts';
import { emptyReply, explainAction, hitsToActions, paragraphsOf, replyDiagram } from './build.ts';
import type { Reply, ReplyAction } from './types.ts';

/**
 * Answers sized for a chat: the first answer is short (title, summary, the table for a
 * comparison, one example for a "how do I"), and the rest comes on request through its buttons.
 */

/** The summary is cut to about this many words (at a sentence end when one is near). */
const SUMMARY_WORDS = 60;

export interface FirstAnswerOptions {
  /** The question as typed: a "how do I" gets one short example, a comparison the table. */
  question?: string;
  /** "Did you mean" hits to offer beside the answer. */
  suggestions?: readonly ConceptHit[];
}

const HOW_DO_I = /\b(how\s+(do|can|should|would|to)\b|how\s+i\b|command\b|show\s+me\b)/i;
/** An example short enough to sit in a first answer. */
const SHORT_EXAMPLE_LINES = 6;

function isHowDoI(question: string | undefined): boolean {
  return !!question && HOW_DO_I.test(question);
}

export function firstAnswer(concept: Concept, pack: ContentPack, opts: FirstAnswerOptions = {}): Reply {
  const r = base(concept, pack, concept.table ? 'comparison' : 'answer');
  r.paragraphs = [clipWords(concept.summary, SUMMARY_WORDS)];
  // Comparison entries are the ones with a table; their first answer always carries it.
  if (concept.table) r.table = tableOf(concept);
  if (isHowDoI(opts.question)) {
    const ex = concept.examples.find((e) => e.code.split('\n').length <= SHORT_EXAMPLE_LINES) ?? concept.examples[0];
    if (ex) r.code = [{ caption: ex.caption, code: ex.code, ...(ex.language ? { language: ex.language } : {}) }];
  }
  r.suggestions = hitsToActions((opts.suggestions ?? []).filter((s) => s.conceptId !== concept.id && !concept.related.includes(s.conceptId)));
  r.extra = continueButtons(concept, { more: true, example: r.code.length === 0 || concept.examples.length > 1 });
  withDiagram(r, concept);
  return r;
}

/** One picture, on the first answer and on Explain more only: the concept's first diagram. */
function withDiagram(r: Reply, concept: Concept): void {
  const picture = concept.diagrams?.[0];
  if (picture) r.diagram = replyDiagram(picture);
}

/** "Explain more": the body, split into its paragraphs, and the source. */
export function moreReply(concept: Concept, pack: ContentPack): Reply {
  const r = base(concept, pack, 'answer');
  r.title = `${concept.title}: in more depth`;
  r.paragraphs = paragraphsOf(concept.body);
  if (concept.source) r.paragraphs.push(`Source: ${concept.source}`);
  r.fallback = `${concept.title}: ${concept.body.slice(0, 200)}`;
  r.extra = continueButtons(concept, { more: false, example: true });
  r.inPlace = true;
  withDiagram(r, concept);
  return r;
}

/** "Show an example": every runnable example of the concept. */
export function exampleReply(concept: Concept, pack: ContentPack): Reply {
  const r = base(concept, pack, 'answer');
  r.title = `${concept.title}: example${concept.examples.length === 1 ? '' : 's'}`;
  r.code = concept.examples.map((e) => ({ caption: e.caption, code: e.code, ...(e.language ? { language: e.language } : {}) }));
  r.paragraphs = r.code.length ? [] : [`There is no runnable example for ${concept.title}; it is an idea rather than a command. Explain more covers it in depth.`];
  r.fallback = `${concept.title}: ${concept.examples.map((e) => e.code).join(' / ') || 'no example'}`;
  r.extra = continueButtons(concept, { more: true, example: false });
  r.inPlace = true;
  return r;
}

function base(concept: Concept, pack: ContentPack, kind: 'answer' | 'comparison'): Reply {
  const r = emptyReply(kind, `${concept.title}: ${concept.summary}`);
  r.title = concept.title;
  r.conceptId = concept.id;
  const related = concept.related
    .map((id) => pack.byId.get(id))
    .filter((c): c is Concept => !!c)
    .map(explainAction);
  if (related.length) r.menu = { placeholder: 'Related topics', options: related };
  r.feedback = { up: encodeAction({ type: 'feedback', conceptId: concept.id, helpful: true }), down: encodeAction({ type: 'feedback', conceptId: concept.id, helpful: false }) };
  r.share = encodeAction({ type: 'share', conceptId: concept.id });
  return r;
}

function continueButtons(concept: Concept, show: { more: boolean; example: boolean }): ReplyAction[] {
  const out: ReplyAction[] = [];
  if (show.more && concept.body.trim()) out.push({ label: 'Explain more', action: encodeAction({ type: 'more', conceptId: concept.id }) });
  if (show.example && concept.examples.length) out.push({ label: 'Show an example', action: encodeAction({ type: 'example', conceptId: concept.id }) });
  if (concept.quiz.length) out.push({ label: 'Quiz me on this', action: encodeAction({ type: 'quiz-concept', conceptId: concept.id }) });
  return out;
}

function tableOf(concept: Concept): Reply['table'] {
  const t = concept.table!;
  return { ...(t.caption ? { caption: t.caption } : {}), headers: t.headers, rows: t.rows };
}

/** At most `max` words; cut at the last sentence end inside the budget, else at the word. */
function clipWords(text: string, max: number): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= max) return text.trim();
  const cut = words.slice(0, max).join(' ');
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > cut.length * 0.5 ? cut.slice(0, end + 1) : `${cut}…`;
}

/** Words of prose a reader has to read in a reply (paragraphs only, not tables or code). */
export function proseWords(r: Reply): number {
  return r.paragraphs.join(' ').replace(/[*_`]/g, '').split(/\s+/).filter(Boolean).length;
}
