import { stem, type NormalizedQuery } from './normalize.ts';
import { applyStemmedSynonyms } from './synonyms.ts';
import { uniq } from './collections.ts';
import type { NameIndex } from './name-index.ts';
import type { Vocabulary } from './vocabulary.ts';

/** "vs" says a comparison is asked, not which things are compared. */
export const COMPARISON_TOKEN = 'vs';

const CLASSES = new Set(['type', '1', '2', COMPARISON_TOKEN]);

/** Long pastes are cut to this many content words: enough for any real question. */
const MAX_TERMS = 40;

/**
 * The question's words after typo correction. Unknown one- and two-letter words and bare numbers
 * carry no topic and are dropped. Words the explanations use are spelled right already.
 */
export function questionTerms(query: NormalizedQuery, names: NameIndex, vocab: Vocabulary): string[] {
  const tokens = query.tokens.slice(0, MAX_TERMS);
  let corrected = tokens.map((t) => (names.textIdf.has(t) ? t : (vocab.correct(t) ?? t)));
  if (corrected.some((t, i) => t !== tokens[i])) corrected = applyStemmedSynonyms(corrected, stem);
  return classificationSubject(
    uniq(corrected).filter((t) => names.idf.has(t) || (t.length > 2 && !/^\d+$/.test(t))),
    names,
  );
}

/** A lone letter ("x" of "VT-x") or a bare "vs" names no topic. */
export function isTopical(terms: readonly string[]): boolean {
  return terms.some((t) => t.length >= 2 && t !== COMPARISON_TOKEN);
}

/**
 * "Is VirtualBox type 1 or type 2?" asks about VirtualBox: score on the product alone, so the
 * entry that classifies it answers rather than the general comparison. With no subject ("type 1
 * or type 2?") the question is the comparison itself and keeps every word. Only a word some entry
 * names is a subject: "type 1 vs type 2 summary" and "the diffrence between type 1 and 2" name none.
 */
function classificationSubject(terms: string[], names: NameIndex): string[] {
  if (!(terms.includes('type') && terms.includes('1') && terms.includes('2'))) return terms;
  const subject = terms.filter((t) => !CLASSES.has(t) && t !== 'hypervisor' && names.idf.has(t));
  return subject.length > 0 ? terms.filter((t) => !CLASSES.has(t)) : terms;
}
