import type { ConceptEntry, ContentTable } from './schema.ts';

export interface QuizItem {
  id: string;
  conceptId: string;
  prompt: string;
  choices: string[];
  answerIndex: number;
  explanation: string;
  /** Misconception note per choice index (only wrong choices have one). */
  misconceptions: Record<number, string>;
  /** A diagram shown with the question. */
  diagram?: Diagram;
}

/** A picture of a concept: its SVG source in the pack, rendered to PNG by the build. */
export interface Diagram {
  /** The file name without .svg, e.g. "containers-vs-vms". */
  name: string;
  /** The SVG as issues name it: pack-relative, e.g. "docker-vm/diagrams/containers-vs-vms.svg". */
  file: string;
  svgPath: string;
  alt: string;
  /** ASCII drawing for places that cannot show images. */
  text: string;
  /** Hash of the SVG text and render settings: the rendered PNG's cache key. */
  key: string;
  viewBoxWidth: number;
}

export interface Concept {
  id: string;
  pack: string;
  file: string;
  title: string;
  aliases: string[];
  keywords: string[];
  /** Learner phrasings ("my data vanished after docker rm"): matched as whole questions. */
  questions: string[];
  summary: string;
  body: string;
  table?: ContentTable;
  examples: { caption: string; code: string; language?: string }[];
  related: string[];
  source?: string;
  reviewed?: string;
  quiz: QuizItem[];
  /** Pictures, best first; answers show the first. */
  diagrams?: Diagram[];
}

export interface ContentIssue {
  file: string;
  path: string;
  message: string;
}

export function formatIssue(i: ContentIssue): string {
  return `${i.file}: ${i.path || '(file)'}: ${i.message}`;
}

export class ContentPack {
  readonly byId: Map<string, Concept>;
  readonly quizById: Map<string, QuizItem>;

  constructor(
    readonly concepts: Concept[],
    /** Questions the pack does not answer, so the matcher can tell near misses apart. */
    readonly outOfScope: string[] = [],
  ) {
    this.byId = new Map(concepts.map((c) => [c.id, c]));
    this.quizById = new Map(concepts.flatMap((c) => c.quiz.map((q) => [q.id, q] as const)));
  }

  get packs(): string[] {
    return [...new Set(this.concepts.map((c) => c.pack))].sort();
  }

  get quizItems(): QuizItem[] {
    return [...this.quizById.values()];
  }
}

export function toConcept(entry: ConceptEntry, pack: string, file: string, diagrams: Diagram[] = []): Concept {
  return {
    id: entry.id,
    pack,
    file,
    title: entry.title,
    aliases: entry.aliases,
    keywords: entry.keywords ?? [],
    questions: entry.questions.map((q) => q.trim()),
    summary: entry.summary.trim(),
    body: entry.body.trim(),
    ...(entry.table ? { table: entry.table } : {}),
    examples: (entry.examples ?? []).map((e) => ({ caption: e.caption, code: e.code.replace(/\s+$/, ''), ...(e.language ? { language: e.language } : {}) })),
    related: entry.related,
    ...(entry.source ? { source: entry.source } : {}),
    ...(entry.reviewed ? { reviewed: entry.reviewed } : {}),
    quiz: entry.quiz.map((q, i) => {
      const misconceptions: Record<number, string> = {};
      for (const [choice, note] of Object.entries(q.misconceptions ?? {})) {
        const idx = q.choices.indexOf(choice);
        if (idx >= 0) misconceptions[idx] = note;
      }
      return {
        id: q.id ?? `${entry.id}-q${i + 1}`,
        conceptId: entry.id,
        prompt: q.prompt.trim(),
        choices: q.choices,
        answerIndex: q.choices.indexOf(q.answer),
        explanation: q.explanation.trim(),
        misconceptions,
        ...withDiagram(diagrams, q.diagram),
      };
    }),
    diagrams,
  };
}

/** `{ diagram }` when `name` is one of `diagrams` (loading reports any other name), else nothing. */
function withDiagram(diagrams: Diagram[], name: string | undefined): { diagram?: Diagram } {
  const found = name ? diagrams.find((d) => d.name === name) : undefined;
  return found ? { diagram: found } : {};
}
