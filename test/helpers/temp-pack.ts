import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { formatIssue } from '../../src/content/model.ts';

/**
 * Content packs written to temporary folders for one test file: `pack({ 'a.yaml': ... })` returns
 * a root holding `pack/a.yaml`; every folder is removed after each test.
 */
export function tempPacks(prefix: string) {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const pack = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(root);
    for (const [name, text] of Object.entries(files)) {
      const full = join(root, 'pack', name);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
    }
    return root;
  };
  /** Every problem loading reports, as `file: path: message` lines. */
  const messages = (root: string) => loadContent(root).issues.map(formatIssue);
  return { pack, messages };
}
