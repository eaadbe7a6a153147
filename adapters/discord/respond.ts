import { setTimeout as sleep } from 'node:timers/promises';
import {
  InteractionContextType,
  MessageFlags,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { failureReply } from '../shared/failure.ts';
import { formModal } from './modal.ts';
import type { Reply } from '../../src/index.ts';
import type { BotContext } from './context.ts';
import { renderParts, renderReply, type DiscordMessage } from './render/index.ts';
import { isAlreadyAcknowledged, isUnknownInteraction, retryTransient } from './errors.ts';
import { deferPastRateLimit, isCallbackRateLimit } from './rate-limited.ts';
import { keptPrivate } from '../shared/placement.ts';

type AnswerableInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

export interface AnswerPlan {
  /**
   * The clicked message is private and the click may continue it (Explain more, a related topic,
   * paging, the next question, a practice answer): a reply marked `inPlace` replaces it.
   */
  update?: boolean;
  /** Sharing from a private message: after the public post, the private copy becomes this note. */
  sharedNote?: string;
  /** Whether to defer privately when the reply is not ready in time (its audience is unknown then). */
  privateGuess: boolean;
  /** A click on a public answer (Explain more, Show an example): its continuation is public too. */
  public?: boolean;
}

type Parts = [DiscordMessage, ...DiscordMessage[]];

/** Private means ephemeral: for replies meant for the asker, wherever others could read them (not the bot's own DM). */
function isPrivate(reply: Reply, direct: boolean, plan?: AnswerPlan): boolean {
  return keptPrivate(reply, { direct, public: plan?.public });
}

/** Private lookups carry "Share in channel". */
export function renderFor(reply: Reply, priv: boolean, log?: BotContext['log']): Parts {
  return renderParts(reply, { share: priv && Boolean(reply.share), ...(log ? { log } : {}) });
}

/** The parts after the first of a long answer, as follow-ups in order, as private as the first. */
async function followRest(interaction: AnswerableInteraction, parts: Parts, priv: boolean): Promise<void> {
  for (const part of parts.slice(1)) await interaction.followUp({ ...part, ...(priv ? { flags: MessageFlags.Ephemeral } : {}) });
}

/**
 * Answer an interaction within Discord's 3 s: reply at once when the core is quick, otherwise defer
 * first and edit the deferred response when the reply is ready. Never throws; failures are logged.
 */
export async function answerInteraction(ctx: BotContext, interaction: AnswerableInteraction, work: Promise<Reply>, plan: AnswerPlan): Promise<void> {
  const receivedAt = Date.now();
  // A group DM, or a DM between two people using the user-installed app, has other readers.
  const direct = interaction.context === InteractionContextType.BotDM || (interaction.context === null && !interaction.inGuild());
  const log = ctx.log.child({ interaction: interaction.id, user: interaction.user.id, channel: interaction.channelId });
  const safeWork = work.catch((err: unknown) => {
    log.error({ err }, 'tutor failed');
    return failureReply();
  });
  try {
    const quick = await within(safeWork, ctx.timing.deferAfterMs);
    const component = interaction.isMessageComponent() ? interaction : undefined;
    if (quick) {
      // A form (👎's "what were you looking for?") must be the first response: a modal.
      if (quick.form && !interaction.isModalSubmit()) return void (await interaction.showModal(formModal(quick.form)));
      const priv = isPrivate(quick, direct, plan);
      const parts = safeRender(quick, priv, log);
      const [msg] = parts;
      const note = component && plan.sharedNote && quick.audience === 'channel' ? plan.sharedNote : undefined;
      const update = Boolean(note || (component && plan.update && quick.inPlace));
      try {
        if (note) await component!.update({ content: note, embeds: [], components: [] });
        else if (update) await component!.update(msg);
        else await interaction.reply({ ...msg, ...(priv ? { flags: MessageFlags.Ephemeral } : {}) });
      } catch (err) {
        if (!isCallbackRateLimit(err)) throw err;
        if (!(await deferPastRateLimit(interaction, err, { update, ephemeral: priv, receivedAt }, log))) return;
        await retryTransient('edit after a rate-limited callback', () => interaction.editReply(note ? { content: note, embeds: [], components: [] } : msg), ctx.timing.retryDelaysMs, log);
      }
      if (note) await component!.followUp(msg);
      await followRest(interaction, parts, priv);
      log.debug({ kind: quick.kind, private: priv, parts: parts.length }, 'answered');
      return;
    }
    const updating = Boolean(plan.update || plan.sharedNote) && Boolean(component);
    const ephemeral = plan.privateGuess && !plan.public && !direct;
    try {
      if (updating) await component!.deferUpdate();
      else await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    } catch (err) {
      // A rate-limited deferral is sent again only if the limit ends in time.
      if (!isCallbackRateLimit(err)) throw err;
      if (!(await deferPastRateLimit(interaction, err, { update: updating, ephemeral, receivedAt }, log))) return;
    }
    log.debug('deferred');
    const reply = await safeWork;
    // The deferral's privacy was a guess and cannot be changed. Guessed public but meant for the
    // asker: answer in a private follow-up and delete the public placeholder, so nothing private
    // shows in the channel. Guessed private but meant for the channel: the answer stays private
    // and carries Share (when the reply allows it), which is safe and one click from public.
    if (reply.form) {
      // A modal can only be the first response, and that moment has passed: say so instead.
      log.warn('a form came too late to open as a modal');
      const late: Reply = { ...failureReply(), kind: 'notice', title: 'Please try again', paragraphs: ['That took me too long to open the form. Press the button again, please.'] };
      const [body] = safeRender(late, true, log);
      return void (await (updating ? interaction.followUp({ ...body, flags: MessageFlags.Ephemeral }) : interaction.editReply(body)));
    }
    if (updating && plan.sharedNote && reply.audience === 'channel') {
      await retryTransient('replace the private copy', () => interaction.editReply({ content: plan.sharedNote!, embeds: [], components: [] }), ctx.timing.retryDelaysMs, log);
      const parts = safeRender(reply, false, log);
      for (const part of parts) await interaction.followUp(part);
      return;
    }
    const priv = isPrivate(reply, direct, plan);
    if (updating && !reply.inPlace) {
      const parts = safeRender(reply, priv, log);
      for (const part of parts) await interaction.followUp({ ...part, ...(priv ? { flags: MessageFlags.Ephemeral } : {}) });
      return;
    }
    if (!updating && !interaction.ephemeral && priv) return await answerPrivatelyInstead(interaction, reply, log);
    // Share only makes sense on a private message.
    const parts = safeRender(reply, Boolean(interaction.ephemeral), log);
    await retryTransient('edit deferred reply', () => interaction.editReply(parts[0]), ctx.timing.retryDelaysMs, log);
    await followRest(interaction, parts, Boolean(interaction.ephemeral));
    log.debug({ kind: reply.kind, parts: parts.length }, 'answered after deferring');
  } catch (err) {
    if (isAlreadyAcknowledged(err)) log.warn({ err }, 'interaction was already acknowledged (a retried callback had gone through)');
    else if (isUnknownInteraction(err)) log.warn({ err }, 'interaction expired before we answered');
    else log.error({ err }, 'could not answer the interaction');
  }
}

/**
 * Send `reply` as an ephemeral follow-up, then delete the public "thinking…" placeholder. The
 * follow-up is a webhook POST without a nonce, so it gets only discord.js's own retries: an extra
 * retry of one that had in fact gone through would show the answer twice.
 */
async function answerPrivatelyInstead(interaction: AnswerableInteraction, reply: Reply, log: BotContext['log']): Promise<void> {
  for (const part of safeRender(reply, true, log)) await interaction.followUp({ ...part, flags: MessageFlags.Ephemeral });
  // A placeholder left behind only says "thinking…"; the answer has already reached the asker.
  await interaction.deleteReply().catch((err: unknown) => log.warn({ err }, 'could not delete the public placeholder'));
  log.debug({ kind: reply.kind }, 'answered privately after a public deferral');
}

/** A render bug must not cost the answer: fall back to the plain-text fallback in an embed. */
function safeRender(reply: Reply, priv: boolean, log: BotContext['log']): Parts {
  try {
    return renderFor(reply, priv, log);
  } catch (err) {
    log.error({ err, kind: reply.kind }, 'render failed; sending the fallback text');
    return [renderReply({ ...failureReply(), kind: 'notice', title: reply.title?.slice(0, 200) ?? 'Answer', paragraphs: [reply.fallback.slice(0, 3000)] })];
  }
}

/** The value of `p` if it settles within `ms`, else undefined (0 means: always take the slow path). */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  const ac = new AbortController();
  try {
    return await Promise.race([p, sleep(ms, undefined, { signal: ac.signal }).catch(() => undefined)]);
  } finally {
    ac.abort();
  }
}
