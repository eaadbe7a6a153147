import type { BlockAction, webApi } from '@slack/bolt';
import { decodeAction, type Reply } from '../../../src/index.ts';
import { busyReply } from '../busy.ts';
import { deliver } from '../deliver.ts';
import { ACTION_ID_PREFIX } from '../render/blocks.ts';
import type { RenderOptions } from '../render/index.ts';
import { slackRequester } from '../requester.ts';
import { channelPost, ephemeralPost, messageUpdate, responseUrl, type Target } from '../targets.ts';
import { isDirectChannel } from '../text.ts';
import { acknowledge, type SlackContext, type SlackListener } from '../context.ts';
import { formFailedReply, openForm } from './form-submit.ts';
import { inChannel, keptPrivate, sharedNote } from '../../shared/placement.ts';

/** What our interactive elements send: a button's or feedback button's value, or a menu pick. */
interface ClickedElement {
  type: string;
  action_id: string;
  value?: string;
  text?: { text?: string };
  selected_option?: { value?: string; text?: { text?: string } };
}

/**
 * A click on any of our buttons, menus or 👍/👎. The value is the core's action string, handed
 * back untouched. Where the answer goes depends on the reply and on the message clicked:
 * - a form (👎's "what were you looking for?"): a modal;
 * - audience "channel" (Share in channel): posted visibly, "Shared by" the clicker, and the
 *   private copy is replaced by a short "Shared in #channel" note;
 * - a continuation (Explain more, a related topic, paging, the next question, practice feedback):
 *   in place: the ephemeral is replaced, a DM message updated, a public answer continued in its thread;
 * - everything else only for the clicker: ephemeral with a Share button, or a message in a DM.
 */
export const buttonClick: SlackListener = {
  name: 'button-click',
  register(bolt, ctx) {
    bolt.action<BlockAction>({ type: 'block_actions', action_id: new RegExp(`^${ACTION_ID_PREFIX}`) }, async ({ ack, body, action, client }) => {
      const url = (body as { response_url?: string }).response_url;
      const where = body.channel?.id ?? (body.container as Container | undefined)?.channel_id;
      await ctx.tasks.run('button-click', () => answer(body, action as unknown as ClickedElement, client, ctx), {
        ack: () => acknowledge(ack, ctx),
        busy: async () => {
          if (url) await busyReply(responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs), ctx.log);
          else if (where) await busyReply(ephemeralPost(client, where, body.user.id), ctx.log);
        },
      });
    });
  },
};

/** Where the clicked message lives. Ephemeral messages have no `message` and say so in `container`. */
interface Container {
  channel_id?: string;
  is_ephemeral?: boolean;
  thread_ts?: string;
  message_ts?: string;
}

/** On a public answer, these continue visibly in its thread; other clicks answer only the clicker. */
const CONTINUES_IN_THREAD: ReadonlySet<string> = new Set(['more', 'example']);

async function answer(body: BlockAction, action: ClickedElement, client: webApi.WebClient, ctx: SlackContext): Promise<void> {
  const container = (body.container ?? {}) as Container;
  const userId = body.user.id;
  // A click in App Home answers in the learner's Messages tab: posting to a user id opens that DM.
  const fromHome = (body as { view?: { type?: string } }).view?.type === 'home';
  const channelId = body.channel?.id ?? container.channel_id ?? (fromHome ? userId : undefined);
  if (!channelId) return; // a click outside a conversation (e.g. a modal): nothing of ours
  const direct = fromHome || isDirectChannel(channelId, body.channel?.name);
  const ephemeral = container.is_ephemeral === true;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  // An ephemeral message has no `message` in the payload; its thread is only in the container.
  const thread = ephemeral ? container.thread_ts : message?.thread_ts;
  const value = action.value ?? action.selected_option?.value ?? '';
  const who = slackRequester({ userId, channelId, teamId: body.team?.id ?? body.user.team_id, direct, threadTs: thread });
  const reply = await ctx.app.handle({ type: 'action', action: value }, who);
  const question = `(button) ${action.selected_option?.text?.text ?? action.text?.text ?? value}`;

  const url = body.response_url;
  if (reply.form && (await openForm(client, body.trigger_id, reply.form, { channelId, thread, direct }, ctx))) return;
  const shown = reply.form ? formFailedReply() : reply;
  const privately: Target[] = ephemeral
    ? [...(url ? [responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs)] : []), ephemeralPost(client, channelId, userId, thread)]
    : [ephemeralPost(client, channelId, userId, thread), ...(url ? [responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs)] : [])];
  const w = { userId, channelId, thread, direct, url, client, privately, ephemeral, message, kind: decodeAction(value)?.type ?? '', timeoutMs: ctx.app.config.platformTimeoutMs };
  const { targets, render } = route(shown, w);
  const sent = await deliver({ reply: shown, render, targets, apology: privately, question, who: { userId, channelId }, diagrams: ctx.diagrams.forClient(client) }, ctx.log);
  if (sent && reply.audience === 'channel' && ephemeral && url) {
    // The private copy must not keep a live Share button: it becomes a note with no buttons.
    await responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs, true)
      .send({ text: sharedNote(`<#${channelId}>`) })
      .catch((err: unknown) => ctx.log.warn({ err: (err as Error).message }, 'could not replace the private copy after sharing'));
  }
}

interface Where {
  userId: string;
  channelId: string;
  thread?: string | undefined;
  direct: boolean;
  url?: string | undefined;
  client: webApi.WebClient;
  privately: Target[];
  ephemeral: boolean;
  message?: { ts?: string; thread_ts?: string } | undefined;
  /** The kind of action clicked. */
  kind: string;
  timeoutMs: number;
}

function route(reply: Reply, w: Where): { targets: Target[]; render: RenderOptions } {
  if (inChannel(reply)) {
    // chat.postMessage needs the bot in the channel (or chat:write.public); the response_url does not.
    return { targets: [channelPost(w.client, w.channelId, w.thread), ...(w.url ? [responseUrl(w.url, 'in_channel', w.timeoutMs)] : [])], render: { sharedBy: w.userId } };
  }
  if (reply.inPlace) {
    if (w.ephemeral && w.url) return { targets: [responseUrl(w.url, 'ephemeral', w.timeoutMs, true), ...w.privately], render: { share: keptPrivate(reply, w) } };
    if (w.direct && w.message?.ts) return { targets: [messageUpdate(w.client, w.channelId, w.message.ts), channelPost(w.client, w.channelId, w.thread)], render: {} };
    // A public answer continues in its thread, where everyone reading it can follow.
    if (!w.direct && w.message?.ts && CONTINUES_IN_THREAD.has(w.kind)) return { targets: [channelPost(w.client, w.channelId, w.message.thread_ts ?? w.message.ts)], render: {} };
  }
  if (w.direct && reply.kind !== 'quiz-feedback') return { targets: [channelPost(w.client, w.channelId, w.thread)], render: {} };
  return { targets: w.privately, render: { share: keptPrivate(reply, w) } };
}
