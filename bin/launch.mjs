// Runs a bundled entry point (dist/, built by `npm run build`, which `npm ci` runs) when it is up to
// date, and its TypeScript sources through tsx otherwise, so an edit under src/ or adapters/ is
// never ignored. tsx is a development tool: an install without it (`npm ci --omit=dev`) always
// runs the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Which file to run: 'bundle' when dist/`bundle` is at least as new as every file under `dirs`. */
export function choose(bundle, dirs) {
  const file = join(root, 'dist', bundle);
  if (!existsSync(file)) return 'sources';
  const built = statSync(file).mtimeMs;
  return dirs.every((d) => newestSource(join(root, d)) <= built) ? 'bundle' : 'sources';
}

/**
 * Import dist/`bundle`, or `source` (a path under the project) through tsx when the bundle is
 * missing or older than a file under `dirs` (the folders its code comes from).
 */
export async function launch(bundle, source, dirs) {
  const file = join(root, 'dist', bundle);
  if (choose(bundle, dirs) === 'bundle') return import(pathToFileURL(file).href);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    if (existsSync(file)) {
      process.stderr.write(`Note: sources are newer than dist/${bundle}; running the bundle (run \`npm run build\` to rebuild).\n`);
      return import(pathToFileURL(file).href);
    }
    process.stderr.write(`dist/${bundle} is missing: run \`npm run build\` (it needs the esbuild package).\n`);
    process.exit(1);
  }
  register();
  return import(pathToFileURL(join(root, source)).href);
}
