import { busyReply } from '../busy.ts';
import { workspaceKey } from '../installations.ts';
import { deliver } from '../deliver.ts';
import { slackRequester } from '../requester.ts';
import { channelPost, ephemeralPost } from '../targets.ts';
import { neutralPingMentions, normalizeIncoming, wantsChannelManagement } from '../text.ts';
import { wantsZone } from '../user-zone.ts';
import type { SlackListener } from '../context.ts';

/** Fields of an app_mention event this listener reads (Slack's Events API payload). */
interface MentionEvent {
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  team?: string;
  bot_id?: string;
  subtype?: string;
  /** Set when the mention was edited: Slack re-sends app_mention for the edit, with no subtype. */
  edited?: { user?: string; ts?: string };
}

/** `@tutor <question>` in a channel: answered in a thread under the asking message. */
export const appMention: SlackListener = {
  name: 'app-mention',
  register(bolt, ctx) {
    bolt.event('app_mention', async ({ event, body, client, context }) => {
      const e = event as unknown as MentionEvent;
      // Bots (this one included) and edits are not questions; the original was answered already.
      const question = async () => Boolean(e.user && !e.bot_id && !e.subtype && !e.edited && e.user !== context.botUserId) && !(await ctx.events.seen((body as { event_id?: string }).event_id));
      const busy = async () => {
        if (await question()) await busyReply(channelPost(client, e.channel, e.thread_ts ?? e.ts), ctx.log);
      };
      await ctx.tasks.run(
        'app-mention',
        async () => {
          if (!e.user || !(await question())) return;
          const text = neutralPingMentions(normalizeIncoming(e.text, context.botUserId));
          // An org-wide install's schedules are keyed by the enterprise, where its token is stored.
          const teamId = workspaceKey({ isEnterpriseInstall: context.isEnterpriseInstall, enterpriseId: context.enterpriseId, teamId: e.team ?? (body as { team_id?: string }).team_id });
          const canManageChannel = wantsChannelManagement(text) ? await ctx.admins.canManage(client, teamId, e.user) : false;
          const thread = e.thread_ts ?? e.ts;
          // The answer starts (or continues) a thread: that thread is the conversation.
          const zone = wantsZone(text) ? await ctx.zones.of(client, teamId, e.user) : undefined;
          const who = slackRequester({ userId: e.user, channelId: e.channel, teamId, direct: false, canManageChannel, threadTs: thread, zone });
          const reply = await ctx.app.handle({ type: 'text', text }, who);
          await deliver(
            {
              reply,
              render: {},
              targets: [channelPost(client, e.channel, thread)],
              apology: [ephemeralPost(client, e.channel, e.user, thread)],
              question: text,
              who: { userId: e.user, channelId: e.channel },
              diagrams: ctx.diagrams.forClient(client),
            },
            ctx.log,
          );
        },
        { busy },
      );
    });
  },
};
