/**
 * `npm start` as a real process with DATABASE_URL: it keeps its data in Postgres (nothing in
 * DATA_DIR), and a database it cannot use stops it with one line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { PgStore } from '../../src/store/pg.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../quiz/helpers.ts';
import { NEUTRAL_CWD } from '../reliability/bot-process.ts';

const root = resolve(import.meta.dirname, '../..');

function start(input: string, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'adapters/start.ts')], {
      cwd: NEUTRAL_CWD,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(input);
  });
}

describe.skipIf(!postgresAdminUrl())('npm start with DATABASE_URL', () => {
  const dbs: TestDatabase[] = [];
  const tmp = tempDir();
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    tmp.cleanup();
  });

  it('migrates the database and keeps what it learns there, not in DATA_DIR', async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const r = await start('how do i bake sourdough bread\n', { DATABASE_URL: db.url, DATA_DIR: tmp.dir });
    // Only the per-platform startup lines: no platform is configured here.
    expect(r.err).toBe('Slack: skipped, SLACK_BOT_TOKEN not set\nDiscord: skipped, DISCORD_TOKEN not set\n');
    expect(r.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'tutor.db'))).toBe(false);
    const pg = await PgStore.open(db.url, { max: 1 });
    try {
      expect(pg.schemaVersion).toBe(PG_MIGRATIONS.length);
      const gaps = await pg.gapReport(10);
      expect(gaps).toHaveLength(1);
      expect(gaps[0]).toMatchObject({ count: 1, platforms: ['console'] });
      expect(gaps[0]!.text).toMatch(/sourdough/);
    } finally {
      await pg.close();
    }
  });

  it('refuses a database with a newer schema, and an unreachable one, in one line each', async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const pg = await PgStore.open(db.url, { max: 1 });
    await pg.pool.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [PG_MIGRATIONS.length + 1]);
    await pg.close();
    const newer = await start('hi\n', { DATABASE_URL: db.url, DATA_DIR: tmp.dir });
    expect(newer.code).toBe(1);
    expect(newer.err).toBe(
      `Storage error: database ${db.name} on 127.0.0.1:5432: schema version ${PG_MIGRATIONS.length + 1} is newer than this build knows (${PG_MIGRATIONS.length}); run a newer tutor\n`,
    );
    expect(newer.out).toBe('');

    const down = await start('hi\n', { DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:1/tutor', DATA_DIR: tmp.dir });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^Storage error: database tutor on 127\.0\.0\.1:1: cannot be opened \([^\n]*\)\n$/);
    expect(down.err).not.toContain('hunter2');
  });

  it('a malformed DATABASE_URL is a configuration error naming the variable', async () => {
    const r = await start('hi\n', { DATABASE_URL: 'localhost:5432/tutor', DATA_DIR: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('Configuration error: DATABASE_URL: expected a Postgres URL like postgres://user@host:5432/tutor (got "local…")\n');
  });
});
