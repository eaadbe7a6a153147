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
 * or type 2?") the question is the comparison itself and keeps every word. Only a word that names
 * something classified is a subject (a name word of an entry whose names speak of hypervisors
 * or of type 1 or 2): "type 1 vs type 2 summary" and "I keep mixing up type 1 and 2" name none.
 */
function classificationSubject(terms: string[], names: NameIndex): string[] {
  if (!(terms.includes('type') && terms.includes('1') && terms.includes('2'))) return terms;
  const products = classifiedNames(names);
  const subject = terms.filter((t) => !CLASSES.has(t) && t !== 'hypervisor' && products.has(t));
  return subject.length > 0 ? terms.filter((t) => !CLASSES.has(t)) : terms;
}

const CLASSIFIED = new WeakMap<NameIndex, Set<string>>();

/** Name words of the entries whose names speak of hypervisors or of type 1 or 2 (VirtualBox, ESXi, KVM), less the comparison's. */
function classifiedNames(names: NameIndex): Set<string> {
  let out = CLASSIFIED.get(names);
  if (!out) {
    out = new Set();
    for (const bag of names.bags) if (bag.has('hypervisor') || (bag.has('type') && (bag.has('1') || bag.has('2')))) for (const t of bag) out.add(t);
    // The comparison's own words ("mixing up", "difference") say what is asked, not of what.
    for (const bag of names.bags) if (bag.has('1') && bag.has('2')) for (const t of bag) out.delete(t);
    CLASSIFIED.set(names, out);
  }
  return out;
}
