/**
 * bin/launch.mjs (behind `npm start`, `tutor` and `discord:register`): the bundle when it is at
 * least as new as every source file, the TypeScript sources through tsx when one is newer, and
 * the bundle with a note when tsx is not installed (a production install). Run in a throwaway
 * copy of the layout, with file times set explicitly.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A project with bin/launch.mjs, dist/app.mjs, src/app.ts and adapters/x.ts; each prints where it ran from. */
function project(withTsx: boolean): string {
  dir = mkdtempSync(join(tmpdir(), 'tutor-launch-'));
  for (const d of ['bin', 'dist', 'src', 'adapters']) mkdirSync(join(dir, d));
  copyFileSync(join(root, 'bin/launch.mjs'), join(dir, 'bin/launch.mjs'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'bin/app.mjs'), "import { launch } from './launch.mjs';\nawait launch('app.mjs', 'src/app.ts', ['src', 'adapters']);\n");
  writeFileSync(join(dir, 'dist/app.mjs'), "console.log('ran the bundle');\n");
  writeFileSync(join(dir, 'src/app.ts'), "const from: string = 'ran the sources';\nconsole.log(from);\n");
  writeFileSync(join(dir, 'adapters/x.ts'), 'export {};\n');
  if (withTsx) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const at = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(dir, file), t, t);
};

const run = () => spawnSync(process.execPath, [join(dir, 'bin/app.mjs')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });

describe('bin/launch.mjs', () => {
  it('runs the bundle when it is newer than every source', () => {
    project(true);
    at('src/app.ts', 100);
    at('adapters/x.ts', 100);
    at('dist/app.mjs', 10);
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ran the bundle\n');
  });

  it('runs the sources through tsx when a file under any listed folder is newer than the bundle', () => {
    project(true);
    at('src/app.ts', 100);
    at('dist/app.mjs', 50);
    at('adapters/x.ts', 10);
    expect(run().stdout).toBe('ran the sources\n');
  });

  it('runs the sources when there is no bundle', () => {
    project(true);
    rmSync(join(dir, 'dist/app.mjs'));
    expect(run().stdout).toBe('ran the sources\n');
  });

  it('without tsx (npm ci --omit=dev) runs a stale bundle and says how to rebuild', () => {
    project(false);
    at('dist/app.mjs', 100);
    const r = run();
    expect(r.stdout).toBe('ran the bundle\n');
    expect(r.stderr).toBe('Note: sources are newer than dist/app.mjs; running the bundle (run `npm run build` to rebuild).\n');
  });

  it('without tsx and without a bundle stops with what to run', () => {
    project(false);
    rmSync(join(dir, 'dist/app.mjs'));
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('dist/app.mjs is missing: run `npm run build` (it needs the esbuild package).\n');
  });
});
