import type { webApi } from '@slack/bolt';
import type { Clock, Logger } from '../../src/index.ts';
import { summarize } from './requester.ts';

/** Commands whose answer depends on the person's zone: `remind` defaults its time to it. */
const ZONED_COMMAND = /^\/?remind(ers)?\b/i;

/** Whether a typed command needs the person's zone (so other messages cost no users.info call). */
export function wantsZone(text: string): boolean {
  return ZONED_COMMAND.test(text);
}

interface Entry {
  zone: Promise<string | undefined>;
  until: number;
}

/**
 * Each person's Slack time zone (users.info `tz`), per workspace and user, kept in memory for an
 * hour. A failed lookup is logged once and remembered as "no zone" for the same hour, so a
 * person whose lookup fails costs one call and one log line per hour, not one per request; the
 * core then uses UTC. Concurrent requests for one person share the one lookup.
 */
export class UserZones {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly ttlMs = 60 * 60_000,
    /** People remembered at most; the oldest entry goes first. */
    private readonly maxEntries = 10_000,
  ) {}

  /** The person's IANA zone, or undefined when Slack has none or the lookup failed. */
  async of(client: webApi.WebClient, teamId: string | undefined, userId: string): Promise<string | undefined> {
    const key = `${teamId ?? ''}/${userId}`;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.zone;
    this.cache.delete(key);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    const zone = this.lookUp(client, teamId, userId);
    this.cache.set(key, { zone, until: now + this.ttlMs });
    return zone;
  }

  private async lookUp(client: webApi.WebClient, teamId: string | undefined, userId: string): Promise<string | undefined> {
    try {
      return (await client.users.info({ user: userId })).user?.tz || undefined;
    } catch (err) {
      this.log.warn({ err: summarize(err), teamId, userId }, 'users.info failed; times for this person use UTC for the next hour');
      return undefined;
    }
  }
}
