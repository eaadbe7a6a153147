import { fileURLToPath } from 'node:url';

// Both paths are found from this module's own location, one folder below the project root. That
// holds for src/paths.ts and for the bundles in dist/, so they work from any working directory.

/** The content packs shipped with the bot. */
export const SHIPPED_CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url));

/** Parsed content files keyed by a hash of their text, written by the build (see content/parse-cache.ts). */
export const PARSE_CACHE_FILE = fileURLToPath(new URL('../dist/content-cache.json', import.meta.url));

/** Index tokens of the shipped texts, written by the build (see content/token-cache.ts). */
export const TOKEN_CACHE_FILE = fileURLToPath(new URL('../dist/token-cache.json', import.meta.url));

/** The matcher's classifier trained on the shipped pack, written by the build (see content/classifier-cache.ts). */
export const CLASSIFIER_CACHE_FILE = fileURLToPath(new URL('../dist/classifier-cache.json', import.meta.url));

/** Rendered diagrams (PNG) keyed by a hash of their SVG, written by the build (see diagrams/render.ts). */
export const DIAGRAM_CACHE_DIR = fileURLToPath(new URL('../dist/diagrams', import.meta.url));
