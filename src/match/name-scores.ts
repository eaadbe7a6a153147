import type { NameIndex } from './name-index.ts';
import { Candidates } from './candidates.ts';
import { ConceptScores } from './concept-scores.ts';
import { COMPARISON_TOKEN } from './terms.ts';

/** Score factor for a concept supported by a single word that is only part of its names. */
const WEAK_EVIDENCE = 0.75;
/** Extra discount when the question also holds a word no entry uses. */
const FOREIGN_EVIDENCE = 0.65;
/** Bonus for a comparison entry (one with a table) when the question says "vs". */
const COMPARISON_BONUS = 0.1;

export interface NameScoring {
  /** Share of an explanation-only word's weight that stops counting against a concept. */
  textCredit: number;
  /** How much the best single name counts against how much of the question the concept covers. */
  phraseShare: number;
  /** Comparison entries, by concept index. */
  isComparison: (ci: number) => boolean;
  /** True when some learner phrasing uses the word (then it is not foreign to the pack). */
  isPhrasingWord: (t: string) => boolean;
}

/**
 * The name-and-text score of every candidate concept. Per-concept working values live in arrays
 * allocated once; `score` returns the same `ConceptScores` each time, valid until the next call.
 */
export class NameScorer {
  private readonly candidates: Candidates;
  private readonly out: ConceptScores;
  /** Per concept: question weight its names cover, and how many question words (other than "vs") they hold. */
  private readonly covered: Float64Array;
  private readonly hits: Int32Array;
  /** Per concept: credited weight of question words only its explanation text holds. */
  private readonly explained: Float64Array;
  /** Per concept: its best phrase's score, and whether some name was said in full. */
  private readonly bestPhrase: Float64Array;
  private readonly whole: Uint8Array;

  constructor(
    private readonly names: NameIndex,
    conceptCount: number,
    private readonly opts: NameScoring,
  ) {
    this.candidates = new Candidates(names, conceptCount);
    this.out = new ConceptScores(conceptCount);
    this.covered = new Float64Array(conceptCount);
    this.hits = new Int32Array(conceptCount);
    this.explained = new Float64Array(conceptCount);
    this.bestPhrase = new Float64Array(conceptCount);
    this.whole = new Uint8Array(conceptCount);
  }

  /** No scores (small talk, a question with no topic word). */
  none(): ConceptScores {
    this.out.clear();
    return this.out;
  }

  score(terms: readonly string[]): ConceptScores {
    const { names, opts, candidates, out } = this;
    const queryWeight = terms.reduce((s, t) => s + names.weightOf(t), 0);
    const known = new Set(terms.filter((t) => names.idf.has(t)));
    const comparing = known.has(COMPARISON_TOKEN);
    candidates.find(known);
    this.coverage(terms);
    this.phraseScores(known, queryWeight);
    const foreignCount = terms.filter((t) => !names.knows(t) && !opts.isPhrasingWord(t)).length;
    out.clear();
    for (let k = 0; k < candidates.conceptCount; k++) {
      const ci = candidates.concepts[k]!;
      const coverage = (this.covered[ci]! + this.explained[ci]!) / queryWeight;
      let score = opts.phraseShare * this.bestPhrase[ci]! + (1 - opts.phraseShare) * coverage;
      if (comparing && opts.isComparison(ci)) score += COMPARISON_BONUS;
      out.set(ci, penalise(score, this.hits[ci]!, terms.length, this.whole[ci] === 1, foreignCount));
    }
    return out;
  }

  /**
   * Per concept: the question weight its names cover, and the weight only its explanation text
   * covers. Words the explanation uses are partly forgiven when they are not in a name, so a long
   * question in a learner's own words is not punished for every extra word.
   */
  private coverage(terms: readonly string[]): void {
    const { names, candidates } = this;
    for (let k = 0; k < candidates.conceptCount; k++) {
      const ci = candidates.concepts[k]!;
      const bag = names.bags[ci]!;
      const text = names.textBags[ci]!;
      let nameWeight = 0;
      let hits = 0;
      let textOnly = 0;
      for (const t of terms) {
        if (bag.has(t)) {
          nameWeight += names.weightOf(t);
          if (t !== COMPARISON_TOKEN) hits++;
        } else if (text.has(t)) textOnly += names.weightOf(t);
      }
      this.covered[ci] = nameWeight;
      this.hits[ci] = hits;
      this.explained[ci] = this.opts.textCredit * textOnly;
      this.bestPhrase[ci] = 0;
      this.whole[ci] = 0;
    }
  }

  /**
   * Best phrase per concept: a blend of "how much of the phrase did we say" (precision) and "how
   * much of what we said does the phrase explain" (recall), recall weighted higher.
   */
  private phraseScores(known: Set<string>, queryWeight: number): void {
    const { names, candidates } = this;
    for (let k = 0; k < candidates.phraseCount; k++) {
      const pi = candidates.phrases[k]!;
      const p = names.phrases[pi]!;
      let hit = 0;
      for (const t of p.tokens) if (known.has(t)) hit += names.weightOf(t);
      const precision = hit / names.phraseWeight[pi]!;
      if (precision >= 0.999) this.whole[p.concept] = 1;
      const recall = hit / (queryWeight - this.explained[p.concept]!);
      const score = (p.weight * 1.5 * precision * recall) / (0.5 * precision + recall);
      if (score > this.bestPhrase[p.concept]!) this.bestPhrase[p.concept] = score;
    }
  }
}

/**
 * One word of a longer name ("center" of "data center") is too thin to answer on when the
 * question has other words: offer it as a suggestion instead. The same goes for a whole
 * one-word name next to a word the pack never uses ("volume of a sphere"). Two or more words the
 * pack never uses around one name word: most likely another topic.
 */
function penalise(score: number, hits: number, termCount: number, wholeName: boolean, foreignCount: number): number {
  const thin = hits < 2 && termCount > 1;
  if (!thin) return score;
  if (!wholeName) score *= WEAK_EVIDENCE;
  if (foreignCount > 0) score *= FOREIGN_EVIDENCE;
  if (foreignCount >= 2) score *= WEAK_EVIDENCE;
  return score;
}
