import type { webApi } from '@slack/bolt';
import type { HomeAccess } from '../../../src/index.ts';
import { homeTab } from '../home/view.ts';
import { slackRequester, summarize } from '../requester.ts';
import type { SlackContext, SlackListener } from '../context.ts';

/** Fields of an app_home_opened event this listener reads. */
interface HomeOpenedEvent {
  user: string;
  tab?: string;
  channel?: string;
}

/** Pages of users.conversations read at most (200 channels each). */
const MAX_PAGES = 5;

/** Opening the bot's Home tab publishes the learner's home: streak, reviews, leaderboards, schedules. */
export const appHome: SlackListener = {
  name: 'app-home',
  register(bolt, ctx) {
    bolt.event('app_home_opened', async ({ event, body, client }) => {
      const e = event as unknown as HomeOpenedEvent;
      if (e.tab !== 'home') return; // the Messages tab needs nothing published
      await ctx.tasks.run('app-home', () => publishHome(client, e.user, (body as { team_id?: string }).team_id, ctx));
    });
  },
};

/** Build and publish one learner's home view (also after they change a schedule from it). */
export async function publishHome(client: webApi.WebClient, userId: string, teamId: string | undefined, ctx: SlackContext): Promise<void> {
  // The home is not a conversation: the requester's channel is the learner's DM with the bot.
  // Its week and day are the learner's own (their Slack zone; UTC when that is unknown).
  const who = slackRequester({ userId, channelId: userId, teamId, direct: true, zone: await ctx.zones.of(client, teamId, userId) });
  const home = await ctx.app.home(who, slackAccess(client, teamId, userId, ctx));
  try {
    await client.views.publish({ user_id: userId, view: homeTab(home) as never });
  } catch (err) {
    ctx.log.warn({ err: summarize(err), userId }, 'views.publish failed');
  }
}

function slackAccess(client: webApi.WebClient, teamId: string | undefined, userId: string, ctx: SlackContext): HomeAccess {
  return {
    async memberOf(channelIds) {
      const wanted = new Set(channelIds);
      const found = new Set<string>();
      if (wanted.size === 0) return found;
      let cursor: string | undefined;
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const res = await client.users.conversations({ user: userId, types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) });
          for (const c of res.channels ?? []) if (c.id && wanted.has(c.id)) found.add(c.id);
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!cursor) break;
        }
      } catch (err) {
        // Without the list the home shows no channels rather than channels the learner is not in.
        ctx.log.warn({ err: summarize(err), userId }, 'users.conversations failed; home shows no channels');
      }
      return found;
    },
    canManage: () => ctx.admins.canManage(client, teamId, userId),
  };
}
