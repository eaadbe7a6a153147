import { FILLER_WORDS, GREETING_WORDS } from './words.ts';
import { applySynonyms } from './synonyms.ts';

/** Longest input we look at. Chat questions are short; a 100 KB paste must not cost 100 KB of work. */
export const MAX_QUESTION_CHARS = 500;

/** Strip platform markup (mentions, channel links, markdown) and fold to plain lower-case words. */
export function cleanText(raw: string, max = MAX_QUESTION_CHARS): string {
  let s = String(raw ?? '').slice(0, max * 4);
  // Most text is plain ASCII: the Unicode steps are only needed when it is not.
  const ascii = ASCII.test(s);
  if (!ascii) s = s.normalize('NFKC');
  s = s
    .replace(/<[@#!][^>\s]{0,80}>/g, ' ') // Slack <@U123>, <#C1|x>, <!here>; Discord <@123>, <@!1>, <@&1>, <#1>
    .replace(/<(https?:[^|>\s]+)\|([^>]*)>/g, ' $2 ') // Slack links <url|text>
    .replace(/\[([^\]]*)\]\([^)]*\)/g, ' $1 ') // markdown links
    .replace(/```[a-z]*\n?/gi, ' ')
    .replace(/[`*_~>#|]/g, ' ');
  // Terminal colour codes (pasted from a shell) would leave "31m" glued to a word.
  s = s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ' ');
  // Drop control characters and anything that is not a letter, digit or simple punctuation.
  s = ascii ? s.replace(/[\x00-\x1f\x7f]/g, ' ') : s.replace(/[\p{C}]/gu, ' ');
  // "FROM ubuntu" in capitals is the Dockerfile instruction, not the filler word "from".
  s = s.replace(/\bFROM\b/g, 'dockerfrom');
  s = s.toLowerCase();
  // "20GB", "1.2 gb" and "70ms" are a size or a time: keep the unit ("gb", "ms"), drop the
  // number, which is no "type 1 or 2". So is a version ("myapp:1.2", "python:3.12");
  // addresses ("0.0.0.0", "127.0.0.1") have more dots and stay.
  s = s.replace(/(?<![\d.])\d+(?:\.\d+)? ?(kb|mb|gb|tb|ms)\b/g, ' $1');
  s = s.replace(/(?<![\d.])\d+\.\d+(?!\.?\d)/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  // Cut at a word boundary so the last word is not a fragment that matches something else.
  const cut = s.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, max)).trim();
}

/**
 * Suffix folding so that "isolate/isolated/isolation", "mount/mounted/mounting" and
 * "volume/volumes" meet. Deliberately small and applied identically to questions and the index,
 * so the stems only have to agree with each other, not be real words.
 */
const SUFFIXES = ['izations', 'ization', 'isations', 'isation', 'ations', 'ation', 'ating', 'ated', 'ate', 'izing', 'ized', 'ize', 'ing', 'ed'];

/** Stems of words already seen: content and questions repeat the same few thousand words. */
const STEMS = new Map<string, string>();

export function stem(word: string): string {
  const known = STEMS.get(word);
  if (known !== undefined) return known;
  const out = stemOf(word);
  if (STEMS.size > 50_000) STEMS.clear();
  STEMS.set(word, out);
  return out;
}

function stemOf(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('xes')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      // "mapping" -> "mapp" -> "map", "running" -> "run"
      if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Split cleaned text into raw words (no filler removal, no stemming). */
function words(cleaned: string): string[] {
  return cleaned.split(ASCII.test(cleaned) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

const ASCII = /^[\x00-\x7f]*$/;

export interface NormalizedQuery {
  /** Cleaned text, used for display and the content-gap report. */
  text: string;
  /** Content tokens: synonyms applied, filler dropped, stemmed. */
  tokens: string[];
  /** True when the question is only a greeting, thanks or a plea for help. */
  smallTalk: boolean;
}

export function normalizeQuestion(raw: string): NormalizedQuery {
  const text = cleanText(raw);
  const all = applySynonyms(words(text));
  // Single letters stay ("-p", "-v" flags); the matcher ignores the ones it does not know.
  const meaningful = all.filter((w) => !FILLER_WORDS.has(w));
  const smallTalk = all.length > 0 && all.length <= 6 && all.every((w) => GREETING_WORDS.has(w) || FILLER_WORDS.has(w)) && all.some((w) => GREETING_WORDS.has(w));
  const tokens = meaningful.filter((w) => !GREETING_WORDS.has(w)).map(stem);
  return { text, tokens: dedupe(tokens), smallTalk };
}

/**
 * Index-side tokenisation: same cleaning, synonyms and stemming, but keeps every word and reads
 * the whole text (the question-length cap would drop most of an explanation).
 */
export function indexTokens(phrase: string): readonly string[] {
  const known = INDEX_TOKENS.get(phrase);
  if (known !== undefined) return known;
  const all = applySynonyms(words(cleanText(phrase, Number.POSITIVE_INFINITY)));
  const out = dedupe(all.filter((w) => !FILLER_WORDS.has(w)).map(stem));
  remember(phrase, out);
  return out;
}

/**
 * Index tokens of texts already seen: the content check and the matcher tokenise the same names
 * and phrasings, and a cold start can be seeded with the build's tokens (content/token-cache.ts).
 * Bounded, so a very large pack does not keep a second copy of itself.
 */
const INDEX_TOKENS = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 20_000;

function remember(phrase: string, tokens: readonly string[]): void {
  if (INDEX_TOKENS.size >= MAX_REMEMBERED) INDEX_TOKENS.clear();
  INDEX_TOKENS.set(phrase, tokens);
}

/** Add tokens computed earlier by this same tokeniser (the caller checks that it is the same). */
export function seedIndexTokens(entries: Iterable<[string, readonly string[]]>): void {
  for (const [phrase, tokens] of entries) remember(phrase, tokens);
}

/** Every remembered text and its tokens (the build writes them out). */
export function rememberedIndexTokens(): [string, readonly string[]][] {
  return [...INDEX_TOKENS];
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
