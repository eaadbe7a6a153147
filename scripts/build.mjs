// Bundles the CLI, the bot and the Discord command registration into dist/ so that each starts
// fast (one file to load instead of hundreds of modules through the TypeScript loader), then
// writes the content cache and renders the diagrams. Run automatically by `npm ci`/`npm install`.
// It needs only esbuild (a dependency), not tsx, so a production install (`npm ci --omit=dev`)
// builds too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

import { build } from 'esbuild';

// A hash of the tokeniser's source, compiled into the bundle and stamped on the token cache, so the
// bundle only ever reads tokens made by its own tokeniser (see src/content/token-cache.ts).
const tokenizer = createHash('sha1');
for (const f of ['normalize.ts', 'synonyms.ts', 'words.ts']) tokenizer.update(readFileSync(`src/match/${f}`));
const fingerprint = tokenizer.digest('hex');
// The same for the matcher's classifier and the features it reads (see src/content/classifier-cache.ts).
const classifier = createHash('sha1');
for (const f of ['classifier.ts', 'phrasings.ts']) classifier.update(readFileSync(`src/match/${f}`));
const classifierFingerprint = classifier.digest('hex');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native and worker-thread packages must stay real node_modules imports.
  external: ['better-sqlite3', 'pg', 'pino', 'pino-pretty', 'croner', '@resvg/resvg-js'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { __TOKENIZER_FINGERPRINT__: JSON.stringify(fingerprint), __CLASSIFIER_FINGERPRINT__: JSON.stringify(classifierFingerprint) },
  logLevel: 'warning',
  // Less text for V8 to compile at start; names are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
};

mkdirSync('dist', { recursive: true });
// Every bundle sits directly in dist/: src/paths.ts finds the project root one folder up.
// The bot is split: Slack and Discord are loaded only when configured (adapters/registry.ts imports
// them lazily), so their code is in chunks of their own, named bot-*.mjs, beside the entries.
for (const f of readdirSync('dist', { withFileTypes: true })) if (f.isFile() && /^bot-.*\.mjs$/.test(f.name)) rmSync(`dist/${f.name}`);
await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/tutor.mjs' }),
  build({
    ...common,
    entryPoints: { start: 'adapters/start.ts', 'discord-register': 'adapters/discord/register.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'bot-[name]-[hash]',
  }),
]);

/** Bundle a build-time script next to the others, run it once, remove it. */
async function runScript(entry, name, args = []) {
  const outfile = `dist/${name}`;
  await build({ ...common, entryPoints: [entry], outfile });
  try {
    execFileSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  } finally {
    rmSync(outfile, { force: true });
  }
}

// Pre-parsed content for a fast cold start (entries are keyed by each file's text, so a stale
// cache is never used: an edited file is simply parsed again).
await runScript('scripts/content-cache.ts', 'build-content-cache.mjs', [fingerprint, classifierFingerprint]);

// Diagrams rendered to PNG once, at build time, so answering only reads a file (keyed by each SVG's
// text, so an edited diagram is rendered again).
await runScript('scripts/render-diagrams.ts', 'build-diagrams.mjs');
