import { indexTokens } from './normalize.ts';

/** A phrasing that belongs to no concept: an example of what the pack does not cover. */
export const OUT_OF_SCOPE = -1;

export interface Phrasing {
  /** Index of the concept it belongs to, or OUT_OF_SCOPE. */
  concept: number;
  text: string;
}

export interface Neighbour {
  /** Cosine similarity in [0, 1]. */
  score: number;
  /** Index into the phrasings given to the constructor. */
  phrasing: number;
}

export interface Neighbours {
  /** The nearest phrasing of each concept that shares a feature with the question. */
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
  private readonly features: Map<string, number>[] = [];
  private readonly norms: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;

  constructor(
    readonly phrasings: readonly Phrasing[],
    /** Weight of a word no phrasing uses, as a share of the rarest feature's weight. */
    private readonly unknownWeight = 1,
  ) {
    const bags = phrasings.map((p) => featureSet(indexTokens(p.text)));
    // Word weights come from the concepts' phrasings alone, so adding out-of-scope examples
    // never changes how in-scope questions score; their own words weigh as unknown ones do.
    const df = new Map<string, number>();
    let inScope = 0;
    bags.forEach((bag, pi) => {
      const counts = phrasings[pi]!.concept !== OUT_OF_SCOPE;
      if (counts) inScope++;
      for (const f of bag) {
        if (counts) df.set(f, (df.get(f) ?? 0) + 1);
        const list = this.postings.get(f);
        if (list) list.push(pi);
        else this.postings.set(f, [pi]);
      }
    });
    const n = Math.max(1, inScope);
    for (const [f, d] of df) this.idf.set(f, Math.log(1 + n / d));
    this.unknownIdf = Math.log(1 + n);
    bags.forEach((bag) => {
      const weights = new Map<string, number>();
      let sq = 0;
      for (const f of bag) {
        const w = this.idf.get(f) ?? this.unknownIdf;
        weights.set(f, w);
        sq += w * w;
      }
      this.features.push(weights);
      this.norms.push(Math.sqrt(sq) || 1);
    });
  }

  get size(): number {
    return this.phrasings.length;
  }

  /** Every word the concepts' phrasings use (not pairs, not out-of-scope words). */
  words(): string[] {
    return [...this.idf.keys()].filter((f) => !f.includes(' '));
  }

  /** True when some phrasing uses this word. */
  has(token: string): boolean {
    return this.idf.has(token);
  }

  /** `terms` are the question's tokens after typo correction, in question order. */
  nearest(terms: readonly string[], known: (t: string) => boolean = (t) => this.idf.has(t)): Neighbours {
    const query = featureSet(terms);
    let sq = 0;
    const present: string[] = [];
    for (const f of query) {
      // Pairs the phrasings never use are no evidence either way. A word the pack knows from
      // names or explanations but no phrasing uses counts half against; a foreign word in full.
      const inScope = this.idf.get(f);
      const w = inScope ?? (this.postings.has(f) ? this.unknownIdf : f.includes(' ') ? 0 : this.unknownIdf * this.unknownWeight * (known(f) ? 0.5 : 1));
      sq += w * w;
      if (this.postings.has(f)) present.push(f);
    }
    const qNorm = Math.sqrt(sq) || 1;
    // Candidates from the rarer features; common ones only add to the score.
    present.sort((a, b) => this.postings.get(a)!.length - this.postings.get(b)!.length);
    const candidates = new Set<number>();
    for (const f of present) {
      const list = this.postings.get(f)!;
      if (list.length > COMMON_POSTINGS && candidates.size > 0) break;
      for (const pi of list) candidates.add(pi);
    }
    const byConcept = new Map<number, Neighbour>();
    let outOfScope: Neighbour | null = null;
    for (const pi of candidates) {
      const weights = this.features[pi]!;
      let dot = 0;
      for (const f of present) {
        const w = weights.get(f);
        if (w !== undefined) dot += w * w;
      }
      const score = dot / (qNorm * this.norms[pi]!);
      const concept = this.phrasings[pi]!.concept;
      if (concept === OUT_OF_SCOPE) {
        if (!outOfScope || score > outOfScope.score) outOfScope = { score, phrasing: pi };
      } else {
        const prev = byConcept.get(concept);
        if (!prev || score > prev.score) byConcept.set(concept, { score, phrasing: pi });
      }
    }
    return { byConcept, outOfScope };
  }

  /** The features a question shares with one phrasing (for `tutor eval --explain`). */
  shared(terms: readonly string[], phrasing: number): string[] {
    const weights = this.features[phrasing];
    return weights ? [...featureSet(terms)].filter((f) => weights.has(f)) : [];
  }
}

/** Words and adjacent word pairs ("data gone", "port allocat"). */
function featureSet(tokens: readonly string[]): Set<string> {
  const out = new Set<string>(tokens);
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}
