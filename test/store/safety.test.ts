/**
 * The store refuses what it cannot trust, and the bot says so in one line: a newer schema, damaged
 * pages, an unusable DATA_DIR. `tutor db backup / check / restore` as real processes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite-migrations.ts';
import { DB_FILE, SqliteStore } from '../../src/store/sqlite.ts';
import { markRunning } from '../../src/store/sqlite-safety.ts';

const root = resolve(import.meta.dirname, '../..');
const run = (file: string, args: string[], env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), join(root, file), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONTENT_DIR: 'test/fixtures/pack', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    input: '',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tutor = (args: string[], dataDir: string) => run('bin/tutor.mjs', args, { DATA_DIR: dataDir });
/** `npm start` with Slack configured (nothing listens there: the store is checked before any adapter starts). */
const bot = (dataDir: string) =>
  run('adapters/start.ts', [], { DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'TestSigningSecret0123456789abcd', SLACK_API_URL: 'http://127.0.0.1:9/api/' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tutor-store-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

function seeded(): string {
  const store = SqliteStore.open(dir);
  void store.putSchedule({ platform: 'slack', channelId: 'C1', label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1, updatedBy: 'U1', updatedAt: 1 });
  store.close();
  return join(dir, DB_FILE);
}

describe('the store refuses what it cannot trust', () => {
  it('a schema newer than the code: one line with file, version and the highest known; nothing written', () => {
    const file = seeded();
    const Db = new Database(file);
    Db.pragma(`user_version = ${MIGRATIONS.length + 3}`);
    Db.close();
    const before = readFileSync(file);
    expect(() => SqliteStore.open(dir)).toThrow(`${file}: schema version ${MIGRATIONS.length + 3} is newer than this build knows (${MIGRATIONS.length})`);
    const r = bot(dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([expect.stringContaining(`Storage error: ${file}: schema version ${MIGRATIONS.length + 3}`)]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('damaged pages: one line naming the file and tutor db restore; nothing written', () => {
    const file = seeded();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096); // overwrite the second page
    closeSync(fd);
    const before = readFileSync(file);
    const r = bot(dir);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('tutor db restore');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(tutor(['db', 'check'], dir)).toMatchObject({ code: 1, err: expect.stringContaining('damaged') });
  });

  it.each([
    [
      'is a file',
      () => {
        const f = join(dir, 'plain-file');
        writeFileSync(f, 'x');
        return f;
      },
      'is a file, not a directory',
    ],
    [
      'cannot be created',
      () => {
        writeFileSync(join(dir, 'blocker'), 'x');
        return join(dir, 'blocker', 'data');
      },
      'cannot be created',
    ],
  ])('a DATA_DIR that %s: one line, exit 1, no stack trace', (_, make, message) => {
    const dataDir = make();
    const r = bot(dataDir);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`Storage error: DATA_DIR ${dataDir}: ${message}${message.startsWith('is a file') ? '; point DATA_DIR at a directory' : ' (ENOTDIR)'}`);
  });

  it.skipIf(process.getuid?.() === 0)('a DATA_DIR that is not writable: one line, exit 1', () => {
    chmodSync(dir, 0o500);
    const r = bot(dir);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`Storage error: DATA_DIR ${dir}: is not writable by this user`);
  });
});

describe('tutor db', () => {
  it('backup (while the store is open), check, and restore with the bot stopped; the replaced file is kept', () => {
    seeded();
    const open = SqliteStore.open(dir); // a running bot's connection
    const backup = join(dir, 'copy.db');
    const b = tutor(['db', 'backup', backup], dir);
    expect(b).toMatchObject({ code: 0, out: expect.stringContaining('1 schedules') });
    // One self-contained file: no -wal or -shm left beside the copy.
    expect([existsSync(`${backup}-wal`), existsSync(`${backup}-shm`)]).toEqual([false, false]);
    void open.putSchedule({ platform: 'slack', channelId: 'C2', label: 'daily 10:00', cron: '0 10 * * *', zone: 'UTC', nextRunAt: 1, updatedBy: 'U1', updatedAt: 1 });
    expect(tutor(['db', 'check'], dir)).toMatchObject({ code: 0, out: expect.stringContaining(': ok (schema version') });

    const unmark = markRunning(dir);
    const refused = tutor(['db', 'restore', backup], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the bot is running');
    unmark();
    open.close();

    const restored = tutor(['db', 'restore', backup], dir);
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('the previous file is kept as') });
    expect([existsSync(`${backup}-wal`), existsSync(`${backup}-shm`)]).toEqual([false, false]);
    const store = SqliteStore.open(dir);
    expect(store.countPosts('sent')).toBe(0);
    store.close();
    const check = new Database(join(dir, DB_FILE));
    expect((check.prepare('SELECT COUNT(*) AS n FROM schedules').get() as { n: number }).n).toBe(1);
    check.close();
  });

  it('restore refuses a damaged copy and leaves the database alone', () => {
    const file = seeded();
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database at all, just text '.repeat(200));
    const before = readFileSync(file);
    const r = tutor(['db', 'restore', bad], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bad);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
