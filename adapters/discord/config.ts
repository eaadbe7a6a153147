import { z } from 'zod';
import { ConfigError, optional, pair, registerPlatformConfig, url } from '../../src/index.ts';

interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
  /** Set: POST /discord/interactions is served (HTTP interactions). */
  publicKey?: string;
  /** Whether to connect to the gateway (mentions, DMs, interactions over the socket). */
  gateway: boolean;
  /** Total shard count, or 'auto' (Discord's recommendation). */
  shards: 'auto' | number;
  /** The shards this process runs (with a numeric DISCORD_SHARDS); unset: all of them. */
  shardIds?: number[];
}

declare module '../../src/config.ts' {
  interface PlatformConfigs {
    /** Present when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set. */
    discord?: DiscordConfig;
  }
}

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().min(20, 'expected a bot token from the Discord developer portal')),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{15,22}$/, 'expected a numeric application id (snowflake)')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{15,22}$/, 'expected a numeric server (guild) id')),
  DISCORD_API_URL: optional(url('https://discord.com/api')),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected the application public key: 64 hex digits from the developer portal')),
  DISCORD_GATEWAY: optional(z.stringbool({ message: 'expected true or false' })),
  DISCORD_SHARDS: optional(z.union([z.literal('auto'), z.coerce.number().int().positive()], { message: 'expected auto or a whole number of shards' })),
  DISCORD_SHARD_IDS: optional(z.string().regex(/^\d+(\s*,\s*\d+)*$/, 'expected shard ids separated by commas, like 0,1')),
});

registerPlatformConfig({
  key: 'discord',
  schema,
  build(parsed) {
    const e = parsed as z.output<typeof schema>;
    pair('DISCORD_TOKEN', e.DISCORD_TOKEN, 'DISCORD_APPLICATION_ID', e.DISCORD_APPLICATION_ID);
    if (!e.DISCORD_TOKEN || !e.DISCORD_APPLICATION_ID) return undefined;
    const shards = e.DISCORD_SHARDS ?? 'auto';
    const shardIds = e.DISCORD_SHARD_IDS?.split(',').map((x) => Number(x.trim()));
    if (shardIds && shards === 'auto') throw new ConfigError('DISCORD_SHARD_IDS', 'needs DISCORD_SHARDS set to the total number of shards');
    const outside = shardIds?.find((id) => typeof shards === 'number' && id >= shards);
    if (outside !== undefined) throw new ConfigError('DISCORD_SHARD_IDS', `shard ${outside} is outside 0..${Number(shards) - 1} (DISCORD_SHARDS=${shards})`);
    // Without a public key the gateway is the only way in; with one it is optional (mentions and DMs).
    const gateway = e.DISCORD_GATEWAY ?? !e.DISCORD_PUBLIC_KEY;
    if (!gateway && !e.DISCORD_PUBLIC_KEY) throw new ConfigError('DISCORD_GATEWAY', 'is false, so DISCORD_PUBLIC_KEY must be set for HTTP interactions (or nothing would reach the bot)');
    return {
      gateway,
      shards,
      ...(shardIds ? { shardIds } : {}),
      ...(e.DISCORD_PUBLIC_KEY ? { publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    };
  },
});
