import { indexTokens, normalizeQuestion, type NormalizedQuery } from './normalize.ts';
import { Vocabulary } from './vocabulary.ts';

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

/**
 * Term-level matcher: typo-correct each question word against the vocabulary, look the words up
 * in an inverted index of title/alias/keyword phrases, and score only the phrases they touch.
 * Work per question depends on the question's words and their postings, not the pack size.
 */
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
  private readonly unknownIdf: number;
  private readonly textCredit: number;
  private readonly phraseShare: number;
  readonly threshold: number;
  readonly suggestThreshold: number;

  constructor(concepts: readonly MatchableConcept[], options: MatcherOptions = {}) {
    this.concepts = [...concepts];
    this.threshold = options.threshold ?? 0.44;
    this.suggestThreshold = options.suggestThreshold ?? 0.25;
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
    const n = Math.max(1, this.concepts.length);
    for (const [t, df] of docFreq) this.idf.set(t, Math.log(1 + n / df));
    const textDf = new Map<string, number>();
    this.concepts.forEach((c, ci) => {
      const bag = new Set(c.text ? indexTokens(c.text) : []);
      this.textBags[ci] = bag;
      for (const t of bag) textDf.set(t, (textDf.get(t) ?? 0) + 1);
    });
    for (const [t, df] of textDf) this.textIdf.set(t, TEXT_WEIGHT * Math.log(1 + n / df));
    this.unknownIdf = (options.unknownWeight ?? 1) * Math.log(1 + n);
    this.textCredit = options.textCredit ?? 0.6;
    this.phraseShare = options.phraseShare ?? 0.4;
    this.phrases.forEach((p, pi) => {
      for (const t of p.tokens) push(this.postings, t, pi);
      this.phraseWeight[pi] = p.tokens.reduce((s, t) => s + this.weightOf(t), 0);
    });
    this.vocab = new Vocabulary(docFreq);
  }

  get size(): number {
    return this.concepts.length;
  }

  get vocabularySize(): number {
    return this.vocab.size;
  }

  match(question: string): MatchResult {
    const query = normalizeQuestion(question);
    // Long pastes are cut to the first 40 content words: enough for any real question.
    // Unknown one- and two-letter words and bare numbers carry no topic: drop them rather than
    // let them count against every concept.
    // Words the explanations use are spelled right already: only other words get typo correction.
    const terms = uniq(query.tokens.slice(0, 40).map((t) => (this.textIdf.has(t) ? t : (this.vocab.correct(t) ?? t)))).filter((t) => this.idf.has(t) || (t.length > 2 && !/^\d+$/.test(t)));
    // A lone letter ("x" of "VT-x") or a bare "vs" names no topic.
    const topical = terms.some((t) => t.length >= 2 && t !== COMPARISON_TOKEN);
    if (query.smallTalk || !topical) return { query, terms, best: null, suggestions: [] };

    const queryWeight = terms.reduce((s, t) => s + this.weightOf(t), 0);
    const known = new Set(terms.filter((t) => this.idf.has(t)));
    const comparing = known.has(COMPARISON_TOKEN);

    // Candidates come from the rarest words first. A very common word ("docker", "container")
    // only adds phrases while we still have few candidates; otherwise it just counts towards the
    // score of phrases found through rarer words. This keeps work flat as the pack grows.
    const byRarity = [...known].sort((a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0));
    const touched = new Set<number>();
    const candidates = new Set<number>();
    const addPhrases = (list: readonly number[]) => {
      for (const pi of list) {
        touched.add(pi);
        candidates.add(this.phrases[pi]!.concept);
      }
    };
    const rare = byRarity.filter((t) => (this.postings.get(t)?.length ?? 0) <= COMMON_POSTINGS);
    if (rare.length > 0) {
      for (const t of rare) {
        addPhrases(this.postings.get(t) ?? []);
        for (const ci of this.keywordPostings.get(t) ?? []) candidates.add(ci);
      }
    } else if (byRarity.length >= 2) {
      // Only common words: the phrases that hold the two rarest of them together.
      const both = intersectSorted(this.postings.get(byRarity[0]!) ?? [], this.postings.get(byRarity[1]!) ?? []);
      addPhrases(both.length > 0 ? both : (this.postings.get(byRarity[0]!) ?? []));
    } else if (byRarity.length === 1) {
      addPhrases(this.postings.get(byRarity[0]!) ?? []);
    }

    // Per concept: the question weight its names cover, and the weight only its explanation
    // text covers. Words the explanation uses are partly forgiven when they are not in a name,
    // so a long question in a learner's own words is not punished for every extra word.
    const nameWeight = new Map<number, number>();
    const nameHits = new Map<number, number>();
    const explained = new Map<number, number>();
    for (const ci of candidates) {
      const bag = this.bags[ci]!;
      const text = this.textBags[ci]!;
      let names = 0;
      let hits = 0;
      let textOnly = 0;
      for (const t of terms) {
        if (bag.has(t)) {
          names += this.weightOf(t);
          hits++;
        }
        else if (text.has(t)) textOnly += this.weightOf(t);
      }
      nameWeight.set(ci, names);
      nameHits.set(ci, hits);
      explained.set(ci, this.textCredit * textOnly);
    }

    // Best phrase per concept: a blend of "how much of the phrase did we say" (precision) and
    // "how much of what we said does the phrase explain" (recall), recall weighted higher.
    const phraseScore = new Map<number, number>();
    const wholePhrase = new Set<number>();
    for (const pi of touched) {
      const p = this.phrases[pi]!;
      let hit = 0;
      for (const t of p.tokens) if (known.has(t)) hit += this.weightOf(t);
      const precision = hit / this.phraseWeight[pi]!;
      if (precision >= 0.999) wholePhrase.add(p.concept);
      const recall = hit / (queryWeight - explained.get(p.concept)!);
      const score = (p.weight * 1.5 * precision * recall) / (0.5 * precision + recall);
      if (score > (phraseScore.get(p.concept) ?? 0)) phraseScore.set(p.concept, score);
    }
    const matchedWeight = new Map<number, number>();
    for (const ci of candidates) matchedWeight.set(ci, (nameWeight.get(ci)! + explained.get(ci)!) / queryWeight);

    const foreignCount = terms.filter((t) => !this.idf.has(t) && !this.textIdf.has(t)).length;
    const scored: ConceptHit[] = [];
    for (const [ci, coverage] of matchedWeight) {
      const c = this.concepts[ci]!;
      let score = this.phraseShare * (phraseScore.get(ci) ?? 0) + (1 - this.phraseShare) * coverage;
      if (comparing && c.comparison) score += 0.1;
      // One word of a longer name ("center" of "data center") is too thin to answer on when the
      // question has other words: offer it as a suggestion instead. The same goes for a whole
      // one-word name next to a word the pack never uses ("volume of a sphere").
      const thin = nameHits.get(ci)! < 2 && terms.length > 1;
      if (thin && !wholePhrase.has(ci)) score *= WEAK_EVIDENCE;
      if (thin && foreignCount > 0) score *= FOREIGN_EVIDENCE;
      // Two or more words the pack never uses around one name word: most likely another topic.
      if (thin && foreignCount >= 2) score *= WEAK_EVIDENCE;
      scored.push({ conceptId: c.id, title: c.title, confidence: round(Math.min(1, score)) });
    }
    scored.sort((a, b) => b.confidence - a.confidence || a.conceptId.localeCompare(b.conceptId));

    const top = scored[0];
    const best = top && top.confidence >= this.threshold ? top : null;
    const suggestions = scored
      .filter((h) => h !== best && h.confidence >= this.suggestThreshold)
      .slice(0, 3);
    return { query, terms, best, suggestions };
  }

  /** Rare words weigh more. Words only seen in explanations weigh less than names; unknown words weigh most. */
  private weightOf(token: string): number {
    return this.idf.get(token) ?? this.textIdf.get(token) ?? this.unknownIdf;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

function addTo(map: Map<number, Set<string>>, key: number, value: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
