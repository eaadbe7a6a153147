import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const env = { ...process.env, CONTENT_DIR: 'test/fixtures/pack', LOG_LEVEL: 'silent' };

function tutor(args: string[], input?: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin/tutor.mjs'), ...args], { cwd: root, env: { ...env, ...extraEnv }, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tutor ask --json', () => {
  it('prints exactly one JSON line in the documented shape', () => {
    const r = tutor(['ask', '--json', 'what is a hypervsior']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ query: 'what is a hypervsior', answer: { conceptId: 'hypervisor', title: 'Hypervisor', confidence: expect.any(Number) }, suggestions: expect.any(Array) });
  });

  it('answers stdin lines in order, one line each, whatever they hold', () => {
    const hostile = ['what is a volume', '', 'x'.repeat(100_000), '\u0001\u0002\u001b[31mred', '🐳🐳 docker 🐳', 'مرحبا ما هو الحاوية', '<!channel> <@U123> hypervisor', 'container vs vm'];
    const r = tutor(['ask', '--json', '-'], `${hostile.join('\n')}\n`);
    expect(r.code).toBe(0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; answer: { conceptId: string } | null; suggestions: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(hostile);
    expect(lines[0]!.answer?.conceptId).toBe('volume');
    expect(lines[1]!.answer).toBeNull();
    expect(lines[6]!.answer?.conceptId).toBe('hypervisor');
    expect(lines[7]!.answer?.conceptId).toBe('containers-vs-vms');
    for (const l of lines) expect(Array.isArray(l.suggestions)).toBe(true);
  });

  it('keeps a lone carriage return, line separators and colour codes inside one line', () => {
    const tricky = ['named\rvolume', 'x\u2028y\u2029z', 'what is a \u001b[31mhypervisor\u001b[0m', 'x', 'vs', 'with crlf\r'];
    const r = tutor(['ask', '--json', '-'], `${tricky.join('\n')}\n`);
    expect(r.code).toBe(0);
    // Split on U+2028/9 too, as some line readers do: still one line per input.
    const lines = r.out.trimEnd().split(/\n|\u2028|\u2029/);
    expect(lines).toHaveLength(tricky.length);
    const parsed = lines.map((l) => JSON.parse(l) as { query: string; answer: { conceptId: string } | null });
    expect(parsed.map((l) => l.query)).toEqual([...tricky.slice(0, 5), 'with crlf']);
    expect(parsed[2]!.answer?.conceptId).toBe('hypervisor');
    expect(parsed[3]!.answer).toBeNull();
    expect(parsed[4]!.answer).toBeNull();
  });

  it('takes questions about flags as questions', () => {
    const r = tutor(['ask', '--json', '-v named volume']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { query: string }).query).toBe('-v named volume');
  });

  it('exits non-zero only on usage errors', () => {
    const r = tutor(['ask', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: tutor ask/);
    expect(tutor(['frobnicate']).code).not.toBe(0);
  });
});

describe('tutor content check and eval', () => {
  it('passes a valid pack and fails an invalid one with file: field: message lines', () => {
    expect(tutor(['content', 'check', 'test/fixtures/pack']).out).toMatch(/^OK: 3 concepts/);
    const dir = mkdtempSync(join(tmpdir(), 'tutor-cli-'));
    try {
      writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: B\nsummary: S\nbody: B\nrelated: [ghost]\n');
      const r = tutor(['content', 'check', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('broken.yaml: related.0: unknown concept id "ghost"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports accuracy, rejection and misses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-eval-'));
    try {
      const file = join(dir, 'e.jsonl');
      writeFileSync(
        file,
        ['{"q":"what is a vmm","expect":["hypervisor"]}', '{"q":"named volume","expect":["volume"]}', '{"q":"pancakes","expect":null}', '{"q":"hypervisor","expect":["volume"]}'].join('\n'),
      );
      const r = tutor(['eval', file]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('In-domain top-1 accuracy: 0.667 (2/3)');
      expect(r.out).toContain('Out-of-domain rejection:  1.000 (1/1)');
      expect(r.out).toContain('"hypervisor": expected volume, got hypervisor');
      expect(tutor(['eval', file, '--min-accuracy', '0.9']).code).toBe(1);
      writeFileSync(file, 'not json\n');
      expect(tutor(['eval', file]).err).toContain('e.jsonl:1: not valid JSON');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a miss: the expected and the chosen concept, their words and nearest phrasing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-eval-'));
    try {
      const file = join(dir, 'e.jsonl');
      writeFileSync(file, '{"q":"hypervisor","expect":["volume"]}\n');
      const r = tutor(['eval', file, '--explain']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/expected volume 0(\.\d+)?: names\+text 0/);
      expect(r.out).toMatch(/chosen {2}hypervisor 1: names\+text [\d.]+ name words \[hypervisor\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports several sets, each on its own, and fails when any is below the bar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-eval-'));
    try {
      writeFileSync(join(dir, 'good.jsonl'), '{"q":"what is a vmm","expect":["hypervisor"]}\n');
      writeFileSync(join(dir, 'bad.jsonl'), '{"q":"hypervisor","expect":["volume"]}\n');
      const r = tutor(['eval', join(dir, 'good.jsonl'), join(dir, 'bad.jsonl'), '--json', '--min-accuracy', '0.5']);
      expect(r.code).toBe(1);
      const reports = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { file: string; inDomain: { accuracy: number } });
      expect(reports.map((x) => [x.file.endsWith('good.jsonl'), x.inDomain.accuracy])).toEqual([
        [true, 1],
        [false, 0],
      ]);
      expect(r.err).toContain('bad.jsonl: accuracy 0.000 is below 0.5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the concepts as JSON: id, title and summary only', () => {
    const r = tutor(['content', 'list', '--json', 'test/fixtures/pack']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, string>[];
    expect(rows.map((x) => x.id).sort()).toEqual(['containers-vs-vms', 'hypervisor', 'volume']);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'summary', 'title']);
    expect(tutor(['content', 'list', 'test/fixtures/pack']).out).toMatch(/^containers-vs-vms +\S/m);
  });

  it('names a malformed environment variable it uses', () => {
    const r = tutor(['ask', 'hi'], undefined, { MATCH_THRESHOLD: '2' });
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('Configuration error: MATCH_THRESHOLD: expected a number between 0 and 1 (got "2")');
  });

  it('ignores chat platform variables, which the CLI never uses', () => {
    const r = tutor(['ask', '--json', 'what is a volume'], undefined, { SLACK_PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_TOKEN: 'x' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { answer: { conceptId: string } }).answer.conceptId).toBe('volume');
  });
});
