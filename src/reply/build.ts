import type { Concept, Diagram, QuizItem } from '../content/model.ts';
import type { Platform } from '../adapter-api/request.ts';
import { echo } from './echo.ts';
import { commandText } from './syntax.ts';
import type { ConceptHit } from '../match/matcher.ts';
import { encodeAction } from './actions.ts';
import type { Reply, ReplyAction, ReplyDiagram } from './types.ts';

/** A blank reply of a kind; builders fill in what they need. */
export function emptyReply(kind: Reply['kind'], fallback: string): Reply {
  return { kind, paragraphs: [], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback };
}

export function explainAction(c: { id: string; title: string }): ReplyAction {
  return { label: c.title, action: encodeAction({ type: 'explain', conceptId: c.id }) };
}

export function hitsToActions(hits: readonly ConceptHit[]): ReplyAction[] {
  return hits.map((h) => explainAction({ id: h.conceptId, title: h.title }));
}

/** Split a body into paragraphs on blank lines, keeping single line breaks inside a paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/[ \t]+\n/g, '\n')
        // Authors wrap YAML text at any column; rejoin those lines, but keep list items on their own.
        .replace(/\n(?!\s*(?:[-*•]|\d+[.)])\s)/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** One picture per answer: the concept's first diagram. */
export function replyDiagram(d: Diagram): ReplyDiagram {
  return { name: d.name, alt: d.alt, text: d.text, svgPath: d.svgPath, key: d.key, viewBoxWidth: d.viewBoxWidth };
}

export function noMatchReply(question: string, suggestions: readonly ConceptHit[], platform: Platform = 'console'): Reply {
  const shown = question.trim() ? echo(question, 120) : '';
  const r = emptyReply('no-match', suggestions.length ? `I'm not sure. Did you mean ${suggestions.map((s) => s.title).join(', ')}?` : "I don't have an answer for that yet.");
  r.title = "I don't know that one yet";
  r.paragraphs = [
    shown ? `I couldn't match ${shown} to anything I teach.` : 'That message was empty.',
    suggestions.length ? 'Did you mean one of these?' : `I teach containers and virtual machines. Try \`${commandText(platform, 'topics')}\` to browse, or ask something like "what is a volume?"`,
  ];
  r.suggestions = hitsToActions(suggestions);
  return r;
}

export function quizQuestionReply(item: QuizItem, concept: Concept, actionFor: (choice: number) => string, heading = 'Quiz'): Reply {
  const r = emptyReply('quiz-question', `${heading}: ${item.prompt}`);
  r.title = `${heading}: ${concept.title}`;
  r.conceptId = concept.id;
  r.paragraphs = [item.prompt];
  r.quiz = {
    prompt: item.prompt,
    conceptId: concept.id,
    conceptTitle: concept.title,
    choices: item.choices.map((label, i) => ({ label: `${String.fromCharCode(65 + i)}. ${label}`, action: actionFor(i) })),
  };
  if (item.diagram) r.diagram = replyDiagram(item.diagram);
  return r;
}

export function quizFeedbackReply(item: QuizItem, concept: Concept, choice: number, note?: string): Reply {
  const correct = choice === item.answerIndex;
  const answer = item.choices[item.answerIndex]!;
  const r = emptyReply('quiz-feedback', correct ? `Correct: ${answer}` : `Not quite. The answer is: ${answer}`);
  r.title = correct ? 'Correct!' : 'Not quite';
  r.conceptId = concept.id;
  const picked = item.choices[choice];
  r.paragraphs = [];
  if (!correct && picked !== undefined) {
    r.paragraphs.push(`You picked: ${picked}`);
    const why = item.misconceptions[choice];
    if (why) r.paragraphs.push(`_${why}_`);
  }
  r.paragraphs.push(`**Answer:** ${answer}`, item.explanation);
  if (note) r.paragraphs.push(note);
  r.related = [explainAction(concept)];
  return r;
}

export function noticeReply(title: string, text: string, kind: 'notice' | 'error' = 'notice'): Reply {
  const r = emptyReply(kind, `${title}: ${text}`);
  r.title = title;
  r.paragraphs = paragraphsOf(text);
  return r;
}
