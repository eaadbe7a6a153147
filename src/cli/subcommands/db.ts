import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../../store/sqlite-migrations.ts';
import { DB_FILE } from '../../store/sqlite.ts';
import { runningProcesses } from '../../store/sqlite-safety.ts';
import { copySqliteToPostgres } from '../../store/copy-to-postgres.ts';
import { describeDatabase } from '../../store/pg-schema.ts';
import { PG_MIGRATIONS } from '../../store/pg-migrations.ts';
import { PgStore } from '../../store/pg.ts';
import { CliError, cliConfig } from '../context.ts';

const open = (file: string, readonly = true): Database.Database => {
  const Db = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  try {
    return new Db(file, { readonly, fileMustExist: true });
  } catch (err) {
    throw new CliError(`${file}: cannot be opened (${(err as Error).message})`);
  }
};

/** The full integrity check and the schema version of a database file; throws CliError when it cannot be trusted. */
function verify(file: string): { version: number; posts: number; schedules: number } {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  const db = open(file);
  try {
    let verdict: string;
    let version: number;
    try {
      verdict = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw new CliError(`${file}: is damaged or not a tutor database (${(err as Error).message})`);
    }
    if (verdict !== 'ok') throw new CliError(`${file}: is damaged (${verdict.slice(0, 200)})`);
    if (version > MIGRATIONS.length) throw new CliError(`${file}: schema version ${version} is newer than this build knows (${MIGRATIONS.length})`);
    const count = (table: string) => (version > 0 ? Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n) : 0);
    return { version, posts: count('posts'), schedules: count('schedules') };
  } finally {
    db.close();
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export function register(program: Command): void {
  const db = program.command('db').description('check, back up and restore the SQLite database in DATA_DIR; copy it into Postgres');
  const dbFile = () => join(resolve(cliConfig().dataDir), DB_FILE);

  db.command('check')
    .description('run the full integrity check on DATA_DIR/tutor.db (with DATABASE_URL: check the Postgres database instead)')
    .action(async () => {
      const url = cliConfig().databaseUrl;
      if (url) {
        const r = await PgStore.inspect(url);
        if (r.version > PG_MIGRATIONS.length) throw new CliError(`${r.label}: schema version ${r.version} is newer than this build knows (${PG_MIGRATIONS.length}); run a newer tutor`);
        const state =
          r.version === 0 ? 'reachable, not migrated yet (the bot migrates it at start)' : `ok (schema version ${r.version} of ${PG_MIGRATIONS.length}, ${r.schedules} schedules, ${r.posts} posts)`;
        process.stdout.write(`${r.label}: ${state}\n`);
        return;
      }
      const file = dbFile();
      const r = verify(file);
      process.stdout.write(`${file}: ok (schema version ${r.version} of ${MIGRATIONS.length}, ${r.schedules} schedules, ${r.posts} posts)\n`);
    });

  db.command('backup [file]')
    .description('a consistent copy of the database, safe while the bot runs (default DATA_DIR/backups/tutor-<time>.db)')
    .action(async (target?: string) => {
      const file = dbFile();
      if (!existsSync(file)) throw new CliError(`${file}: no such file (nothing to back up)`);
      const out = resolve(target ?? join(dirname(file), 'backups', `tutor-${stamp()}.db`));
      if (existsSync(out)) throw new CliError(`${out}: already exists; choose another name`);
      mkdirSync(dirname(out), { recursive: true });
      const src = open(file);
      try {
        await src.backup(out);
      } finally {
        src.close();
      }
      // The copy inherits WAL mode, and opening it read-only (verify, restore) would then leave
      // empty -wal and -shm files beside it; a backup should be the one file. The bot turns WAL back on.
      const copy = open(out, false);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      const r = verify(out);
      process.stdout.write(`${out}: backed up (schema version ${r.version}, ${r.schedules} schedules, ${r.posts} posts)\n`);
    });

  db.command('restore <file>')
    .description('check a backup and put it in place of DATA_DIR/tutor.db (the bot must be stopped; the old file is kept)')
    .action((from: string) => {
      const file = dbFile();
      const source = resolve(from);
      const r = verify(source);
      const dir = dirname(file);
      const running = runningProcesses(dir);
      if (running.length) throw new CliError(`DATA_DIR ${dir}: the bot is running (pid ${running.join(', ')}); stop it, then restore`);
      mkdirSync(dir, { recursive: true });
      const incoming = `${file}.restoring`;
      copyFileSync(source, incoming);
      let kept = '';
      if (existsSync(file)) {
        kept = `${file}.replaced-${stamp()}`;
        renameSync(file, kept);
      }
      for (const side of ['-wal', '-shm']) if (existsSync(file + side)) kept ? renameSync(file + side, kept + side) : rmSync(file + side);
      renameSync(incoming, file);
      process.stdout.write(`${file}: restored from ${source} (schema version ${r.version}, ${r.schedules} schedules, ${r.posts} posts)${kept ? `; the previous file is kept as ${kept}` : ''}\n`);
    });

  db.command('migrate-to-postgres')
    .description('copy DATA_DIR/tutor.db (schedules, posts, answers, reviews, gaps, uploads, …) into the Postgres database at DATABASE_URL; safe to run again')
    .option('--from <file>', 'the SQLite database to copy (default: DATA_DIR/tutor.db)')
    .option('--to <url>', 'the Postgres database (default: DATABASE_URL)')
    .action(async (opts: { from?: string; to?: string }) => {
      const file = opts.from ? resolve(opts.from) : dbFile();
      const url = opts.to ?? cliConfig().databaseUrl;
      if (!url) throw new CliError('DATABASE_URL is not set: set it, or pass --to postgres://user@host:5432/tutor', 2);
      if (!/^postgres(ql)?:\/\/./.test(url)) throw new CliError('--to: expected a Postgres URL like postgres://user@host:5432/tutor', 2);
      if (!existsSync(file)) throw new CliError(`${file}: no such file (nothing to copy)`);
      const copies = await copySqliteToPostgres(file, url);
      const width = Math.max(...copies.map((c) => c.table.length), 5);
      for (const c of copies) process.stdout.write(`${c.table.padEnd(width)}  ${String(c.copied).padStart(7)} copied  ${String(c.present).padStart(7)} already there  (${c.source} in SQLite)\n`);
      const total = copies.reduce((n, c) => n + c.copied, 0);
      process.stdout.write(`${file} -> ${describeDatabase(url)}: ${total} rows copied\n`);
    });
}
