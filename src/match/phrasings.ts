import { indexTokens } from './normalize.ts';

/** A phrasing that belongs to no concept: an example of what the pack does not cover. */
export const OUT_OF_SCOPE = -1;

export interface Phrasing {
  /** Index of the concept it belongs to, or OUT_OF_SCOPE. */
  concept: number;
  text: string;
}

interface Neighbour {
  /** Cosine similarity in [0, 1]. */
  score: number;
  /** Index into the phrasings given to the constructor. */
  phrasing: number;
}

export interface Neighbours {
  /** The nearest phrasing of each concept that shares a feature with the question (its score raised by the second-nearest). */
  byConcept: Map<number, Neighbour>;
  /** The nearest out-of-scope phrasing, if any shares a feature. */
  outOfScope: Neighbour | null;
}

/** A feature in more phrasings than this is common: it scores candidates but does not add them. */
const COMMON_POSTINGS = 400;

/**
 * Nearest neighbours over learner phrasings ("my data vanished after docker rm"). Each phrasing is
 * a TF-IDF vector of its words and adjacent word pairs; a question is compared by cosine
 * similarity. Words the phrasings never use still count in the question's length, so a question
 * that shares one word with a phrasing and is otherwise about something else scores low. Cosine
 * similarity does not grow with the number of entries, so one threshold fits any pack size.
 */
export class PhrasingIndex {
  /** Feature text -> id; ids index the arrays below. */
  private readonly ids = new Map<string, number>();
  /** Per feature: the phrasings that have it, in order. */
  private readonly postings: Int32Array[] = [];
  /** Per feature: its weight (in-scope IDF, or the unknown weight for out-of-scope-only features). */
  private readonly weights: number[] = [];
  /** Per feature: used by some concept's phrasing (not only by out-of-scope examples). */
  private readonly inScope: boolean[] = [];
  private readonly norms: Float64Array;
  private readonly unknownIdf: number;
  /** Scratch space for one query: accumulated dot products and which phrasings were touched. */
  private readonly dots: Float64Array;
  private readonly marks: Uint8Array;
  private readonly touched: Int32Array;
  /** Scratch per concept: its nearest phrasing so far (-1: none yet) and the concepts seen. */
  private readonly bestOf: Int32Array;
  private readonly seen: Int32Array;
  /** Scratch per concept: the score of its second-nearest phrasing. */
  private readonly secondOf: Float64Array;

  constructor(
    readonly phrasings: readonly Phrasing[],
    /** Weight of a word no phrasing uses, as a share of the rarest feature's weight. */
    private readonly unknownWeight = 1,
    /** How much of the gap between the nearest phrasing's score and 1 the second-nearest closes, per unit of its own score. */
    private readonly secondShare = 0,
  ) {
    const lists: number[][] = [];
    const df: number[] = [];
    let inScopeCount = 0;
    const bags = phrasings.map((p, pi) => {
      const counts = p.concept !== OUT_OF_SCOPE;
      if (counts) inScopeCount++;
      const bag: number[] = [];
      for (const f of featureSet(indexTokens(p.text))) {
        let id = this.ids.get(f);
        if (id === undefined) {
          id = lists.length;
          this.ids.set(f, id);
          lists.push([]);
          df.push(0);
          this.inScope.push(false);
        }
        lists[id]!.push(pi);
        // Word weights come from the concepts' phrasings alone, so adding out-of-scope examples
        // never changes how in-scope questions score; their own words weigh as unknown ones do.
        if (counts) {
          df[id]!++;
          this.inScope[id] = true;
        }
        bag.push(id);
      }
      return bag;
    });
    const n = Math.max(1, inScopeCount);
    this.unknownIdf = Math.log(1 + n);
    for (let id = 0; id < lists.length; id++) {
      this.postings.push(Int32Array.from(lists[id]!));
      this.weights.push(df[id]! > 0 ? Math.log(1 + n / df[id]!) : this.unknownIdf);
    }
    this.norms = new Float64Array(phrasings.length);
    bags.forEach((bag, pi) => {
      let sq = 0;
      for (const id of bag) sq += this.weights[id]! ** 2;
      this.norms[pi] = Math.sqrt(sq) || 1;
    });
    this.dots = new Float64Array(phrasings.length);
    this.marks = new Uint8Array(phrasings.length);
    this.touched = new Int32Array(phrasings.length);
    const concepts = phrasings.reduce((m, p) => Math.max(m, p.concept + 1), 0);
    this.bestOf = new Int32Array(concepts).fill(-1);
    this.seen = new Int32Array(concepts);
    this.secondOf = new Float64Array(concepts);
  }

  get size(): number {
    return this.phrasings.length;
  }

  /** Every word the concepts' phrasings use (not pairs, not out-of-scope words). */
  words(): string[] {
    return [...this.ids].filter(([f, id]) => this.inScope[id] && !f.includes(' ')).map(([f]) => f);
  }

  /** True when some concept's phrasing uses this word. */
  has(token: string): boolean {
    const id = this.ids.get(token);
    return id !== undefined && this.inScope[id]!;
  }

