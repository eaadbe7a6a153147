import { round } from './collections.ts';
import type { Neighbours } from './phrasings.ts';
import type { ScoreLookup } from './concept-scores.ts';

/** The answer and up to three suggestions. */
export const TOP_HITS = 4;
/** Below this similarity an out-of-scope phrasing shares a word, not a topic. */
const OUT_OF_SCOPE_MIN = 0.2;

export interface Blend {
  /** Weight of the nearest learner phrasing against the name-and-text score. */
  phrasingShare: number;
  /** Cosine similarity at which a learner phrasing counts as full evidence. */
  phrasingFull: number;
  /** How much closer an out-of-scope phrasing must be than every concept phrasing to count in full. */
  outOfScopeMargin: number;
  /** Score factor when it does (it counts in part from this far below the best concept phrasing). */
  outOfScopeDiscount: number;
  /**
   * How far a concept's names-only score falls per unit its nearest phrasing trails the best
   * concept's: names alone should not beat a concept the learner phrasings clearly point to.
   */
  phrasingDeficit: number;
}

export interface Ranked {
  ci: number;
  score: number;
}

/**
 * Blend the two kinds of evidence into the best few concepts, best first (ties by id). A learner
 * phrasing close to the question is strong evidence; an out-of-scope phrasing closer than any
 * concept's says the question is about something else. `only` scores one concept alone.
 */
export function rank(names: ScoreLookup, neighbours: Neighbours, idOf: (ci: number) => string, blend: Blend, only?: number, count = TOP_HITS): Ranked[] {
  let bestNear = 0;
  for (const n of neighbours.byConcept.values()) if (n.score > bestNear) bestNear = n.score;
  const bestFull = Math.min(1, bestNear / blend.phrasingFull);
  const offScope = neighbours.outOfScope?.score ?? 0;
  const factor = outOfScopeFactor(offScope, bestNear, blend);
  // Only the best few are ever shown: keep those rather than sort every candidate.
  const top: Ranked[] = [];
  const consider = (ci: number) => {
    if (only !== undefined && ci !== only) return;
    const name = names.get(ci) ?? 0;
    const near = Math.min(1, (neighbours.byConcept.get(ci)?.score ?? 0) / blend.phrasingFull);
    const alone = name * (1 - blend.phrasingDeficit * Math.max(0, bestFull - near));
    const score = round(Math.min(1, factor * Math.max(alone, (1 - blend.phrasingShare) * name + blend.phrasingShare * near)));
    const id = idOf(ci);
    let at = top.length;
    while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && idOf(top[at - 1]!.ci) > id))) at--;
    if (at < count) {
      top.splice(at, 0, { ci, score });
      if (top.length > count) top.pop();
    }
  };
  for (const ci of names.keys()) consider(ci);
  for (const ci of neighbours.byConcept.keys()) if (!names.has(ci)) consider(ci);
  return top;
}

/**
 * An out-of-scope example clearly closer than every concept phrasing discounts in full; one about
 * as close as the best concept phrasing (within the margin either way) discounts in proportion.
 */
function outOfScopeFactor(offScope: number, bestNear: number, blend: Blend): number {
  if (offScope < OUT_OF_SCOPE_MIN) return 1;
  const m = blend.outOfScopeMargin;
  const lead = Math.max(0, Math.min(1, (offScope - bestNear + m) / (2 * m)));
  return 1 - (1 - blend.outOfScopeDiscount) * lead;
}
