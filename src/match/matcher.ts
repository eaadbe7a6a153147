import { indexTokens, normalizeQuestion, type NormalizedQuery } from './normalize.ts';
import { intersectSorted, push, round, uniq } from './collections.ts';
import { Vocabulary } from './vocabulary.ts';
import { OUT_OF_SCOPE, PhrasingIndex, type Neighbours, type Phrasing } from './phrasings.ts';

/** What the matcher needs to know about a concept. */
export interface MatchableConcept {
  id: string;
  title: string;
  aliases: readonly string[];
  keywords?: readonly string[] | undefined;
  /** Comparison entries (those with a table) win ties when the question compares things. */
  comparison?: boolean;
  /** Explanation text (summary, body). Its words count as weaker evidence than names. */
  text?: string;
  /** Learner phrasings: whole questions that this concept answers. */
  questions?: readonly string[];
}

export interface ConceptHit {
  conceptId: string;
  title: string;
  confidence: number;
}

export interface MatchResult {
  query: NormalizedQuery;
  /** Tokens after typo correction, as used for scoring. */
  terms: string[];
  best: ConceptHit | null;
  suggestions: ConceptHit[];
  /** The next best concepts after `best`, without the runner-up floor (follow-ups look here). */
  alternatives: ConceptHit[];
}

export interface MatcherOptions {
  /** Minimum confidence for a best match; below it the question is out of scope. */
  threshold?: number;
  /** Minimum score for a "did you mean" suggestion. */
  suggestThreshold?: number;
  /** Weight of a word the pack has never seen, as a share of the rarest known word's weight. */
  unknownWeight?: number;
  /** Share of an explanation-only word's weight that stops counting against a concept. */
  textCredit?: number;
  /** How much the best single name counts against how much of the question the concept covers. */
  phraseShare?: number;
  /** Questions the pack does not answer (near misses such as "layers in photoshop"). */
  outOfScope?: readonly string[];
  /** Weight of the nearest learner phrasing against the name-and-text score. */
  phrasingShare?: number;
  /** Cosine similarity at which a learner phrasing counts as full evidence. */
  phrasingFull?: number;
  /** How much closer an out-of-scope phrasing must be than every concept phrasing to count. */
  outOfScopeMargin?: number;
  /** Score factor when it does. */
  outOfScopeDiscount?: number;
  /** Weight of a word no phrasing uses, as a share of the rarest phrasing word's weight. */
  phrasingUnknownWeight?: number;
}

interface Phrase {
  concept: number;
  tokens: string[];
  weight: number;
}

const COMPARISON_TOKEN = 'vs';
/** Weight of a word seen only in explanation text, relative to a name word of the same rarity. */
const TEXT_WEIGHT = 0.8;
/** Score factor for a concept supported by a single word that is only part of its names. */
const WEAK_EVIDENCE = 0.75;
/** Extra discount when the question also holds a word no entry uses. */
const FOREIGN_EVIDENCE = 0.65;

/** A word in more phrases than this is common: it scores candidates but does not add them. */
const COMMON_POSTINGS = 200;

/** Tuned on the evaluation sets together (see the README). */
export const DEFAULT_THRESHOLD = 0.48;
/** Lowest score offered as "did you mean". */
const DEFAULT_SUGGEST_THRESHOLD = 0.15;
/** Share of the answer's score a runner-up needs to be suggested beside it. */
const RUNNER_UP = 0.6;
/** The answer and up to three suggestions. */
const TOP_HITS = 4;
/** Weight of the nearest learner phrasing in the blend. */
const PHRASING_SHARE = 0.65;
/** A phrasing this similar to the question (cosine) counts as full evidence. */
const PHRASING_FULL = 0.7;
/** An out-of-scope phrasing must beat the nearest concept phrasing by this much to count. */
const OUT_OF_SCOPE_MARGIN = 0.05;
const OUT_OF_SCOPE_DISCOUNT = 0.5;
/** Below this similarity an out-of-scope phrasing shares a word, not a topic. */
const OUT_OF_SCOPE_MIN = 0.2;

