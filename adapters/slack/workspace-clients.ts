import type { webApi } from '@slack/bolt';
import type { AdapterHost } from '../../src/index.ts';
import { botTokenOf } from './installations.ts';

type Client = webApi.WebClient;

/** Which client a scheduled post to a channel goes through. */
export type ClientForChannel = (channelId: string, workspaceId?: string) => Promise<Client>;

/** Single-workspace mode: every channel, one client. */
export function oneClient(client: Client): ClientForChannel {
  return async () => client;
}

/**
 * OAuth mode: the channel's schedule names its workspace, whose installation holds the token.
 * One client per token, made on first use. Refused (not retried) when the workspace is unknown
 * or no longer has the app: there is no token to post with.
 */
export function perWorkspaceClients(store: AdapterHost['store'], make: (token: string) => Client): ClientForChannel {
  const clients = new Map<string, Client>();
  // A direct message (a reminder) names its workspace; a channel post finds it from the schedule.
  return async (channelId, known) => {
    const workspaceId = known ?? (await store.getSchedule({ platform: 'slack', channelId }))?.workspaceId;
    if (!workspaceId) throw refused(`no workspace is known for channel ${channelId} (it has no schedule)`);
    const token = await botTokenOf(store, workspaceId);
    if (!token) throw refused(`the app is not installed in workspace ${workspaceId}`);
    let client = clients.get(token);
    if (!client) {
      client = make(token);
      clients.set(token, client);
    }
    return client;
  };
}

function refused(message: string): Error {
  return Object.assign(new Error(message), { code: 'not_installed', retryable: false as const });
}
