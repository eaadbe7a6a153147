// Writes dist/content-cache.json: the shipped content files parsed once at build time, so a cold
// start reads JSON instead of parsing YAML. Run by scripts/build.mjs.
import { loadContent } from '../src/content/load.ts';
import { writeParseCache, type ParseCache } from '../src/content/parse-cache.ts';
import { PARSE_CACHE_FILE, SHIPPED_CONTENT_DIR } from '../src/paths.ts';

const collect: ParseCache = new Map();
loadContent(SHIPPED_CONTENT_DIR, { parseCache: new Map(), collect });
const n = writeParseCache(PARSE_CACHE_FILE, collect);
process.stdout.write(`content cache: ${n} files\n`);
