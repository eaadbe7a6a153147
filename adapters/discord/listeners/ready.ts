import { Events } from 'discord.js';
import { listener } from './types.ts';

/** Once connected: offer the core a way to post on its own (scheduled quizzes, summaries). */
export const ready = listener({
  name: 'ready',
  event: Events.ClientReady,
  once: true,
  run(ctx, client) {
    ctx.app.registerPoster(ctx.poster);
    ctx.log.info({ user: client.user.id, guilds: client.guilds.cache.size }, 'discord ready');
  },
});
