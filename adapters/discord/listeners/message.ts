import { Events, type Message } from 'discord.js';
import { neutralPingMentions, typedPingRefusal } from '../ping.ts';
import { requesterFromMessage } from '../requester.ts';
import { failureReply } from '../../shared/failure.ts';
import { within } from '../respond.ts';
import { renderParts } from '../render/index.ts';
import { retryTransient } from '../errors.ts';
import { listener } from './types.ts';

/** `<@123>` and the legacy nickname form `<@!123>`. */
export function stripMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A mention in a server (answered as a reply to that message) or any DM (answered in the DM).
 * Bots, including this one, are ignored. Discord delivers the content of exactly these messages
 * without the privileged MessageContent intent.
 */
export const message = listener({
  name: 'message',
  event: Events.MessageCreate,
  async run(ctx, msg: Message) {
    if (msg.author.bot || msg.system || msg.webhookId) return;
    const me = ctx.client.user?.id;
    if (!me) return;
    const direct = !msg.inGuild();
    if (!direct && !msg.mentions.users.has(me)) return;
    const channel = msg.channel;
    if (!channel.isSendable()) return;

    const log = ctx.log.child({ message: msg.id, user: msg.author.id, channel: msg.channelId });
    // A typed `ping role @Role` / `ping @here` speaks the core's tokens, like the slash command's options.
    const text = neutralPingMentions(stripMention(msg.content, me));
    const who = requesterFromMessage(msg);
    // A ping the bot could not deliver is refused before anything is stored, as for the slash command.
    const early = who.canManageChannel ? typedPingRefusal(msg, text) : undefined;
    const work = (early ? Promise.resolve(early) : ctx.app.handle({ type: 'text', text }, who)).catch((err: unknown) => {
      log.error({ err }, 'tutor failed');
      return failureReply();
    });
    // A slow answer shows "typing…" so the asker knows it is coming.
    if (!(await within(work, ctx.timing.deferAfterMs))) channel.sendTyping().catch(() => undefined);
    const reply = await work;
    const [body, ...rest] = renderParts(reply, { log });
    // One nonce per question, reused on every retry: with enforce_nonce Discord creates the message at most once.
    const once = { nonce: nonceFor(msg.id), enforceNonce: true };
    // A reply to a mention notifies the asker (and no one else: parse stays empty, so an echoed
    // @everyone or role mention in the text still pings nobody).
    const toAsker = { allowedMentions: { parse: [], repliedUser: true } };
    try {
      await retryTransient(
        'reply to message',
        (): Promise<unknown> => (direct ? channel.send({ ...body, ...once }) : msg.reply({ ...body, ...toAsker, ...once, failIfNotExists: false })),
        ctx.timing.retryDelaysMs,
        log,
      );
      // A long body goes on in the channel, in order; each part has its own nonce.
      for (const [i, part] of rest.entries()) {
        const nonce = { nonce: nonceFor(msg.id, i + 1), enforceNonce: true };
        await retryTransient('send the rest of a long answer', (): Promise<unknown> => channel.send({ ...part, ...nonce }), ctx.timing.retryDelaysMs, log);
      }
      log.debug({ kind: reply.kind, direct, parts: rest.length + 1 }, 'answered message');
    } catch (err) {
      log.error({ err }, 'could not answer the message');
    }
  },
});

/** Nonces are at most 25 characters; a message id is a 17-20 digit snowflake. */
function nonceFor(messageId: string, part = 0): string {
  return `q${messageId}${part ? `p${part}` : ''}`.slice(0, 25);
}
