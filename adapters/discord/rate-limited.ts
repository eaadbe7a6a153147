import { setTimeout as sleep } from 'node:timers/promises';
import { MessageFlags, RateLimitError, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from './context.ts';

type AnswerableInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** Discord's deadline for the first response to an interaction. */
const DEADLINE_MS = 3000;
/** Kept free before the deadline for the request itself (a loaded machine, a slow link). */
const MARGIN_MS = 600;

/** A rate limit on an interaction's first response: the REST client refuses to wait (client.ts) and leaves it to us. */
export function isCallbackRateLimit(err: unknown): err is RateLimitError {
  return err instanceof RateLimitError && err.route.endsWith('/callback');
}

/**
 * The first response was refused with a rate limit. Instead of waiting and re-sending the whole
 * answer (which may land after the 3 s deadline), wait only if the limit ends in time, then send a
 * bare deferral, the smallest callback there is; the caller then edits in the answer through the
 * interaction webhook, which has 15 minutes. Returns whether the deferral went through.
 */
export async function deferPastRateLimit(
  interaction: AnswerableInteraction,
  err: RateLimitError,
  how: { update: boolean; ephemeral: boolean; receivedAt: number },
  log: BotContext['log'],
): Promise<boolean> {
  const wait = Math.max(err.retryAfter, err.timeToReset, err.sublimitTimeout, 0);
  // The clock starts when Discord created the interaction, or when it reached us if that is later.
  const left = DEADLINE_MS - MARGIN_MS - (Date.now() - Math.max(interaction.createdTimestamp, how.receivedAt));
  if (wait > left) {
    log.warn({ waitMs: wait, leftMs: left, route: err.route }, 'interaction callback rate-limited past the 3 s deadline; not answered');
    return false;
  }
  log.warn({ waitMs: wait }, 'interaction callback rate-limited; deferring once the limit ends');
  await sleep(wait);
  if (how.update && interaction.isMessageComponent()) await interaction.deferUpdate();
  else await interaction.deferReply(how.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  return true;
}
