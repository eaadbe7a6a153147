import Fuse from 'fuse.js';
import type { MatchableConcept } from '../src/match/matcher.ts';

/**
 * The baseline the core issue measured: fuse.js over whole question strings against
 * title/aliases/questions with ignoreLocation. Kept only for comparison.
 */
export type NaiveConcept = Pick<MatchableConcept, 'id' | 'title' | 'aliases'> & { questions?: readonly string[] };

export function naiveMatcher(concepts: readonly NaiveConcept[]) {
  const fuse = new Fuse(
    concepts.map((c) => ({ id: c.id, title: c.title, aliases: [...c.aliases], questions: c.questions ?? [] })),
    { keys: ['title', 'aliases', 'questions'], ignoreLocation: true, includeScore: true, threshold: 0.6 },
  );
  return (q: string) => fuse.search(q, { limit: 4 })[0]?.item.id ?? null;
}
