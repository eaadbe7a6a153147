import './config.ts';
import { App, type AppOptions, HTTPReceiver, webApi } from '@slack/bolt';
import type { Config, Logger } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import { guardTimestamps } from './timestamp-guard.ts';

/** The Slack settings plus the per-call timeout (config.platformTimeoutMs). */
export type SlackConfig = NonNullable<Config['slack']> & { timeoutMs?: number };

/** Events, slash commands and interactivity all arrive here (the manifest's request URLs). */
const EVENTS_PATH = '/slack/events';

const DEFAULT_TIMEOUT_MS = 10_000;

export interface BoltParts {
  bolt: App;
  /** Present in HTTP mode; absent in Socket Mode. */
  receiver?: HTTPReceiver;
}

/**
 * The Bolt app: HTTP receiver by default, Socket Mode when an app-level token is configured.
 * Initialisation (auth.test) is deferred to start() so a bad token fails there, loudly.
 */
export function createBolt(slack: SlackConfig, log: Logger, oauth?: Partial<AppOptions>): BoltParts {
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: apiBase(slack.apiUrl),
    // Rate limits come back to us (deliver.ts retries once, then tells the user) instead of the
    // client silently queueing for minutes. No automatic retries: a timed-out or 5xx
    // chat.postMessage may already be in the thread, and a retry would post the answer twice.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // A Slack call that never answers must not hold a listener (or the scheduler) for good.
    timeout: slack.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  if (slack.appToken) {
    // installerOptions.clientOptions is what the Socket Mode client's apps.connections.open uses:
    // without it, SLACK_API_URL would not apply to opening the socket.
    const installerOptions = { clientOptions: { slackApiUrl: clientOptions.slackApiUrl, timeout: clientOptions.timeout } };
    return { bolt: new App({ token: slack.botToken, appToken: slack.appToken, socketMode: true, logger, clientOptions, installerOptions, deferInitialization: true }) };
  }
  // The config guarantees a signing secret whenever there is no app-level token.
  if (!slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)');
  // In OAuth mode the receiver also serves the install page and Slack's redirect (oauth.ts), and
  // Bolt authorizes each request with its own workspace's installation instead of one token.
  const receiver = new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: EVENTS_PATH, port: slack.port, logger, ...(oauth ?? {}) });
  receiver.requestListener = guardTimestamps(receiver.requestListener, { paths: [EVENTS_PATH], log });
  const bolt = new App({ token: slack.botToken, receiver, logger, clientOptions, deferInitialization: true });
  return { bolt, receiver };
}

/** The Web API client joins base and method name, so the base must end with a slash. */
export function apiBase(url: string | undefined): string {
  const base = url ?? 'https://slack.com/api/';
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The Web API client for scheduled posts. The core's scheduler already retries them with backoff
 * (and honours Retry-After, checking the channel before re-sending a maybe-sent post), so this
 * client never retries on its own either: a 5xx or timeout retry of chat.postMessage risks a
 * duplicate quiz post.
 */
export function createPosterClient(slack: SlackConfig, log: Logger, token = slack.botToken): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: apiBase(slack.apiUrl),
    logger: boltLogger(log),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: slack.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}