/** Per-concept evidence for one question, before the decision (`tutor eval --explain` shows it). */
export interface Evidence {
  query: NormalizedQuery;
  terms: string[];
  /** Name-and-text score per concept index. */
  names: Map<number, number>;
  neighbours: Neighbours;
}

/** Why a concept scored what it did for one question. */
export interface Explanation {
  conceptId: string;
  confidence: number;
  names: number;
  /** Question words found in the concept's names, and those found only in its explanation text. */
  nameWords: string[];
  textWords: string[];
  phrasing: { text: string; score: number; shared: string[] } | null;
}

/**
 * Term-level matcher: typo-correct each question word against the vocabulary, look the words up
 * in an inverted index of title/alias/keyword phrases, and score only the phrases they touch.
 * Work per question depends on the question's words and their postings, not the pack size.
 */
const CLASSES = new Set(['type', '1', '2', COMPARISON_TOKEN]);

/**
 * "Is VirtualBox type 1 or type 2?" asks about VirtualBox: score on the product alone, so the
 * entry that classifies it answers rather than the general comparison. With no subject ("type 1
 * or type 2?") the question is the comparison itself and keeps every word.
 */
function classificationSubject(terms: string[]): string[] {
  if (!(terms.includes('type') && terms.includes('1') && terms.includes('2'))) return terms;
  const subject = terms.filter((t) => !CLASSES.has(t) && t !== 'hypervisor');
  return subject.length > 0 ? terms.filter((t) => !CLASSES.has(t)) : terms;
}

