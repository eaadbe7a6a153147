// Bundles the CLI into dist/ so that `tutor` starts fast (one file to load instead of
// hundreds of modules through the TypeScript loader). Run automatically by `npm ci`/`npm install`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// A hash of the tokeniser's source, compiled into the bundle and stamped on the token cache, so the
// bundle only ever reads tokens made by its own tokeniser (see src/content/token-cache.ts).
const tokenizer = createHash('sha1');
for (const f of ['normalize.ts', 'synonyms.ts', 'words.ts']) tokenizer.update(readFileSync(`src/match/${f}`));
const fingerprint = tokenizer.digest('hex');

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/tutor.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native and worker-thread packages must stay real node_modules imports.
  external: ['better-sqlite3', 'pino', 'pino-pretty', 'croner', '@resvg/resvg-js'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { __TOKENIZER_FINGERPRINT__: JSON.stringify(fingerprint) },
  logLevel: 'warning',
});

// Pre-parsed content for a fast cold start (entries are keyed by each file's text, so a stale
// cache is never used: an edited file is simply parsed again).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/content-cache.ts', fingerprint], { stdio: 'inherit' });

// Diagrams rendered to PNG once, at build time, so answering only reads a file (keyed by each SVG's
// text, so an edited diagram is rendered again).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/render-diagrams.ts'], { stdio: 'inherit' });
