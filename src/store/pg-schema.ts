import type pg from 'pg';
import { StoreError } from './errors.ts';
import { PG_MIGRATIONS } from './pg-migrations.ts';

/** One fixed key for pg_advisory_lock: every replica of this bot takes the same lock to migrate. */
const MIGRATION_LOCK = 7_315_002_015;

/** "database tutor on db.example:5432" for messages: never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `database ${decodeURIComponent(u.pathname.slice(1)) || '(default)'} on ${u.hostname}:${u.port || '5432'}`;
  } catch {
    return 'database (DATABASE_URL)';
  }
}

/**
 * Apply every migration not yet applied, under an advisory lock so that replicas starting together
 * migrate once (the others wait, then find nothing to do). Refuses a schema newer than this build.
 * Returns the schema version.
 */
export async function migrate(pool: pg.Pool, label: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      let version = await currentVersion(client);
      if (version > PG_MIGRATIONS.length) {
        throw new StoreError(`${label}: schema version ${version} is newer than this build knows (${PG_MIGRATIONS.length}); run a newer tutor`);
      }
      for (; version < PG_MIGRATIONS.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[version]!);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version + 1, Date.now()]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new StoreError(`${label}: migration ${version + 1} failed (${(err as Error).message})`);
        }
      }
      return version;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function currentVersion(client: pg.PoolClient): Promise<number> {
  const r = await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
  return Number(r.rows[0].v);
}

/** `tutor db check` on Postgres: reachable, the schema version, and counts; reads only (no migration). */
export async function inspectPostgres(pool: pg.Pool): Promise<{ version: number; schedules: number; posts: number }> {
  const has = await pool.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS yes");
  if (!has.rows[0].yes) return { version: 0, schedules: 0, posts: 0 };
  const version = Number((await pool.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations')).rows[0].v);
  if (version === 0 || version > PG_MIGRATIONS.length) return { version, schedules: 0, posts: 0 };
  const count = async (t: string) => Number((await pool.query(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n);
  return { version, schedules: await count('schedules'), posts: await count('posts') };
}
