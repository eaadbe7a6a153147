/** A fresh Postgres database per test file (unique name, dropped after), on the server global setup found. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The maintenance URL, or '' when no server answered (the suites skip; global setup said so once). */
export const postgresAdminUrl = (): string => inject('postgresAdminUrl');

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = postgresAdminUrl();
  if (!admin) throw new Error('no Postgres server (the suite should have been skipped)');
  const name = `tutor_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Empty every table of a tutor database between tests (ids restart). */
export async function truncateAll(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
  if (rows.length) await pool.query(`TRUNCATE ${rows.map((r: { tablename: string }) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
