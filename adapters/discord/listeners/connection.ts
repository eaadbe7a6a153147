import { Events } from 'discord.js';
import { listener } from './types.ts';

/**
 * Gateway lifecycle. discord.js resumes or reconnects by itself (and Discord replays missed events
 * after a resume); these only make it visible in the logs.
 */
export const connection = [
  listener({ name: 'shard-disconnect', event: Events.ShardDisconnect, run: (ctx, ev, shard) => ctx.log.warn({ shard, code: ev.code }, 'gateway disconnected') }),
  listener({ name: 'shard-reconnecting', event: Events.ShardReconnecting, run: (ctx, shard) => ctx.log.info({ shard }, 'gateway reconnecting') }),
  listener({ name: 'shard-resume', event: Events.ShardResume, run: (ctx, shard, replayed) => ctx.log.info({ shard, replayed }, 'gateway resumed') }),
  listener({ name: 'shard-error', event: Events.ShardError, run: (ctx, err, shard) => ctx.log.error({ err, shard }, 'gateway error') }),
  listener({ name: 'client-error', event: Events.Error, run: (ctx, err) => ctx.log.error({ err }, 'discord client error') }),
  listener({ name: 'client-warn', event: Events.Warn, run: (ctx, warning) => ctx.log.warn({ warning }, 'discord client warning') }),
  listener({ name: 'client-debug', event: Events.Debug, run: (ctx, info) => ctx.log.trace({ info }, 'discord debug') }),
];
