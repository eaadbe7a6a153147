import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './sqlite-migrations.ts';

import { StoreError } from './errors.ts';

export { StoreError };

/** Make sure DATA_DIR is a directory this process can write, creating it if needed. */
export function prepareDataDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError(`DATA_DIR ${dir}: is a file, not a directory; point DATA_DIR at a directory`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new StoreError(`DATA_DIR ${dir}: cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new StoreError(`DATA_DIR ${dir}: is not writable by this user`);
  }
}

/**
 * Refuse a database this build cannot trust, before anything is written to it: a schema newer than
 * the code, or damaged pages (quick_check). `file` is only for the message.
 */
export function checkBeforeWriting(db: Database.Database, file: string): void {
  let version: number;
  let verdict: string;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    verdict = String(db.pragma('quick_check(1)', { simple: true }));
  } catch (err) {
    throw new StoreError(`${file}: is damaged or not a tutor database (${(err as Error).message}); restore a backup with: tutor db restore FILE`);
  }
  if (version > MIGRATIONS.length) {
    throw new StoreError(`${file}: schema version ${version} is newer than this build knows (${MIGRATIONS.length}); run a newer tutor, or restore an older backup with: tutor db restore FILE`);
  }
  if (verdict !== 'ok') throw new StoreError(`${file}: is damaged (${verdict.split('\n')[0]}); nothing was written to it; restore a backup with: tutor db restore FILE`);
}

const PID_PREFIX = 'tutor-running-';

/** Mark this process as using DATA_DIR (so `tutor db restore` refuses); returns the cleanup. */
export function markRunning(dir: string): () => void {
  const file = join(dir, `${PID_PREFIX}${process.pid}`);
  writeFileSync(file, `${hostname()} ${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

/** Pids of live processes using DATA_DIR; stale markers of processes that are gone are removed. */
export function runningProcesses(dir: string): number[] {
  if (!existsSync(dir)) return [];
  const live: number[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PID_PREFIX)) continue;
    const pid = Number(name.slice(PID_PREFIX.length));
    try {
      process.kill(pid, 0);
      live.push(pid);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { force: true });
      else live.push(pid);
    }
  }
  return live;
}
