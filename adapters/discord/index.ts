import './config.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events, type Client } from 'discord.js';
import type { AdapterHost } from '../../src/index.ts';
import { createPoster } from './poster.ts';
import type { RunningAdapter } from '../registry.ts';
import { createClient, sweepDmChannels } from './client.ts';
import { DEFAULT_TIMING, type BotContext, type DiscordTiming } from './context.ts';
import { listeners } from './listeners/index.ts';
import { FirstResponses } from './http/first-response.ts';
import { interactionsRoute } from './http/route.ts';
// Registers how this platform's people type commands, for the core's help text and hints.
import './wording.ts';

export interface DiscordAdapter extends RunningAdapter {
  client: Client;
  /** Resolved: discord.js has received every guild (ClientReady) and the poster is registered. */
  ready: Promise<void>;
  /** Whether the gateway is connected (false: HTTP interactions only). */
  gateway: boolean;
}

/** How long a failed startup waits for the client to shut down before reporting the failure. */
const DESTROY_WAIT_MS = 2000;
/** How long after the defer point an HTTP interaction may still wait for its first response. */
const FIRST_RESPONSE_SLACK_MS = 1000;

/** Connect to Discord with the credentials in `app.config.discord` and start answering. */
export async function startDiscord(app: AdapterHost, timing: Partial<DiscordTiming> = {}): Promise<DiscordAdapter> {
  const cfg = app.config.discord;
  if (!cfg) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  // With a public key, interactions also arrive over HTTP; their first responses are caught here.
  const firstResponses = cfg.publicKey ? new FirstResponses(cfg.applicationId) : undefined;
  const client = createClient(cfg, app.config.platformTimeoutMs, firstResponses?.makeRequest);
  const ctx: BotContext = { app, client, poster: createPoster(client), log: app.logger.child({ adapter: 'discord' }), timing: { ...DEFAULT_TIMING, ...timing } };

  for (const l of listeners) {
    const handler = (...args: unknown[]) => {
      // A listener must never take the process down: log and carry on with the next event.
      Promise.resolve()
        .then(() => (l.run as (c: BotContext, ...a: unknown[]) => unknown)(ctx, ...args))
        .catch((err: unknown) => ctx.log.error({ err, listener: l.name }, 'listener failed'));
    };
    if (l.once) client.once(l.event, handler);
    else client.on(l.event, handler);
  }

  const routes =
    firstResponses && cfg.publicKey
      ? [interactionsRoute({ client, publicKey: cfg.publicKey, firstResponses, clock: app.clock, log: ctx.log, firstResponseTimeoutMs: ctx.timing.deferAfterMs + FIRST_RESPONSE_SLACK_MS })]
      : [];
  if (!cfg.gateway) {
    // HTTP interactions only: no gateway connection at all. REST (follow-ups, scheduled posts) needs the token.
    client.rest.setToken(cfg.token);
    app.registerPoster(ctx.poster);
    ctx.log.info({ gateway: false }, 'discord ready for HTTP interactions');
    return {
      name: 'discord',
      client,
      ready: Promise.resolve(),
      gateway: false,
      routes,
      async stop() {
        app.unregisterPoster(ctx.poster);
        await client.destroy();
      },
    };
  }
  // setImmediate: after the ready listener (which registers the poster) has run.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => setImmediate(resolve)));
  // ClientReady comes once every guild has arrived (or discord.js's waitGuildTimeout passed); by then
  // the channel poster is registered, so the core's scheduler can post as soon as start() returns.
  // Without READY, discord.js would keep reconnecting forever: give up after readyTimeoutMs instead.
  try {
    await withTimeout(Promise.all([client.login(cfg.token), ready]), ctx.timing.readyTimeoutMs);
  } catch (err) {
    // A half-started client must never answer or register the poster, even if it connects later
    // (the logging listeners stay, so a lingering reconnect still shows up in the log).
    for (const event of [Events.ClientReady, Events.MessageCreate, Events.InteractionCreate] as const) client.removeAllListeners(event);
    // destroy() closes the gateway connection. It is bounded because, while discord.js (@discordjs/ws
    // 1.2) is still waiting for HELLO or READY, destroying aborts that wait, whose error path starts a
    // reconnect and leaves destroy() pending; the startup error matters more than waiting for it.
    await Promise.race([client.destroy().catch(() => undefined), sleep(DESTROY_WAIT_MS, undefined, { ref: false })]);
    throw err;
  }
  // unref: the sweep alone must not keep the process alive.
  const dmSweep = setInterval(() => {
    const dropped = sweepDmChannels(client);
    if (dropped) ctx.log.debug({ dropped }, 'dropped cached DM channels');
  }, ctx.timing.dmSweepMs).unref();
  return {
    name: 'discord',
    client,
    ready,
    gateway: true,
    routes,
    async stop() {
      clearInterval(dmSweep);
      app.unregisterPoster(ctx.poster);
      await client.destroy();
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Discord did not become ready within ${ms / 1000} s: the gateway never sent READY. Check the network, DISCORD_TOKEN and https://discordstatus.com.`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
