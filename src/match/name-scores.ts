import type { NameIndex } from './name-index.ts';
import { findCandidates } from './candidates.ts';
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

interface Cover {
  /** Question weight the concept's names cover. */
  names: number;
  /** How many question words (other than "vs") its names hold. */
  hits: number;
  /** Credited weight of question words only its explanation text holds. */
  explained: number;
}

/** The name-and-text score of every candidate concept. */
export function nameScores(names: NameIndex, terms: readonly string[], opts: NameScoring): Map<number, number> {
  const queryWeight = terms.reduce((s, t) => s + names.weightOf(t), 0);
  const known = new Set(terms.filter((t) => names.idf.has(t)));
  const comparing = known.has(COMPARISON_TOKEN);
  const { touched, concepts } = findCandidates(names, known);
  const cover = coverage(names, terms, concepts, opts.textCredit);
  const phrase = phraseScores(names, touched, known, queryWeight, cover);
  const foreignCount = terms.filter((t) => !names.knows(t) && !opts.isPhrasingWord(t)).length;
  const scores = new Map<number, number>();
  for (const [ci, c] of cover) {
    const covered = (c.names + c.explained) / queryWeight;
    let score = opts.phraseShare * (phrase.best.get(ci) ?? 0) + (1 - opts.phraseShare) * covered;
    if (comparing && opts.isComparison(ci)) score += COMPARISON_BONUS;
    scores.set(ci, penalise(score, c.hits, terms.length, phrase.whole.has(ci), foreignCount));
  }
  return scores;
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

/**
 * Per concept: the question weight its names cover, and the weight only its explanation text
 * covers. Words the explanation uses are partly forgiven when they are not in a name, so a long
 * question in a learner's own words is not punished for every extra word.
 */
function coverage(names: NameIndex, terms: readonly string[], concepts: Set<number>, textCredit: number): Map<number, Cover> {
  const out = new Map<number, Cover>();
  for (const ci of concepts) {
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
    out.set(ci, { names: nameWeight, hits, explained: textCredit * textOnly });
  }
  return out;
}

/**
 * Best phrase per concept: a blend of "how much of the phrase did we say" (precision) and "how
 * much of what we said does the phrase explain" (recall), recall weighted higher. `whole` holds
 * the concepts with a name said in full.
 */
function phraseScores(names: NameIndex, touched: Set<number>, known: Set<string>, queryWeight: number, cover: Map<number, Cover>) {
  const best = new Map<number, number>();
  const whole = new Set<number>();
  for (const pi of touched) {
    const p = names.phrases[pi]!;
    let hit = 0;
    for (const t of p.tokens) if (known.has(t)) hit += names.weightOf(t);
    const precision = hit / names.phraseWeight[pi]!;
    if (precision >= 0.999) whole.add(p.concept);
    const recall = hit / (queryWeight - cover.get(p.concept)!.explained);
    const score = (p.weight * 1.5 * precision * recall) / (0.5 * precision + recall);
    if (score > (best.get(p.concept) ?? 0)) best.set(p.concept, score);
  }
  return { best, whole };
}
