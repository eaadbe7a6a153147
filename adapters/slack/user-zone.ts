import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';
import { summarize } from './requester.ts';

/**
 * The person's Slack time zone (users.info `tz`), looked up only for `remind`, whose default
 * time is in it. Undefined when the lookup fails: the core then uses UTC and says so.
 */
export async function zoneForRemind(client: webApi.WebClient, text: string, userId: string, log: Logger): Promise<string | undefined> {
  if (!/^\/?remind(ers)?\b/i.test(text)) return undefined;
  try {
    return (await client.users.info({ user: userId })).user?.tz || undefined;
  } catch (err) {
    log.warn({ err: summarize(err), userId }, 'users.info failed; reminders default to UTC');
    return undefined;
  }
}
