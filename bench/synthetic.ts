import type { MatchableConcept } from '../src/match/matcher.ts';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same packs and questions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ri to mu ne sa lo vi de pa gu zo fe ni ba tu me ro si la ve do ku pi ga te mo ru'.split(' ');
const DOMAIN =
  'container image volume network kernel hypervisor registry layer mount port socket daemon cluster node pod service storage memory process namespace cgroup snapshot driver runtime build cache secret config host guest bridge overlay'.split(
    ' ',
  );

const OPENERS = ['why does my', 'how do i fix', 'what happens when', 'is it bad to', 'can i use', 'where is the', 'my team asks about'];

/** Out-of-scope examples made of invented words only, so they compete without answering. */
export function syntheticOutOfScope(count: number, seed: number): string[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 4 + Math.floor(rand() * 6) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]! + SYLLABLES[Math.floor(rand() * SYLLABLES.length)]!).join(' '),
  );
}

export interface SyntheticConcept extends MatchableConcept {
  questions: string[];
}

/** A pack of `n` concepts whose names mix domain words with invented ones, like a large real curriculum. */
export function syntheticPack(n: number, seed = 42): SyntheticConcept[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const vocabulary = Array.from({ length: Math.max(200, Math.floor(n * 0.8)) }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(''));
  const word = () => (rand() < 0.3 ? pick(DOMAIN) : pick(vocabulary));
  const phrase = (min: number, max: number) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, word).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const title = phrase(2, 4);
    const aliases = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => phrase(2, 5));
    return {
      id: `synthetic-${i}`,
      title,
      aliases,
      keywords: Array.from({ length: 3 }, word),
      comparison: rand() < 0.05,
      // An explanation text like a real entry's, so the text index is part of the cost.
      text: phrase(60, 120),
      // Learner phrasings, as a real entry carries 15 to 25 of them.
      questions: [...aliases.slice(0, 2).map((a) => `how does ${a} work?`), ...Array.from({ length: 18 }, () => `${pick(OPENERS)} ${phrase(2, 6)}`)],
    };
  });
}

/** About-40-character questions built from the pack, some with a typo, some out of domain. */
export function syntheticQuestions(pack: readonly MatchableConcept[], count: number, seed = 7): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = pack[Math.floor(rand() * pack.length)]!;
    const base = rand() < 0.5 ? c.title : (c.aliases[Math.floor(rand() * c.aliases.length)] ?? c.title);
    let q = `what is the ${base} and how`;
    if (rand() < 0.3) q = typo(q, rand);
    if (rand() < 0.1) q = 'how do I bake sourdough bread at home?';
    out.push(q.padEnd(40, '?').slice(0, 48));
  }
  return out;
}

function typo(s: string, rand: () => number): string {
  const words = s.split(' ');
  const idx = words.findIndex((w) => w.length >= 6);
  if (idx < 0) return s;
  const w = words[idx]!;
  const p = 1 + Math.floor(rand() * (w.length - 2));
  words[idx] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  return words.join(' ');
}