  /**
   * `terms` are the question's tokens after typo correction, in question order. Only concepts
   * `keep` accepts and the `top` nearest others (with ties) are returned: the decision shows only
   * a few, and a short result keeps a question's work and garbage small on a large pack.
   */
  nearest(terms: readonly string[], known: (t: string) => boolean = (t) => this.has(t), keep: (concept: number) => boolean = () => true, top = Number.POSITIVE_INFINITY): Neighbours {
    let sq = 0;
    const present: number[] = [];
    for (const f of featureSet(terms)) {
      const id = this.ids.get(f);
      // Pairs the phrasings never use are no evidence either way. A word the pack knows from
      // names or explanations but no phrasing uses counts half against; a foreign word in full.
      const w = id !== undefined ? this.weights[id]! : f.includes(' ') ? 0 : this.unknownIdf * this.unknownWeight * (known(f) ? 0.5 : 1);
      sq += w * w;
      if (id !== undefined) present.push(id);
    }
    const qNorm = Math.sqrt(sq) || 1;
    // Candidates come from the rarer features; a common one only adds to phrasings already found,
    // unless nothing rarer was said. Work is the length of the features' postings.
    present.sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    const { dots, marks, touched, bestOf, seen, secondOf } = this;
    let touchedCount = 0;
    for (const id of present) {
      const list = this.postings[id]!;
      const w2 = this.weights[id]! ** 2;
      const adds = list.length <= COMMON_POSTINGS || touchedCount === 0;
      for (let k = 0; k < list.length; k++) {
        const pi = list[k]!;
        if (marks[pi] === 0) {
          if (!adds) continue;
          marks[pi] = 1;
          touched[touchedCount++] = pi;
        }
        dots[pi]! += w2;
      }
    }
    // Scores replace the dot products in place; each concept remembers its nearest phrasing.
    let outOfScope: Neighbour | null = null;
    let seenCount = 0;
    for (let k = 0; k < touchedCount; k++) {
      const pi = touched[k]!;
      const score = dots[pi]! / (qNorm * this.norms[pi]!);
      dots[pi] = score;
      marks[pi] = 0;
      const concept = this.phrasings[pi]!.concept;
      if (concept === OUT_OF_SCOPE) {
        if (!outOfScope || score > outOfScope.score) outOfScope = { score, phrasing: pi };
        continue;
      }
      const prev = bestOf[concept]!;
      if (prev < 0) {
        seen[seenCount++] = concept;
        bestOf[concept] = pi;
        secondOf[concept] = 0;
      } else if (score > dots[prev]!) {
        secondOf[concept] = dots[prev]!;
        bestOf[concept] = pi;
      } else if (score > secondOf[concept]!) secondOf[concept] = score;
    }
    // A concept that a second phrasing also points to is likelier than one matched by a single
    // phrasing that happens to share a rare word: the second closes part of the gap to 1.
    if (this.secondShare > 0) {
      for (let k = 0; k < seenCount; k++) {
        const pi = bestOf[seen[k]!]!;
        dots[pi] = dots[pi]! + this.secondShare * secondOf[seen[k]!]! * (1 - dots[pi]!);
      }
    }
    const cut = seenCount > top ? this.cutOff(seenCount, keep, top) : Number.NEGATIVE_INFINITY;
    const byConcept = new Map<number, Neighbour>();
    for (let k = 0; k < seenCount; k++) {
      const concept = seen[k]!;
      const pi = bestOf[concept]!;
      if (dots[pi]! >= cut || keep(concept)) byConcept.set(concept, { score: dots[pi]!, phrasing: pi });
    }
    for (let k = 0; k < seenCount; k++) bestOf[seen[k]!] = -1;
    for (let k = 0; k < touchedCount; k++) dots[touched[k]!] = 0;
    return { byConcept, outOfScope };
  }

  /** The `top`-th best score among the concepts `keep` does not accept (all tied with it stay). */
  private cutOff(seenCount: number, keep: (concept: number) => boolean, top: number): number {
    const best: number[] = [];
    for (let k = 0; k < seenCount; k++) {
      const concept = this.seen[k]!;
      if (keep(concept)) continue;
      const score = this.dots[this.bestOf[concept]!]!;
      if (best.length === top && score <= best[top - 1]!) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]! < score) at--;
      best.splice(at, 0, score);
      if (best.length > top) best.pop();
    }
    return best.length < top ? Number.NEGATIVE_INFINITY : best[top - 1]!;
  }

  /** The features a question shares with one phrasing (for `tutor eval --explain`). */
  shared(terms: readonly string[], phrasing: number): string[] {
    return [...featureSet(terms)].filter((f) => {
      const id = this.ids.get(f);
      return id !== undefined && this.postings[id]!.includes(phrasing);
    });
  }
}

/** Words and adjacent word pairs ("data gone", "port allocat"). */
export function featureSet(tokens: readonly string[]): Set<string> {
  const out = new Set<string>(tokens);
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}
