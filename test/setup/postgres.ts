/**
 * Vitest global setup: is there a Postgres server for the Postgres suites? Asked once per run.
 * With REQUIRE_POSTGRES=1 (set by .ci/run) no answer fails the run; otherwise the suites are
 * skipped with one line saying so.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL to the server's maintenance database, or '' when no server answered. */
    postgresAdminUrl: string;
  }
}

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL || DEFAULT_ADMIN_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresAdminUrl', url);
  } catch (err) {
    const where = new URL(url).host;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but no Postgres answers at ${where}: ${(err as Error).message}`);
    process.stdout.write(`Postgres suites skipped: no Postgres server answers at ${where} (set TEST_POSTGRES_URL, or REQUIRE_POSTGRES=1 to fail instead)\n`);
    project.provide('postgresAdminUrl', '');
  } finally {
    await client.end().catch(() => undefined);
  }
}
