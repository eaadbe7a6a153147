import { z } from 'zod';

/** Stable kebab-case slug: other tools (eval sets, quiz history) refer to entries by it. */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug like "docker-image"')
  .max(60, 'must be at most 60 characters');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const tableSchema = z
  .object({
    caption: z.string().optional(),
    headers: z.array(nonEmpty).min(2, 'needs at least 2 columns').max(6, 'at most 6 columns'),
    rows: z.array(z.array(nonEmpty)).min(1, 'needs at least 1 row').max(50, 'at most 50 rows'),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.headers.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `has ${row.length} cells but there are ${t.headers.length} headers`,
        });
      }
    });
  });

const exampleSchema = z
  .object({
    caption: nonEmpty,
    code: nonEmpty,
    language: z.string().optional(),
  })
  .strict();

const quizItemSchema = z
  .object({
    /** Optional stable id; defaults to `<concept id>-q<n>` (1-based). */
    id: slug.optional(),
    prompt: nonEmpty,
    choices: z.array(nonEmpty).min(2, 'needs 2 to 5 choices').max(5, 'needs 2 to 5 choices'),
    /** The correct choice, written exactly as it appears in `choices`. */
    answer: nonEmpty,
    explanation: nonEmpty,
    /** Why a learner might pick a wrong choice, keyed by the wrong choice's exact text. */
    misconceptions: z.record(z.string(), nonEmpty).optional(),
    /** A diagram of this concept (its file name without .svg) shown with the question. */
    diagram: slug.optional(),
  })
  .strict();

const DIAGRAM_TEXT_COLUMNS = 64;

const diagramSchema = z
  .object({
    /** The SVG source, relative to the pack folder: diagrams/<name>.svg. */
    file: z.string().regex(/^diagrams\/[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/, "must be a path like diagrams/containers-vs-vms.svg (kebab-case name, in the pack's diagrams folder)"),
    /** What the picture shows, for screen readers and wherever the image does not load. */
    alt: nonEmpty.max(1000, 'must be at most 1000 characters'),
    /** A small ASCII drawing for places that cannot show images (the console, a failed upload). */
    // Not trimmed: leading spaces on the first line are part of the drawing.
    text: z
      .string()
      .refine((t) => t.trim().length > 0, 'must not be empty')
      .refine((t) => t.length <= 1000, 'must be at most 1000 characters')
      .refine((t) => t.split('\n').every((l) => l.trimEnd().length <= DIAGRAM_TEXT_COLUMNS), `lines must be at most ${DIAGRAM_TEXT_COLUMNS} characters wide (chat code blocks wrap longer ones)`),
  })
  .strict();

const dateLike = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28'));

export const conceptSchema = z
  .object({
    id: slug,
    title: nonEmpty.max(120),
    aliases: z.array(nonEmpty).default([]),
    keywords: z.array(nonEmpty).optional(),
    /** Ways learners really ask about this concept; the matcher treats them as strong evidence. */
    questions: z.array(nonEmpty.max(300, 'must be at most 300 characters')).max(150, 'at most 150 phrasings').default([]),
    summary: nonEmpty.max(400, 'must be one or two sentences (at most 400 characters)'),
    body: nonEmpty,
    table: tableSchema.optional(),
    examples: z.array(exampleSchema).optional(),
    related: z.array(slug).default([]),
    source: z.string().optional(),
    reviewed: dateLike.optional(),
    quiz: z.array(quizItemSchema).default([]),
    /** Pictures of the concept; the first is shown with its answer. */
    diagrams: z.array(diagramSchema).max(4, 'at most 4 diagrams per concept').optional(),
  })
  .strict();

/** `_out-of-scope.yaml` in a pack: near-miss questions the pack must not answer. */
export const outOfScopeSchema = z
  .object({
    questions: z.array(nonEmpty.max(300, 'must be at most 300 characters')).min(1, 'needs at least one question'),
  })
  .strict();

export type ConceptEntry = z.output<typeof conceptSchema>;
export type ContentTable = z.output<typeof tableSchema>;
