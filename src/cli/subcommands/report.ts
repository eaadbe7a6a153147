import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatFeedbackReport } from '../../feedback/report.ts';
import { formatGapReport } from '../../gaps/gaps.ts';
import { PgStore } from '../../store/pg.ts';
import { DB_FILE, SqliteStore } from '../../store/sqlite.ts';
import type { Store } from '../../store/types.ts';
import { register as scores } from './report-scores.ts';
import { CliError, cliConfig } from '../context.ts';

interface ReportOptions {
  limit: string;
  json?: boolean;
  data?: string;
}

/** Read one report from the database, or nothing when there is none (a report never creates one). */
async function readReport<T>(opts: ReportOptions, read: (store: Store, limit: number) => Promise<T[]>): Promise<T[]> {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a whole number of at least 1 (got ${JSON.stringify(opts.limit)}).`, 2);
  const config = cliConfig();
  // DATABASE_URL: the shared Postgres store (unless --data names a SQLite data directory).
  if (config.databaseUrl && !opts.data) {
    const pg = await PgStore.open(config.databaseUrl, { max: 1 });
    try {
      return await read(pg, limit);
    } finally {
      await pg.close();
    }
  }
  const dir = resolve(opts.data ?? config.dataDir);
  if (!existsSync(join(dir, DB_FILE))) return [];
  const store = SqliteStore.open(dir);
  try {
    return await read(store, limit);
  } finally {
    store.close();
  }
}

function reportCommand(parent: Command, name: string, description: string, limitOf: string): Command {
  return parent
    .command(name)
    .description(description)
    .option('--limit <n>', `how many ${limitOf}`, '50')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', 'SQLite data directory (default: the Postgres database at DATABASE_URL, else DATA_DIR or ./data)');
}

export function register(program: Command): void {
  const report = program.command('report').description('reports from the tutor database');
  reportCommand(report, 'gaps', 'questions that matched no concept, most asked first (what to write next)', 'rows').action(async (opts: ReportOptions) => {
    const rows = await readReport(opts, (store, limit) => store.gapReport(limit));
    if (opts.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ text: r.text, count: r.count, lastAsked: new Date(r.lastAskedAt).toISOString(), platforms: r.platforms })))}\n`);
    else process.stdout.write(`${formatGapReport(rows)}\n`);
  });
  reportCommand(report, 'feedback', '👍/👎 per concept, most 👎 first, with what people said they were looking for', 'concepts').action(async (opts: ReportOptions) => {
    const rows = await readReport(opts, (store, limit) => store.feedbackReport(limit));
    if (opts.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, notes: r.notes.map((n) => ({ ...n, at: new Date(n.at).toISOString() })) })))}\n`);
    else process.stdout.write(`${formatFeedbackReport(rows)}\n`);
  });
  scores(report, readReport);
}
