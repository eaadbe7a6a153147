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
}

interface Phrase {
  concept: number;
  tokens: string[];
  weight: number;
}

const COMPARISON_TOKEN = 'vs';
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
  private readonly vocab: Vocabulary;
  private readonly maxIdf: number;
  readonly threshold: number;
  readonly suggestThreshold: number;

  constructor(concepts: readonly MatchableConcept[], options: MatcherOptions = {}) {
    this.concepts = [...concepts];
    this.threshold = options.threshold ?? 0.5;
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
    this.maxIdf = Math.log(1 + n);
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
    const terms = uniq(query.tokens.slice(0, 40).map((t) => this.vocab.correct(t) ?? t)).filter((t) => this.idf.has(t) || (t.length > 2 && !/^\d+$/.test(t)));
    if (query.smallTalk || terms.length === 0) return { query, terms, best: null, suggestions: [] };

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

    // Best phrase per concept: a blend of "how much of the phrase did we say" (precision) and
    // "how much of what we said does the phrase explain" (recall), recall weighted higher.
    const phraseScore = new Map<number, number>();
    for (const pi of touched) {
      const p = this.phrases[pi]!;
      let hit = 0;
      for (const t of p.tokens) if (known.has(t)) hit += this.weightOf(t);
      const precision = hit / this.phraseWeight[pi]!;
      const recall = hit / queryWeight;
      const score = (p.weight * 1.5 * precision * recall) / (0.5 * precision + recall);
      if (score > (phraseScore.get(p.concept) ?? 0)) phraseScore.set(p.concept, score);
    }
    // Bag of all the concept's words (titles, aliases, keywords): how much of the question it covers.
    const matchedWeight = new Map<number, number>();
    for (const ci of candidates) {
      const bag = this.bags[ci]!;
      let w = 0;
      for (const t of known) if (bag.has(t)) w += this.weightOf(t);
      matchedWeight.set(ci, w / queryWeight);
    }

    const scored: ConceptHit[] = [];
    for (const [ci, coverage] of matchedWeight) {
      const c = this.concepts[ci]!;
      let score = 0.7 * (phraseScore.get(ci) ?? 0) + 0.3 * coverage;
      if (comparing && c.comparison) score += 0.1;
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

  private weightOf(token: string): number {
    return this.idf.get(token) ?? this.maxIdf;
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
