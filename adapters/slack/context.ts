import type { App } from '@slack/bolt';
import type { AdapterHost, Logger } from '../../src/index.ts';
import type { SlackDiagrams } from './diagrams.ts';
import type { AdminDirectory } from './requester.ts';
import type { RecentIds, Tasks } from './tasks.ts';
import type { UserZones } from './user-zone.ts';

/** What every listener gets: the core, a logger, and the adapter's shared helpers. */
export interface SlackContext {
  app: AdapterHost;
  log: Logger;
  tasks: Tasks;
  admins: AdminDirectory;
  /** Each person's Slack time zone, looked up once an hour. */
  zones: UserZones;
  events: RecentIds;
  /** Diagram uploads, once per workspace. */
  diagrams: SlackDiagrams;
}

export interface SlackListener {
  name: string;
  register(bolt: App, ctx: SlackContext): void;
}

/**
 * Acknowledge a command or click. A failed ack (Slack gave up waiting, or it was already sent) is
 * logged but does not stop the answer: the response_url and Web API still work.
 */
export async function acknowledge(ack: () => Promise<void>, ctx: SlackContext): Promise<void> {
  try {
    await ack();
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'ack failed; answering anyway');
  }
}