export class Matcher {
  private readonly concepts: MatchableConcept[];
  private readonly phrases: Phrase[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly keywordPostings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly phraseWeight: number[] = [];
  private readonly bags: Set<string>[] = [];
  private readonly textBags: Set<string>[] = [];
  private readonly textIdf = new Map<string, number>();
  private readonly vocab: Vocabulary;
  private readonly phrasings: PhrasingIndex;
  private readonly unknownIdf: number;
  private readonly textCredit: number;
  private readonly phraseShare: number;
  private readonly phrasingShare: number;
  private readonly phrasingFull: number;
  private readonly outOfScopeMargin: number;
  private readonly outOfScopeDiscount: number;
  readonly threshold: number;
  readonly suggestThreshold: number;

  constructor(concepts: readonly MatchableConcept[], options: MatcherOptions = {}) {
    this.concepts = [...concepts];
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.suggestThreshold = options.suggestThreshold ?? DEFAULT_SUGGEST_THRESHOLD;
    this.textCredit = options.textCredit ?? 0.6;
    this.phraseShare = options.phraseShare ?? 0.4;
    this.phrasingShare = options.phrasingShare ?? PHRASING_SHARE;
    this.phrasingFull = options.phrasingFull ?? PHRASING_FULL;
    this.outOfScopeMargin = options.outOfScopeMargin ?? OUT_OF_SCOPE_MARGIN;
    this.outOfScopeDiscount = options.outOfScopeDiscount ?? OUT_OF_SCOPE_DISCOUNT;
    const docFreq = this.indexNames();
    const n = Math.max(1, this.concepts.length);
    for (const [t, df] of docFreq) this.idf.set(t, Math.log(1 + n / df));
    this.indexText(n);
    this.unknownIdf = (options.unknownWeight ?? 1) * Math.log(1 + n);
    this.phrases.forEach((p, pi) => {
      for (const t of p.tokens) push(this.postings, t, pi);
      this.phraseWeight[pi] = p.tokens.reduce((s, t) => s + this.weightOf(t), 0);
    });
    const phrasings: Phrasing[] = this.concepts.flatMap((c, ci) => (c.questions ?? []).map((text) => ({ concept: ci, text })));
    for (const text of options.outOfScope ?? []) phrasings.push({ concept: OUT_OF_SCOPE, text });
    this.phrasings = new PhrasingIndex(phrasings, options.phrasingUnknownWeight ?? 1);
    // Typo correction knows the learners' words too ("slwo" -> "slow"), as rarer than names.
    const vocabulary = new Map(docFreq);
    for (const t of this.phrasings.words()) if (!vocabulary.has(t)) vocabulary.set(t, 0);
    this.vocab = new Vocabulary(vocabulary);
  }

  get size(): number {
    return this.concepts.length;
  }

  get vocabularySize(): number {
    return this.vocab.size;
  }

  match(question: string): MatchResult {
    const evidence = this.evidence(question);
    const { query, terms } = evidence;
    const scored = this.decide(evidence);
    const top = scored[0];
    const best = top && top.confidence >= this.threshold ? top : null;
    // Beside an answer, only close runners-up are worth offering.
    const floor = Math.max(this.suggestThreshold, best ? best.confidence * RUNNER_UP : 0);
    const alternatives = scored.filter((h) => h !== best && h.confidence >= this.suggestThreshold);
    const suggestions = alternatives.filter((h) => h.confidence >= floor).slice(0, 3);
    return { query, terms, best, suggestions, alternatives };
  }

  /** Everything the decision looks at, per concept. */
  evidence(question: string): Evidence {
    const query = normalizeQuestion(question);
    const terms = classificationSubject(this.terms(query));
    // A lone letter ("x" of "VT-x") or a bare "vs" names no topic.
    const topical = terms.some((t) => t.length >= 2 && t !== COMPARISON_TOKEN);
    if (query.smallTalk || !topical) return { query, terms, names: new Map(), neighbours: { byConcept: new Map(), outOfScope: null } };
    const names = this.nameScores(terms);
    const known = (t: string) => this.idf.has(t) || this.textIdf.has(t);
    const neighbours = this.phrasings.nearest(terms, known);
    return { query, terms, names, neighbours };
  }

  /** Why `conceptId` scored what it did for `question`, for content authors. */
  explain(question: string, conceptId: string): Explanation | null {
    const ci = this.concepts.findIndex((c) => c.id === conceptId);
    if (ci < 0) return null;
    const evidence = this.evidence(question);
    const hit = this.decide(evidence, ci)[0];
    const near = evidence.neighbours.byConcept.get(ci);
    return {
      conceptId,
      confidence: hit?.confidence ?? 0,
      names: round(evidence.names.get(ci) ?? 0),
      nameWords: evidence.terms.filter((t) => this.bags[ci]!.has(t)),
      textWords: evidence.terms.filter((t) => !this.bags[ci]!.has(t) && this.textBags[ci]!.has(t)),
      phrasing: near ? { text: this.phrasings.phrasings[near.phrasing]!.text, score: round(near.score), shared: this.phrasings.shared(evidence.terms, near.phrasing) } : null,
    };
  }

  /** Rare words weigh more. Words only seen in explanations weigh less than names; unknown words weigh most. */
  private weightOf(token: string): number {
    return this.idf.get(token) ?? this.textIdf.get(token) ?? this.unknownIdf;
  }

  private indexNames(): Map<string, number> {
    const docFreq = new Map<string, number>();
    this.concepts.forEach((c, ci) => {
      const seen = new Set<string>();
      // Titles and ids edge out aliases on an exact tie: the title is the canonical name.
      const phrases: [string, number][] = [[c.title, 1], [c.id.replace(/-/g, ' '), 1], ...c.aliases.map((a): [string, number] => [a, 0.98])];
      for (const [p, weight] of phrases) {
        const tokens = indexTokens(p);
        if (tokens.length === 0) continue;
        this.phrases.push({ concept: ci, tokens, weight });
        tokens.forEach((t) => seen.add(t));
      }
      for (const k of c.keywords ?? []) {
        for (const t of indexTokens(k)) {
          seen.add(t);
          push(this.keywordPostings, t, ci);
        }
      }
      for (const t of seen) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
      this.bags[ci] = seen;
    });
    return docFreq;
  }

  private indexText(n: number): void {
    const textDf = new Map<string, number>();
    this.concepts.forEach((c, ci) => {
      const bag = new Set(c.text ? indexTokens(c.text) : []);
      this.textBags[ci] = bag;
      for (const t of bag) textDf.set(t, (textDf.get(t) ?? 0) + 1);
    });
    for (const [t, df] of textDf) this.textIdf.set(t, TEXT_WEIGHT * Math.log(1 + n / df));
  }

  /**
   * The question's words after typo correction. Long pastes are cut to the first 40 content
   * words: enough for any real question. Unknown one- and two-letter words and bare numbers carry
   * no topic and are dropped. Words the explanations use are spelled right already.
   */
  private terms(query: NormalizedQuery): string[] {
    const corrected = query.tokens.slice(0, 40).map((t) => (this.textIdf.has(t) ? t : (this.vocab.correct(t) ?? t)));
    return uniq(corrected).filter((t) => this.idf.has(t) || (t.length > 2 && !/^\d+$/.test(t)));
  }

  /**
   * Candidates come from the rarest words first. A very common word ("docker", "container")
   * only adds phrases while we still have few candidates; otherwise it just counts towards the
   * score of phrases found through rarer words. This keeps work flat as the pack grows.
   */
  private candidates(known: Set<string>): { touched: Set<number>; concepts: Set<number> } {
    const byRarity = [...known].sort((a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0));
    const touched = new Set<number>();
    const concepts = new Set<number>();
    const addPhrases = (list: readonly number[]) => {
      for (const pi of list) {
        touched.add(pi);
        concepts.add(this.phrases[pi]!.concept);
      }
    };
    const rare = byRarity.filter((t) => (this.postings.get(t)?.length ?? 0) <= COMMON_POSTINGS);
    if (rare.length > 0) {
      for (const t of rare) {
        addPhrases(this.postings.get(t) ?? []);
        for (const ci of this.keywordPostings.get(t) ?? []) concepts.add(ci);
      }
    } else if (byRarity.length >= 2) {
      // Only common words: the phrases that hold the two rarest of them together.
      const both = intersectSorted(this.postings.get(byRarity[0]!) ?? [], this.postings.get(byRarity[1]!) ?? []);
      addPhrases(both.length > 0 ? both : (this.postings.get(byRarity[0]!) ?? []));
    } else if (byRarity.length === 1) {
      addPhrases(this.postings.get(byRarity[0]!) ?? []);
    }
    return { touched, concepts };
  }

  /**
   * Per concept: the question weight its names cover, and the weight only its explanation text
   * covers. Words the explanation uses are partly forgiven when they are not in a name, so a long
   * question in a learner's own words is not punished for every extra word.
   */
  private coverage(terms: readonly string[], concepts: Set<number>): Map<number, { names: number; hits: number; explained: number }> {
    const out = new Map<number, { names: number; hits: number; explained: number }>();
    for (const ci of concepts) {
      const bag = this.bags[ci]!;
      const text = this.textBags[ci]!;
      let names = 0;
      let hits = 0;
      let textOnly = 0;
      for (const t of terms) {
        if (bag.has(t)) {
          names += this.weightOf(t);
          // "vs" says a comparison is asked, not which things are compared.
          if (t !== COMPARISON_TOKEN) hits++;
        } else if (text.has(t)) textOnly += this.weightOf(t);
      }
      out.set(ci, { names, hits, explained: this.textCredit * textOnly });
    }
    return out;
  }

  /**
   * Best phrase per concept: a blend of "how much of the phrase did we say" (precision) and "how
   * much of what we said does the phrase explain" (recall), recall weighted higher.
   */
  private phraseScores(touched: Set<number>, known: Set<string>, queryWeight: number, cover: Map<number, { explained: number }>) {
    const best = new Map<number, number>();
    const whole = new Set<number>();
    for (const pi of touched) {
      const p = this.phrases[pi]!;
      let hit = 0;
      for (const t of p.tokens) if (known.has(t)) hit += this.weightOf(t);
      const precision = hit / this.phraseWeight[pi]!;
      if (precision >= 0.999) whole.add(p.concept);
      const recall = hit / (queryWeight - cover.get(p.concept)!.explained);
      const score = (p.weight * 1.5 * precision * recall) / (0.5 * precision + recall);
      if (score > (best.get(p.concept) ?? 0)) best.set(p.concept, score);
    }
    return { best, whole };
  }

  /** The name-and-text score of every candidate concept. */
  private nameScores(terms: readonly string[]): Map<number, number> {
    const queryWeight = terms.reduce((s, t) => s + this.weightOf(t), 0);
    const known = new Set(terms.filter((t) => this.idf.has(t)));
    const comparing = known.has(COMPARISON_TOKEN);
    const { touched, concepts } = this.candidates(known);
    const cover = this.coverage(terms, concepts);
    const phrase = this.phraseScores(touched, known, queryWeight, cover);
    const foreignCount = terms.filter((t) => !this.idf.has(t) && !this.textIdf.has(t) && !this.phrasings.has(t)).length;
    const scores = new Map<number, number>();
    for (const [ci, c] of cover) {
      const coverage = (c.names + c.explained) / queryWeight;
      let score = this.phraseShare * (phrase.best.get(ci) ?? 0) + (1 - this.phraseShare) * coverage;
      if (comparing && this.concepts[ci]!.comparison) score += 0.1;
      // One word of a longer name ("center" of "data center") is too thin to answer on when the
      // question has other words: offer it as a suggestion instead. The same goes for a whole
      // one-word name next to a word the pack never uses ("volume of a sphere").
      const thin = c.hits < 2 && terms.length > 1;
      if (thin && !phrase.whole.has(ci)) score *= WEAK_EVIDENCE;
      if (thin && foreignCount > 0) score *= FOREIGN_EVIDENCE;
      // Two or more words the pack never uses around one name word: most likely another topic.
      if (thin && foreignCount >= 2) score *= WEAK_EVIDENCE;
      scores.set(ci, score);
    }
    return scores;
  }

  /**
   * Blend the two kinds of evidence. A learner phrasing close to the question is strong evidence;
   * an out-of-scope phrasing closer than any concept's says the question is about something else.
   */
  private decide(evidence: Evidence, only?: number): ConceptHit[] {
    const { names, neighbours } = evidence;
    let bestNear = 0;
    for (const n of neighbours.byConcept.values()) if (n.score > bestNear) bestNear = n.score;
    const offScope = neighbours.outOfScope?.score ?? 0;
    const factor = offScope >= OUT_OF_SCOPE_MIN && offScope > bestNear + this.outOfScopeMargin ? this.outOfScopeDiscount : 1;
    // Only the best few are ever shown: keep those rather than sort every candidate.
    const top: { ci: number; score: number }[] = [];
    const consider = (ci: number) => {
      if (only !== undefined && ci !== only) return;
      const name = names.get(ci) ?? 0;
      const near = Math.min(1, (neighbours.byConcept.get(ci)?.score ?? 0) / this.phrasingFull);
      const score = round(Math.min(1, factor * Math.max(name, (1 - this.phrasingShare) * name + this.phrasingShare * near)));
      const id = this.concepts[ci]!.id;
      let at = top.length;
      while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && this.concepts[top[at - 1]!.ci]!.id > id))) at--;
      if (at < TOP_HITS) {
        top.splice(at, 0, { ci, score });
        if (top.length > TOP_HITS) top.pop();
      }
    };
    for (const ci of names.keys()) consider(ci);
    for (const ci of neighbours.byConcept.keys()) if (!names.has(ci)) consider(ci);
    return top.map(({ ci, score }) => ({ conceptId: this.concepts[ci]!.id, title: this.concepts[ci]!.title, confidence: score }));
  }
}
