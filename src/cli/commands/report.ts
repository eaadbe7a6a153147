import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatFeedbackReport } from '../../feedback/report.ts';
import { formatGapReport } from '../../gaps/gaps.ts';
import { DB_FILE, SqliteStore } from '../../store/sqlite.ts';
import { CliError, cliConfig } from '../context.ts';

export function register(program: Command): void {
  const report = program.command('report').description('reports from the tutor database');
  report
    .command('gaps')
    .description('questions that matched no concept, most asked first (what to write next)')
    .option('--limit <n>', 'how many rows', '50')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', 'data directory (default: DATA_DIR or ./data)')
    .action(async (opts: { limit: string; json?: boolean; data?: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a whole number of at least 1 (got ${JSON.stringify(opts.limit)}).`, 2);
      const dir = resolve(opts.data ?? cliConfig().dataDir);
      // A report should not create a database where there was none.
      let rows: Awaited<ReturnType<SqliteStore['gapReport']>> = [];
      if (existsSync(join(dir, DB_FILE))) {
        const store = SqliteStore.open(dir);
        try {
          rows = await store.gapReport(limit);
        } finally {
          store.close();
        }
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ text: r.text, count: r.count, lastAsked: new Date(r.lastAskedAt).toISOString(), platforms: r.platforms })))}\n`);
      else process.stdout.write(`${formatGapReport(rows)}\n`);
    });
  report
    .command('feedback')
    .description('👍/👎 per concept, most 👎 first, with what people said they were looking for')
    .option('--limit <n>', 'how many concepts', '50')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', 'data directory (default: DATA_DIR or ./data)')
    .action(async (opts: { limit: string; json?: boolean; data?: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a whole number of at least 1 (got ${JSON.stringify(opts.limit)}).`, 2);
      const dir = resolve(opts.data ?? cliConfig().dataDir);
      let rows: Awaited<ReturnType<SqliteStore['feedbackReport']>> = [];
      if (existsSync(join(dir, DB_FILE))) {
        const store = SqliteStore.open(dir);
        try {
          rows = await store.feedbackReport(limit);
        } finally {
          store.close();
        }
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, notes: r.notes.map((n) => ({ ...n, at: new Date(n.at).toISOString() })) })))}\n`);
      else process.stdout.write(`${formatFeedbackReport(rows)}\n`);
    });
}
