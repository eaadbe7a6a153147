import './config.ts';
import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { Config } from '../../src/index.ts';

export type DiscordConfig = NonNullable<Config['discord']>;

/** The REST base (`DISCORD_API_URL`), without a trailing slash; undefined means discord.js's default. */
export function restApi(cfg: DiscordConfig): string | undefined {
  return cfg.apiUrl?.replace(/\/+$/, '');
}

const isSelf = (x: { id: string; client: Client }) => x.id === x.client.user?.id;

/**
 * A rate-limit wait longer than this is not sat out inside discord.js (where it would hold a
 * scheduled post's send slot, or an interaction past its deadline): the call fails with a
 * RateLimitError instead, and the scheduler retries that channel after `retry_after` on its own.
 */
const MAX_RATE_LIMIT_WAIT_MS = 2000;

/**
 * The smallest footprint that works:
 * - Intents: Guilds (slash commands need the guild and channel cache), GuildMessages (to see
 *   mentions) and DirectMessages (DMs). No privileged MessageContent: Discord still sends the
 *   content of messages that mention the bot and of DMs.
 * - Partials.Channel: DM channels are not cached at startup; without it, the first DM is dropped.
 * - Caches: no message history, no presences, emojis, stickers or voice; members and users are
 *   capped and swept. Guilds, channels and roles stay whole (discord.js needs them).
 */
export function createClient(cfg: DiscordConfig, timeoutMs = 10_000, makeRequest: (url: string, init: RequestInit) => Promise<Response> = fetch): Client {
  const api = restApi(cfg);
  const shardCount = typeof cfg.shards === 'number' ? cfg.shards : undefined;
  return new Client({
    // DISCORD_SHARDS / DISCORD_SHARD_IDS: replicas split the gateway shards between them.
    shards: shardCount ? (cfg.shardIds ?? Array.from({ length: shardCount }, (_, i) => i)) : 'auto',
    ...(shardCount ? { shardCount } : {}),
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: isSelf },
      UserManager: { maxSize: 500, keepOverLimit: isSelf },
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
      StageInstanceManager: 0,
      GuildScheduledEventManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      ThreadMemberManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      guildMembers: { interval: 1800, filter: () => (m) => !isSelf(m) },
      users: { interval: 1800, filter: () => (u) => !isSelf(u) },
    },
    rest: {
      ...(api ? { api } : {}),
      // Global fetch for REST: with Bolt in the same process, discord.js's bundled undici breaks
      // file uploads ("action is not a function"), and diagrams are uploaded as files.
      // In HTTP-interactions mode this is the FirstResponses wrapper around fetch (http/first-response.ts).
      makeRequest: makeRequest as never,
      // Every REST call gives up after PLATFORM_TIMEOUT_SECONDS; a timed-out post is checked before it is re-sent.
      timeout: timeoutMs,
      // Bucket resets, a 429's Retry-After and sublimits are reported in different fields.
      // An interaction's first response never waits here: the adapter defers instead (rate-limited.ts).
      rejectOnRateLimit: (limit) => limit.route.endsWith('/callback') || Math.max(limit.timeToReset, limit.retryAfter, limit.sublimitTimeout) > MAX_RATE_LIMIT_WAIT_MS,
    },
  });
}

/**
 * Drop every cached DM channel; returns how many. discord.js caches one per user who DMs the bot
 * (or uses /tutor in a DM), never evicts them, and has no sweeper or cache limit for channels.
 * Nothing here needs them afterwards: answers go through the channel object the listener already
 * holds, interaction webhooks or REST, and the Channel partial rebuilds one from the next DM event.
 * So a plain periodic sweep is enough. Dropping right after each answer would not be: Discord
 * echoes the bot's own DM reply over the gateway, and that event would cache the channel again.
 */
export function sweepDmChannels(client: Client): number {
  return client.channels.cache.sweep((c) => c.isDMBased());
}
