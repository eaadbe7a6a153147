import { intersectSorted } from './collections.ts';
import type { NameIndex } from './name-index.ts';

/** A word in more phrases than this is common: it scores candidates but does not add them. */
const COMMON_POSTINGS = 200;

export interface Candidates {
  /** Phrases (names) that hold a question word. */
  touched: Set<number>;
  /** Concepts those phrases or a keyword belong to. */
  concepts: Set<number>;
}

/**
 * Candidates come from the rarest words first. A very common word ("docker", "container")
 * only adds phrases while we still have few candidates; otherwise it just counts towards the
 * score of phrases found through rarer words. This keeps work flat as the pack grows.
 */
export function findCandidates(names: NameIndex, known: Set<string>): Candidates {
  const postingsOf = (t: string) => names.postings.get(t) ?? [];
  const byRarity = [...known].sort((a, b) => postingsOf(a).length - postingsOf(b).length);
  const touched = new Set<number>();
  const concepts = new Set<number>();
  const addPhrases = (list: readonly number[]) => {
    for (const pi of list) {
      touched.add(pi);
      concepts.add(names.phrases[pi]!.concept);
    }
  };
  const rare = byRarity.filter((t) => postingsOf(t).length <= COMMON_POSTINGS);
  if (rare.length > 0) {
    for (const t of rare) {
      addPhrases(postingsOf(t));
      for (const ci of names.keywordPostings.get(t) ?? []) concepts.add(ci);
    }
  } else if (byRarity.length >= 2) {
    // Only common words: the phrases that hold the two rarest of them together.
    const both = intersectSorted(postingsOf(byRarity[0]!), postingsOf(byRarity[1]!));
    addPhrases(both.length > 0 ? both : postingsOf(byRarity[0]!));
  } else if (byRarity.length === 1) {
    addPhrases(postingsOf(byRarity[0]!));
  }
  return { touched, concepts };
}
