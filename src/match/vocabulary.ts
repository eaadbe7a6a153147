import Fuse from 'fuse.js';

/**
 * Typo correction against the index vocabulary.
 *
 * Fuzzy search runs on single words, never on whole questions: fuse.js's cost grows with pattern
 * length times the number of candidates, so a 40-character question against thousands of titles
 * is what made the naive approach slow. Words are bucketed by first letter and length, so a
 * lookup only scans a few dozen short candidates however large the pack is.
 */
/** A learner-only word shorter than this is read as a name word only when it swaps two of its letters ("slow" is not a typo of "show"). */
const MIN_LEARNER_TYPO = 6;
/** Up to this many reachable candidates are measured directly rather than ranked by fuse.js first. */
const FEW_CANDIDATES = 8;

export class Vocabulary {
  private readonly known: Map<string, number>;
  /** Words by first letter and length, each with the set of letters it uses (a 32-bit mask). */
  private readonly buckets = new Map<string, { words: string[]; masks: Int32Array }>();
  private readonly cache = new Map<string, string | null>();

  /**
   * `learnerOnly` are known words that only learner phrasings use. Phrasings carry learners'
   * typos on purpose ("dokcer", "helthcheck"), so such a word one edit from a name word is read
   * as that name word: otherwise the typo would only ever meet the one phrasing that spells it so.
   */
  constructor(
    wordFrequencies: Map<string, number>,
    private readonly learnerOnly: ReadonlySet<string> = new Set(),
  ) {
    this.known = wordFrequencies;
    const grouped = new Map<string, string[]>();
    for (const w of wordFrequencies.keys()) {
      if (w.length < 4) continue;
      const key = bucketKey(w[0]!, w.length);
      let list = grouped.get(key);
      if (!list) grouped.set(key, (list = []));
      list.push(w);
    }
    for (const [key, list] of grouped) this.buckets.set(key, { words: list, masks: Int32Array.from(list, letterMask) });
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  get size(): number {
    return this.known.size;
  }

  /** The known word this one is most likely a typo of, or null. Short words are never corrected. */
  correct(word: string): string | null {
    const learners = this.learnerOnly.has(word);
    if (this.known.has(word) && !(learners && word.length >= 4)) return word;
    if (word.length < 4 || word.length > 30 || /\d/.test(word)) return null;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    // A short learner word is only read as a swapped pair of a name word ("exce", "imga").
    const named = (w: string) => w !== word && !this.learnerOnly.has(w) && (word.length >= MIN_LEARNER_TYPO || isSwap(word, w));
    const result = learners ? (this.lookup(word, 1, named) ?? word) : this.lookup(word);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string, maxDistance = word.length >= 8 ? 2 : 1, allowed: (candidate: string) => boolean = () => true): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFreq = -1;
    const consider = (candidate: string) => {
      if (!allowed(candidate)) return;
      // A four-letter word has too many one-letter neighbours ("love" -> "live"): accept only a
      // swapped pair ("slwo") or one missing letter ("mout").
      if (word.length === 4 && !(candidate.length === 5 || isSwap(word, candidate))) return;
      const d = osaDistance(word, candidate, maxDistance);
      if (d > maxDistance) return;
      const f = this.known.get(candidate) ?? 0;
      if (d < bestDistance || (d === bestDistance && f > bestFreq)) {
        best = candidate;
        bestDistance = d;
        bestFreq = f;
      }
    };
    // One edit changes at most two letters of the word's letter set, so a candidate whose set
    // differs by more cannot be within reach: a cheap filter that keeps the work small on a large
    // pack. The few that pass are measured directly, or ranked by fuse.js first when many pass.
    const mask = letterMask(word);
    const reachable: string[] = [];
    for (let len = word.length - maxDistance; len <= word.length + maxDistance; len++) {
      const bucket = this.buckets.get(bucketKey(word[0]!, len));
      if (!bucket) continue;
      // Only candidates it may become are ranked: at a cold start most lookups are learners' own
      // words, which may only become a name word, and fuse.js over the rest was wasted work.
      for (let k = 0; k < bucket.words.length; k++) if (popcount(mask ^ bucket.masks[k]!) <= 2 * maxDistance && allowed(bucket.words[k]!)) reachable.push(bucket.words[k]!);
    }
    // fuse.js counts a swapped pair as two errors, so it can drop "tpye" for "type": check swaps directly.
    for (const candidate of reachable) if (isSwap(word, candidate)) consider(candidate);
    // A handful of candidates are all measured; fuse.js only narrows a long list (and building it
    // per word was most of the cold start's typo-correction time).
    if (reachable.length <= FEW_CANDIDATES) for (const candidate of reachable) consider(candidate);
    else {
      const fuse = new Fuse(reachable, { threshold: 0.4, includeScore: true, ignoreLocation: true, isCaseSensitive: true });
      for (const r of fuse.search(word, { limit: 8 })) consider(r.item);
    }
    // A swapped first pair ("odcker") lands in another letter's bucket; try the obvious fix.
    const swapped = word[1]! + word[0]! + word.slice(2);
    if (this.known.has(swapped)) consider(swapped);
    return best;
  }
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Which of 32 letter classes (a-z, digits and others folded) a word uses. */
function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) m |= 1 << (word.charCodeAt(i) % 32);
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), with early exit. */
export function osaDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
