import type { ClientEvents } from 'discord.js';
import type { BotContext } from '../context.ts';

/** One gateway event handler. Errors it throws are caught and logged by the index. */
export interface Listener<E extends keyof ClientEvents = keyof ClientEvents> {
  name: string;
  event: E;
  once?: boolean;
  run(ctx: BotContext, ...args: ClientEvents[E]): unknown;
}

/** Keeps each listener's argument types while letting the index hold them in one array. */
export function listener<E extends keyof ClientEvents>(l: Listener<E>): Listener {
  return l as unknown as Listener;
}
