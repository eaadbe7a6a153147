// Bundles the CLI into dist/ so that `tutor` starts fast (one file to load instead of
// hundreds of modules through the TypeScript loader). Run automatically by `npm ci`/`npm install`.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/tutor.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native and worker-thread packages must stay real node_modules imports.
  external: ['better-sqlite3', 'pg', 'pino', 'pino-pretty', 'croner', '@resvg/resvg-js'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Pre-parsed content for a fast cold start (entries are keyed by each file's text, so a stale
// cache is never used: an edited file is simply parsed again).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/content-cache.ts'], { stdio: 'inherit' });

// Diagrams rendered to PNG once, at build time, so answering only reads a file (keyed by each SVG's
// text, so an edited diagram is rendered again).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/render-diagrams.ts'], { stdio: 'inherit' });
