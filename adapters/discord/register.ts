/**
 * `npm run discord:register`: upload the slash commands. Uses DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID, and DISCORD_GUILD_ID for instant per-server registration while developing.
 */
import './config.ts';
import { ConfigError, EnvFileError, loadConfig, loadEnvFileIfPresent, type Config } from '../../src/index.ts';
import { ADMIN_COMMAND_NAME, COMMAND_NAME, EXPLAIN_MESSAGE_NAME, slashCommands } from './slash/index.ts';
import { inviteUrl, userInstallUrl } from './invite.ts';
import { registerCommands } from './register-commands.ts';

async function main(): Promise<number> {
  let config: Config;
  try {
    loadEnvFileIfPresent();
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof EnvFileError)) throw err;
    process.stderr.write(`Configuration error: ${err.message}\n`);
    return 2;
  }
  if (!config.discord) {
    process.stderr.write(
      'Cannot register Discord commands: DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set.\n' +
        'Find both in the Discord developer portal (Bot > Token, General Information > Application ID).\n' +
        'Set DISCORD_GUILD_ID as well to register to one server instantly while developing.\n',
    );
    return 2;
  }
  try {
    const r = await registerCommands(config.discord);
    const where = r.scope === 'guild' ? `in server ${config.discord.guildId} (available now)` : 'globally (every server and DM the app is in)';
    const counts = `/${COMMAND_NAME} (${slashCommands().length} subcommands), /${ADMIN_COMMAND_NAME} (${slashCommands(undefined, ADMIN_COMMAND_NAME).length}, for Manage Channels) and "${EXPLAIN_MESSAGE_NAME}" on messages`;
    process.stdout.write(`Registered ${counts} ${where}.\n`);
    process.stdout.write(`Invite the bot with: ${inviteUrl(config.discord.applicationId)}\n`);
    process.stdout.write(`Learners can add it to their own account (for DMs) with: ${userInstallUrl(config.discord.applicationId)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`Registering Discord commands failed: ${(err as Error).message}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Fatal: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
