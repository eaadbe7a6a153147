import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Platform } from '../../adapter-api/request.ts';
import { PgStore } from '../../store/pg.ts';
import { DB_FILE, SqliteStore } from '../../store/sqlite.ts';
import type { Store } from '../../store/types.ts';
import { CliError, cliConfig } from '../context.ts';

interface DeleteOptions {
  platform?: string;
  data?: string;
}

/** The bot's database: Postgres at DATABASE_URL, else the SQLite file in DATA_DIR (or --data), which must exist. */
async function openBotStore(data: string | undefined): Promise<Store> {
  const config = cliConfig();
  if (config.databaseUrl && !data) return PgStore.open(config.databaseUrl, { max: 1 });
  const dir = resolve(data ?? config.dataDir);
  if (!existsSync(join(dir, DB_FILE))) throw new CliError(`${join(dir, DB_FILE)}: no such file (set DATA_DIR or --data to the bot's data directory)`);
  return SqliteStore.open(dir);
}

export function register(program: Command): void {
  const workspace = program.command('workspace').description('workspaces (teams) the app is installed in');
  workspace
    .command('delete')
    .description("delete a workspace's installation, schedules and learning data now (otherwise deleted 30 days after it removes the app)")
    .argument('<id>', 'the workspace (team) id, e.g. T0123ABCD, or the enterprise id for an org-wide install')
    .option('--platform <name>', 'only on this chat platform (default: the id on any platform)')
    .option('--data <dir>', 'SQLite data directory (default: the Postgres database at DATABASE_URL, else DATA_DIR or ./data)')
    .action(async (id: string, opts: DeleteOptions) => {
      const platform: Platform | undefined = opts.platform;
      if (platform !== undefined && !/^[a-z]+$/.test(platform)) throw new CliError(`--platform must be a platform name in lower case letters (got ${JSON.stringify(platform.slice(0, 40))}).`, 2);
      if (!/^[A-Za-z0-9]+$/.test(id)) throw new CliError(`"${id.slice(0, 40)}" is not a workspace id (letters and digits, e.g. T0123ABCD).`, 2);
      const store = await openBotStore(opts.data);
      try {
        const c = await store.deleteWorkspaceData(platform, id);
        const which = platform ? `${platform} workspace ${id}` : `workspace ${id}`;
        const total = c.installations + c.schedules + c.posts + c.answers + c.uploads;
        process.stdout.write(
          total === 0
            ? `Nothing stored for ${which}.\n`
            : `Deleted ${which}: ${c.installations} installation(s), ${c.schedules} schedule(s), ${c.posts} post(s), ${c.answers} answer(s), ${c.uploads} upload(s).\n`,
        );
      } finally {
        await store.close();
      }
    });
}
