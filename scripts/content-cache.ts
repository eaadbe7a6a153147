// Writes dist/content-cache.json: the shipped content files parsed once at build time, so a cold
// start reads JSON instead of parsing YAML; and dist/token-cache.json: the index tokens of every
// text the matcher reads, stamped with the tokeniser hash given as the first argument; and
// dist/classifier-cache.json: the matcher's classifier trained on the shipped pack, stamped with
// the classifier hash given as the second. Run by scripts/build.mjs.
import { loadContent } from '../src/content/load.ts';
import { writeParseCache, type ParseCache } from '../src/content/parse-cache.ts';
import { writeTokenCache } from '../src/content/token-cache.ts';
import { writeClassifierCache } from '../src/content/classifier-cache.ts';
import { Matcher } from '../src/match/matcher.ts';
import { CLASSIFIER_CACHE_FILE, PARSE_CACHE_FILE, SHIPPED_CONTENT_DIR, TOKEN_CACHE_FILE } from '../src/paths.ts';
import { matchableConcept } from '../src/tutor.ts';

const collect: ParseCache = new Map();
const { pack } = loadContent(SHIPPED_CONTENT_DIR, { parseCache: new Map(), collect });
const n = writeParseCache(PARSE_CACHE_FILE, collect);
const [fingerprint, classifierFingerprint] = process.argv.slice(2);
let tokens = 0;
if (fingerprint) {
  // Building the matcher as the bot does tokenises exactly the texts a start needs, and trains its classifier.
  const matcher = new Matcher(pack.concepts.map(matchableConcept), { outOfScope: pack.outOfScope });
  tokens = writeTokenCache(TOKEN_CACHE_FILE, fingerprint);
  if (classifierFingerprint) writeClassifierCache(CLASSIFIER_CACHE_FILE, classifierFingerprint, matcher.classifierWeights);
}
process.stdout.write(`content cache: ${n} files, ${tokens} token lists\n`);
