import type { Command } from 'commander';
import { channelResults, resultsCsv, resultsTable } from '../../quiz/channel-results.ts';
import { CliError } from '../context.ts';
import type { Store } from '../../store/types.ts';

/** report.ts's reader, passed in (importing it back would make a cycle). */
type ReadReport = <T>(opts: { limit: string; data?: string }, read: (store: Store, limit: number) => Promise<T[]>) => Promise<T[]>;

interface ScoresOptions {
  channel?: string;
  platform?: string;
  csv?: boolean;
  json?: boolean;
  data?: string;
}

/** `tutor report scores --channel ID [--platform NAME] [--csv]`: one channel's quiz results, for whoever runs the team's learning. */
export function register(report: Command, readReport: ReadReport): void {
  report
    .command('scores')
    .description("one channel's quiz results: each person's answers, right answers, accuracy and current streak")
    .option('--channel <id>', "the channel's id on its platform")
    .option('--platform <name>', 'the chat platform the channel is on, in lower case, as in the bot\'s log lines ("platform"); default: the only platform with quiz data for that channel')
    .option('--csv', 'print CSV (RFC 4180, quoted where needed) instead of a table')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', 'SQLite data directory (default: the Postgres database at DATABASE_URL, else DATA_DIR or ./data)')
    .action(async (opts: ScoresOptions) => {
      const channel = opts.channel?.trim();
      const platform = opts.platform?.trim().toLowerCase();
      if (!channel) throw new CliError('usage: tutor report scores --channel ID [--platform NAME] [--csv|--json]', 2);
      // Platform names are the adapters' business; a wrong one simply finds no answers.
      const rows = await readReport({ limit: '1', ...(opts.data ? { data: opts.data } : {}) }, async (store) => channelResults(store, platform || (await onlyPlatform(store, channel)), channel));
      if (opts.csv) process.stdout.write(resultsCsv(rows));
      else if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
      else process.stdout.write(`${resultsTable(rows, channel)}\n`);
    });
}

/** Without --platform: the one platform with a schedule or quiz posts for this channel id; none means no answers to show. */
async function onlyPlatform(store: Store, channel: string): Promise<string> {
  const found = await store.channelPlatforms(channel);
  if (found.length > 1) throw new CliError(`channel ${channel} has quiz data on more than one platform (${found.join(', ')}); choose one with --platform, for example --platform ${found[0]}`, 2);
  return found[0] ?? '';
}
