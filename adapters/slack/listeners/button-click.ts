import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { Reply } from '../../../src/index.ts';
import { busyReply } from '../busy.ts';
import { deliver } from '../deliver.ts';
import { ACTION_ID_PREFIX } from '../render/blocks.ts';
import type { RenderOptions } from '../render/index.ts';
import { slackRequester } from '../requester.ts';
import { channelPost, ephemeralPost, responseUrl, type Target } from '../targets.ts';
import { isDirectChannel } from '../text.ts';
import { acknowledge, type SlackContext, type SlackListener } from './context.ts';

/**
 * A click on any of our buttons. The button's value is the core's action string, handed back
 * untouched. Where the answer goes depends on the reply and on the message clicked:
 * - audience "channel" (Share in channel): posted visibly, "Shared by" the clicker;
 * - everything else, quiz feedback included, only for the clicker: ephemeral with a Share button,
 *   or a normal message in a DM with the bot.
 */
export const buttonClick: SlackListener = {
  name: 'button-click',
  register(bolt, ctx) {
    bolt.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: new RegExp(`^${ACTION_ID_PREFIX}`) }, async ({ ack, body, action, client }) => {
      const url = (body as { response_url?: string }).response_url;
      const where = body.channel?.id ?? (body.container as Container | undefined)?.channel_id;
      await ctx.tasks.run('button-click', () => answer(body, action, client, ctx), {
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
}

async function answer(body: BlockAction<ButtonAction>, action: ButtonAction, client: webApi.WebClient, ctx: SlackContext): Promise<void> {
  const container = (body.container ?? {}) as Container;
  const channelId = body.channel?.id ?? container.channel_id;
  const userId = body.user.id;
  if (!channelId) return; // a click outside a conversation (e.g. a modal): nothing of ours
  const direct = isDirectChannel(channelId, body.channel?.name);
  const ephemeral = container.is_ephemeral === true;
  // An ephemeral message has no `message` in the payload; its thread is only in the container.
  const thread = ephemeral ? container.thread_ts : (body.message?.thread_ts as string | undefined);
  const who = slackRequester({ userId, channelId, teamId: body.team?.id ?? body.user.team_id, direct });
  const reply = await ctx.app.tutor.handle({ type: 'action', action: action.value ?? '' }, who);

  const url = body.response_url;
  const privately: Target[] = ephemeral
    ? [...(url ? [responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs)] : []), ephemeralPost(client, channelId, userId, thread)]
    : [ephemeralPost(client, channelId, userId, thread), ...(url ? [responseUrl(url, 'ephemeral', ctx.app.config.platformTimeoutMs)] : [])];
  const { targets, render } = route(reply, { userId, channelId, thread, direct, url, client, privately, timeoutMs: ctx.app.config.platformTimeoutMs });
  await deliver({ reply, render, targets, apology: privately, question: `(button) ${action.text?.text ?? action.value ?? ''}`, who: { userId, channelId } }, ctx.log);
}

function route(reply: Reply, w: { userId: string; channelId: string; thread?: string | undefined; direct: boolean; url?: string | undefined; client: webApi.WebClient; privately: Target[]; timeoutMs: number }): { targets: Target[]; render: RenderOptions } {
  if (reply.audience === 'channel') {
    // chat.postMessage needs the bot in the channel (or chat:write.public); the response_url does not.
    return { targets: [channelPost(w.client, w.channelId, w.thread), ...(w.url ? [responseUrl(w.url, 'in_channel', w.timeoutMs)] : [])], render: { sharedBy: w.userId } };
  }
  if (w.direct && reply.kind !== 'quiz-feedback') return { targets: [channelPost(w.client, w.channelId, w.thread)], render: {} };
  return { targets: w.privately, render: { share: !w.direct } };
}
