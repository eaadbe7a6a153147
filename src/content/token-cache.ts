import { readFileSync, writeFileSync } from 'node:fs';
import { rememberedIndexTokens, seedIndexTokens } from '../match/normalize.ts';

/**
 * Tokenising names, phrasings and explanations is a large part of building the matcher at a cold
 * start. The build writes every shipped text's tokens beside the parse cache, stamped with a hash
 * of the tokeniser's source (normalize, synonyms, words) that it also compiles into the bundle.
 * The bundle uses the file only when both stamps agree; run from source there is no stamp, so
 * everything is tokenised afresh and an edited tokeniser can never meet stale tokens.
 */
declare const __TOKENIZER_FINGERPRINT__: string | undefined;

const BUNDLED_TOKENIZER: string | null = typeof __TOKENIZER_FINGERPRINT__ === 'string' ? __TOKENIZER_FINGERPRINT__ : null;

interface TokenCacheFile {
  fingerprint: string;
  tokens: Record<string, string[]>;
}

/** Seed the tokeniser from `file` when its stamp is `fingerprint`. Returns how many texts it added. */
export function seedFromTokenCache(file: string, fingerprint: string | null = BUNDLED_TOKENIZER): number {
  if (!fingerprint) return 0;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<TokenCacheFile>;
    if (data.fingerprint !== fingerprint || typeof data.tokens !== 'object' || data.tokens === null) return 0;
    const entries = Object.entries(data.tokens).filter((e): e is [string, string[]] => Array.isArray(e[1]));
    seedIndexTokens(entries);
    return entries.length;
  } catch {
    // A missing or unreadable cache only costs time.
    return 0;
  }
}

/** Write every text tokenised so far in this process, stamped with `fingerprint`. */
export function writeTokenCache(file: string, fingerprint: string): number {
  const tokens: Record<string, readonly string[]> = {};
  for (const [text, t] of rememberedIndexTokens()) tokens[text] = t;
  writeFileSync(file, JSON.stringify({ fingerprint, tokens }));
  return Object.keys(tokens).length;
}
