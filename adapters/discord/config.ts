import { z } from 'zod';
import { optional, pair, registerPlatformConfig, url } from '../../src/index.ts';

interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
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
});

registerPlatformConfig({
  key: 'discord',
  schema,
  build(parsed) {
    const e = parsed as z.output<typeof schema>;
    pair('DISCORD_TOKEN', e.DISCORD_TOKEN, 'DISCORD_APPLICATION_ID', e.DISCORD_APPLICATION_ID);
    if (!e.DISCORD_TOKEN || !e.DISCORD_APPLICATION_ID) return undefined;
    return {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    };
  },
});
