import { busyReply } from '../busy.ts';
import { deliver } from '../deliver.ts';
import { slackRequester } from '../requester.ts';
import { channelPost } from '../targets.ts';
import { neutralPingMentions, normalizeIncoming, wantsChannelManagement } from '../text.ts';
import { wantsZone } from '../user-zone.ts';
import type { SlackListener } from '../context.ts';

/** Fields of a message.im event this listener reads. */
interface DirectMessageEvent {
  channel_type?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  team?: string;
  bot_id?: string;
  subtype?: string;
}

/**
 * Subtypes that still carry the person's own words: a message with a file attached, and a thread
 * reply also sent to the conversation. Every other subtype is an edit, a deletion, a bot post or
 * a join: none of them a question.
 */
const QUESTION_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** A direct message to the bot: answered in the DM (in its thread if it was sent in one). */
export const directMessage: SlackListener = {
  name: 'direct-message',
  register(bolt, ctx) {
    bolt.event('message', async ({ event, body, client, context }) => {
      const e = event as unknown as DirectMessageEvent;
      if (e.channel_type !== 'im') return;
      const question = async () =>
        Boolean(e.user && !e.bot_id && !(e.subtype && !QUESTION_SUBTYPES.has(e.subtype)) && e.user !== context.botUserId) && !(await ctx.events.seen((body as { event_id?: string }).event_id));
      const busy = async () => {
        if (await question()) await busyReply(channelPost(client, e.channel, e.thread_ts), ctx.log);
      };
      await ctx.tasks.run(
        'direct-message',
        async () => {
          if (!e.user || !(await question())) return;
          const text = neutralPingMentions(normalizeIncoming(e.text, context.botUserId));
          const teamId = e.team ?? (body as { team_id?: string }).team_id;
          const canManageChannel = wantsChannelManagement(text) ? await ctx.admins.canManage(client, teamId, e.user) : false;
          const zone = wantsZone(text) ? await ctx.zones.of(client, teamId, e.user) : undefined;
          const who = slackRequester({ userId: e.user, channelId: e.channel, teamId, direct: true, canManageChannel, threadTs: e.thread_ts, zone });
          const reply = await ctx.app.handle({ type: 'text', text }, who);
          const post = channelPost(client, e.channel, e.thread_ts);
          await deliver({ reply, render: {}, targets: [post], apology: [post], question: text, who: { userId: e.user, channelId: e.channel }, diagrams: ctx.diagrams.forClient(client) }, ctx.log);
        },
        { busy },
      );
    });
  },
};
