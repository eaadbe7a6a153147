import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** `npm start` as a user runs it: a clean environment, only what we pass. */
function start(input: string, env: Record<string, string> = {}) {
  // Not run from the project folder: a developer's .env there must not be read.
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'adapters/start.ts')], {
    cwd: resolve(root, 'test/fixtures'),
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: ':memory:', LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm start (adapters/start.ts)', () => {
  it('with no platform credentials answers piped questions in the console and exits at EOF', () => {
    const r = start('what is a hypervisor\ncontainer vs vm\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hypervisor (virtual machine monitor)');
    expect(r.out.indexOf('Hypervisor')).toBeLessThan(r.out.indexOf('Docker containers vs virtual machines'));
  });

  it('stops with file: field: message lines on an invalid content pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-start-'));
    try {
      writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: B\nsummary: S\nbody: B\nrelated: [ghost]\n');
      const r = start('hi\n', { CONTENT_DIR: dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain('broken.yaml: related.0: unknown concept id "ghost"');
      expect(r.out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with one line naming a malformed variable', () => {
    const r = start('hi\n', { MATCH_THRESHOLD: 'high' });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^Configuration error: MATCH_THRESHOLD: /);
  });
});
