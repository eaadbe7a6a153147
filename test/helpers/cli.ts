import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Run the built `tutor` CLI from the project root on the test pack, with quiet logs and SQLite (no DATABASE_URL). */
export function runTutor(args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/tutor.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: 'test/fixtures/pack', LOG_LEVEL: 'silent', DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
