import './config.ts';
import type { AddressInfo } from 'node:net';
import type { AdapterHost } from '../../src/index.ts';
import type { RunningAdapter } from '../registry.ts';
import type { ListenerRoute } from '../http/routes.ts';
import { apiBase, createBolt, createPosterClient } from './bolt.ts';
import { SlackDiagrams } from './diagrams.ts';
import { listeners } from './listeners/index.ts';
import { oauthOptions } from './oauth.ts';
import { slackPoster } from './poster.ts';
import { AdminDirectory, summarize } from './requester.ts';
import { RecentIds, Tasks, type TaskLimits } from './tasks.ts';
// Registers how this platform's people type commands, for the core's help text and hints.
import './wording.ts';
import { UserZones } from './user-zone.ts';
import { oneClient, perWorkspaceClients } from './workspace-clients.ts';

export interface SlackStartOptions {
  /** Where the HTTP receiver listens. Default: all interfaces on config.slack.port. Tests use 127.0.0.1 and port 0. */
  listen?: { port: number; host?: string };
  /** How much work runs and waits at once before requests get the busy answer (tests make it small). */
  tasks?: TaskLimits;
}

export interface SlackAdapter extends RunningAdapter {
  /** The port the HTTP receiver listens on; undefined in Socket Mode. */
  port: number | undefined;
  /** How many requests have started work after their ack. */
  readonly started: number;
  /** Resolves when all work started by requests so far has finished. */
  idle(): Promise<void>;
}

/**
 * Start the Slack adapter: Bolt (HTTP or Socket Mode), the listeners, and the channel poster the
 * core uses for scheduled posts. Throws when Slack refuses the token (auth.test).
 */
export async function startSlack(app: AdapterHost, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  if (!app.config.slack) throw new Error('Slack is not configured (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET)');
  const slack = { ...app.config.slack, timeoutMs: app.config.platformTimeoutMs };
  const log = app.logger.child({ adapter: 'slack' });
  const oauth = slack.oauth && oauthOptions(slack.oauth, app, apiBase(slack.apiUrl), slack.timeoutMs, log);
  const { bolt, receiver } = createBolt(slack, log, oauth);
  const tasks = new Tasks(log, options.tasks);
  const diagrams = new SlackDiagrams(app.store, app.clock, log);
  const ctx = { app, log, tasks, admins: new AdminDirectory(slack.adminUsers, log), zones: new UserZones(log, app.clock), events: new RecentIds(app.store, app.clock, log), diagrams };
  for (const l of listeners) l.register(bolt, ctx);
  bolt.error(async (err) => {
    log.error({ err: summarize(err) }, 'unhandled Bolt error');
  });

  await bolt.init(); // auth.test (single-workspace mode; in OAuth mode each workspace's token is checked at install)
  let port: number | undefined;
  let routes: ListenerRoute[] | undefined;
  if (receiver && !options.listen && (app.config.httpPort === undefined || app.config.httpPort === slack.port)) {
    // The shared server listens on PORT, or SLACK_PORT when PORT is unset: Bolt's request handling is mounted there.
    routes = [{ method: 'POST', path: '/slack/events', platform: 'slack', listener: receiver.requestListener }];
    // In OAuth mode Bolt's receiver also serves the install page and the redirect.
    if (oauth) {
      for (const path of ['/slack/install', '/slack/oauth_redirect']) routes.push({ method: 'GET', path, platform: 'slack', listener: receiver.requestListener });
    }
    port = app.config.httpPort ?? slack.port;
  } else if (receiver) {
    const listen = options.listen ?? { port: slack.port };
    const server = await receiver.start(listen);
    port = (server.address() as AddressInfo).port;
    log.info({ port, path: '/slack/events', ...(oauth ? { install: '/slack/install', redirect: '/slack/oauth_redirect' } : {}) }, 'Slack HTTP receiver listening');
  } else {
    await bolt.start();
    log.info('Slack connected in Socket Mode');
  }

  // Its own client: the scheduler retries scheduled posts, so that client does not (see createPosterClient).
  const clients = slack.oauth ? perWorkspaceClients(app.store, (token) => createPosterClient(slack, log, token)) : oneClient(createPosterClient(slack, log));
  const poster = slackPoster(clients, log, diagrams);
  app.registerPoster(poster);

  return {
    name: 'slack',
    port,
    ...(routes ? { routes } : {}),
    get started() {
      return tasks.started;
    },
    idle: () => tasks.idle(),
    async stop() {
      if (!routes) await bolt.stop(); // on the shared server, Bolt never listened itself
      await tasks.idle();
      app.unregisterPoster(poster);
    },
  };
}
