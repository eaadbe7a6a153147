import type { Client } from 'discord.js';
import type { AdapterHost, ChannelPoster, Logger } from '../../src/index.ts';

export interface DiscordTiming {
  /** An answer not ready after this long is deferred first (Discord allows 3 s for the first response). */
  deferAfterMs: number;
  /** Extra attempts, after discord.js's own immediate retries, for a send that failed with a 5xx or network error. */
  retryDelaysMs: number[];
  /** Startup gives up when the gateway has not sent READY (and the guilds) by then. */
  readyTimeoutMs: number;
  /** How often cached DM channels are dropped (client.ts `sweepDmChannels`). */
  dmSweepMs: number;
}

/**
 * dmSweepMs: 30 minutes, like the member and user sweepers; dropping a DM channel costs nothing.
 * readyTimeoutMs: 30 s is well past a normal login (a second or two, plus discord.js's 15 s wait for
 * slow guilds), yet short enough that a bad network or a gateway that never answers fails the start
 * visibly instead of hanging it.
 */
export const DEFAULT_TIMING: DiscordTiming = { deferAfterMs: 1500, retryDelaysMs: [2000, 8000], readyTimeoutMs: 30_000, dmSweepMs: 1_800_000 };

/** What every listener gets. */
export interface BotContext {
  app: AdapterHost;
  client: Client;
  /** Registered with the core once connected, for scheduled posts. */
  poster: ChannelPoster;
  log: Logger;
  timing: DiscordTiming;
}
