import { Events, type Client } from 'discord.js';
import type { TutorApp } from '../../src/index.ts';
import type { RunningAdapter } from '../registry.ts';
import { createClient } from './client.ts';
import { DEFAULT_TIMING, type BotContext, type DiscordTiming } from './context.ts';
import { listeners } from './listeners/index.ts';

export interface DiscordAdapter extends RunningAdapter {
  client: Client;
  /** Resolved: discord.js has received every guild (ClientReady) and the poster is registered. */
  ready: Promise<void>;
}

/** Connect to Discord with the credentials in `app.config.discord` and start answering. */
export async function startDiscord(app: TutorApp, timing: Partial<DiscordTiming> = {}): Promise<DiscordAdapter> {
  const cfg = app.config.discord;
  if (!cfg) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  const client = createClient(cfg);
  const ctx: BotContext = { app, client, log: app.logger.child({ adapter: 'discord' }), timing: { ...DEFAULT_TIMING, ...timing } };

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

  // setImmediate: after the ready listener (which registers the poster) has run.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => setImmediate(resolve)));
  await client.login(cfg.token);
  // ClientReady comes once every guild has arrived (or discord.js's waitGuildTimeout passed); by then
  // the channel poster is registered, so the core's scheduler can post as soon as start() returns.
  await ready;
  return {
    name: 'discord',
    client,
    ready,
    async stop() {
      app.posters.delete('discord');
      await client.destroy();
    },
  };
}
