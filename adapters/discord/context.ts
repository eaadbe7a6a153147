import type { Client } from 'discord.js';
import type { Logger, TutorApp } from '../../src/index.ts';

export interface DiscordTiming {
  /** An answer not ready after this long is deferred first (Discord allows 3 s for the first response). */
  deferAfterMs: number;
  /** Extra attempts, after discord.js's own immediate retries, for a send that failed with a 5xx or network error. */
  retryDelaysMs: number[];
}

export const DEFAULT_TIMING: DiscordTiming = { deferAfterMs: 1500, retryDelaysMs: [2000, 8000] };

/** What every listener gets. */
export interface BotContext {
  app: TutorApp;
  client: Client;
  log: Logger;
  timing: DiscordTiming;
}
