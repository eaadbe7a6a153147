import { Events } from 'discord.js';
import { createPoster } from '../poster.ts';
import { listener } from './types.ts';

/** Once connected: offer the core a way to post on its own (scheduled quizzes, summaries). */
export const ready = listener({
  name: 'ready',
  event: Events.ClientReady,
  once: true,
  run(ctx, client) {
    ctx.app.registerPoster(createPoster(client));
    ctx.log.info({ user: client.user.id, guilds: client.guilds.cache.size }, 'discord ready');
  },
});
