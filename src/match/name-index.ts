import { indexTokens } from './normalize.ts';
import { push } from './collections.ts';
import type { MatchableConcept } from './matchable-concept.ts';

/** One name of a concept (its title, id or an alias), as index tokens. */
export interface Phrase {
  concept: number;
  tokens: readonly string[];
  /** Titles and ids weigh 1, aliases a shade less so the canonical name wins an exact tie. */
  weight: number;
}

/** Weight of a word seen only in explanation text, relative to a name word of the same rarity. */
const TEXT_WEIGHT = 0.8;

/**
 * The concepts' names and explanation text as an inverted index: which phrases and keywords hold
 * each word, how rare each word is, and each concept's bag of name words and of text words.
 */
export class NameIndex {
  readonly phrases: Phrase[] = [];
  /** Word -> phrases that hold it, in order. */
  readonly postings = new Map<string, number[]>();
  /** Word -> concepts whose keywords hold it. */
  readonly keywordPostings = new Map<string, number[]>();
  /** IDF of words in names and keywords. */
  readonly idf = new Map<string, number>();
  /** IDF of words in explanation text, scaled by TEXT_WEIGHT. */
  readonly textIdf = new Map<string, number>();
  /** Per phrase: the sum of its words' weights. */
  readonly phraseWeight: number[] = [];
  /** Per concept: the words of its names and keywords. */
  readonly bags: Set<string>[] = [];
  /** Per concept: the words of its explanation text. */
  readonly textBags: Set<string>[] = [];
  /** Per name word: how many concepts use it (typo correction prefers common words). */
  readonly docFreq = new Map<string, number>();
  readonly unknownIdf: number;

  constructor(concepts: readonly MatchableConcept[], unknownWeight: number) {
    this.indexNames(concepts);
    const n = Math.max(1, concepts.length);
    for (const [t, df] of this.docFreq) this.idf.set(t, Math.log(1 + n / df));
    this.indexText(concepts, n);
    this.unknownIdf = unknownWeight * Math.log(1 + n);
    this.phrases.forEach((p, pi) => {
      for (const t of p.tokens) push(this.postings, t, pi);
      this.phraseWeight[pi] = p.tokens.reduce((s, t) => s + this.weightOf(t), 0);
    });
  }

  /** Rare words weigh more. Words only seen in explanations weigh less than names; unknown words weigh most. */
  weightOf(token: string): number {
    return this.idf.get(token) ?? this.textIdf.get(token) ?? this.unknownIdf;
  }

  /** True when a name, keyword or explanation uses the word. */
  knows(token: string): boolean {
    return this.idf.has(token) || this.textIdf.has(token);
  }

  private indexNames(concepts: readonly MatchableConcept[]): void {
    concepts.forEach((c, ci) => {
      const seen = new Set<string>();
      const phrases: [string, number][] = [[c.title, 1], [c.id.replace(/-/g, ' '), 1], ...c.aliases.map((a): [string, number] => [a, 0.98])];
      for (const [p, weight] of phrases) {
        const tokens = indexTokens(p);
        if (tokens.length === 0) continue;
        this.phrases.push({ concept: ci, tokens, weight });
        for (const t of tokens) seen.add(t);
      }
      for (const k of c.keywords ?? []) {
        for (const t of indexTokens(k)) {
          seen.add(t);
          push(this.keywordPostings, t, ci);
        }
      }
      for (const t of seen) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      this.bags[ci] = seen;
    });
  }

  private indexText(concepts: readonly MatchableConcept[], n: number): void {
    const textDf = new Map<string, number>();
    concepts.forEach((c, ci) => {
      const bag = new Set(c.text ? indexTokens(c.text) : []);
      this.textBags[ci] = bag;
      for (const t of bag) textDf.set(t, (textDf.get(t) ?? 0) + 1);
    });
    for (const [t, df] of textDf) this.textIdf.set(t, TEXT_WEIGHT * Math.log(1 + n / df));
  }
}
