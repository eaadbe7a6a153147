import type { SlackListener } from '../context.ts';
import { workspaceKey } from '../installations.ts';

/** The envelope fields these events are read from. */
interface RemovalBody {
  team_id?: string;
  enterprise_id?: string;
  authorizations?: { is_enterprise_install?: boolean }[];
  event: { type: string; tokens?: { bot?: string[]; oauth?: string[] } };
}

/**
 * OAuth mode: a workspace removed the app (app_uninstalled) or revoked its bot token
 * (tokens_revoked). Its installation and schedules are deleted at once; its learning data goes
 * after the retention period (retention.ts) or with `tutor workspace delete`.
 */
export const uninstall: SlackListener = {
  name: 'uninstall',
  register(bolt, ctx) {
    if (!ctx.app.config.slack?.oauth) return;
    const remove = async (body: RemovalBody) => {
      const workspaceId = workspaceKey({ isEnterpriseInstall: body.authorizations?.[0]?.is_enterprise_install, enterpriseId: body.enterprise_id, teamId: body.team_id });
      if (!workspaceId) return ctx.log.warn({ event: body.event.type }, 'app removal event names no workspace; ignored');
      try {
        const { schedules } = await ctx.app.store.removeWorkspace('slack', workspaceId, ctx.app.clock.now().getTime());
        ctx.log.info({ workspaceId, event: body.event.type, schedules }, 'Slack workspace removed the app: tokens deleted, schedules stopped');
      } catch (err) {
        ctx.log.error({ workspaceId, err: (err as Error).message }, 'could not delete the removed workspace’s tokens');
      }
    };
    bolt.event('app_uninstalled', async ({ body }) => remove(body as unknown as RemovalBody));
    bolt.event('tokens_revoked', async ({ body }) => {
      const b = body as unknown as RemovalBody;
      // A user token revoked alone leaves the bot working; only the bot token matters here.
      if ((b.event.tokens?.bot ?? []).length > 0) await remove(b);
    });
  },
};
