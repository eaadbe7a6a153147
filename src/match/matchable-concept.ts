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
