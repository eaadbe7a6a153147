import { intersectSorted } from './collections.ts';
import type { NameIndex } from './name-index.ts';

/** A word in more phrases than this is common: it scores candidates but does not add them. */
const COMMON_POSTINGS = 200;

/**
 * The phrases (names) a question's words touch and the concepts they or a keyword belong to, in
 * arrays allocated once and reused for every question.
 */
export class Candidates {
  readonly phrases: Int32Array;
  readonly concepts: Int32Array;
  phraseCount = 0;
  conceptCount = 0;
  private readonly phraseMark: Uint8Array;
  private readonly conceptMark: Uint8Array;

  constructor(
    private readonly names: NameIndex,
    conceptCount: number,
  ) {
    this.phrases = new Int32Array(names.phrases.length);
    this.phraseMark = new Uint8Array(names.phrases.length);
    this.concepts = new Int32Array(conceptCount);
    this.conceptMark = new Uint8Array(conceptCount);
  }

  /**
   * Candidates come from the rarest words first. A very common word ("docker", "container")
   * only adds phrases while we still have few candidates; otherwise it just counts towards the
   * score of phrases found through rarer words. This keeps work flat as the pack grows.
   */
  find(known: Set<string>): void {
    this.clear();
    const { names } = this;
    const postingsOf = (t: string) => names.postings.get(t) ?? [];
    const byRarity = [...known].sort((a, b) => postingsOf(a).length - postingsOf(b).length);
    const rare = byRarity.filter((t) => postingsOf(t).length <= COMMON_POSTINGS);
    if (rare.length > 0) {
      for (const t of rare) {
        this.addPhrases(postingsOf(t));
        for (const ci of names.keywordPostings.get(t) ?? []) this.addConcept(ci);
      }
    } else if (byRarity.length >= 2) {
      // Only common words: the phrases that hold the two rarest of them together.
      const both = intersectSorted(postingsOf(byRarity[0]!), postingsOf(byRarity[1]!));
      this.addPhrases(both.length > 0 ? both : postingsOf(byRarity[0]!));
    } else if (byRarity.length === 1) {
      this.addPhrases(postingsOf(byRarity[0]!));
    }
  }

  private clear(): void {
    for (let k = 0; k < this.phraseCount; k++) this.phraseMark[this.phrases[k]!] = 0;
    for (let k = 0; k < this.conceptCount; k++) this.conceptMark[this.concepts[k]!] = 0;
    this.phraseCount = 0;
    this.conceptCount = 0;
  }

  private addPhrases(list: readonly number[]): void {
    for (const pi of list) {
      if (this.phraseMark[pi] === 1) continue;
      this.phraseMark[pi] = 1;
      this.phrases[this.phraseCount++] = pi;
      this.addConcept(this.names.phrases[pi]!.concept);
    }
  }

  private addConcept(ci: number): void {
    if (this.conceptMark[ci] === 1) return;
    this.conceptMark[ci] = 1;
    this.concepts[this.conceptCount++] = ci;
  }
}
