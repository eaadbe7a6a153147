import type { AppOptions } from '@slack/bolt';
import type { Clock, InstallationStore, Logger } from '../../src/index.ts';

/** Bolt's installation store interface (from @slack/oauth, as Bolt exposes it). */
type BoltInstallationStore = NonNullable<AppOptions['installationStore']>;
type Installation = Parameters<BoltInstallationStore['storeInstallation']>[0];
type Query = Parameters<BoltInstallationStore['fetchInstallation']>[0];

/** The store's key for an installation: the enterprise id for an org-wide install, else the team id. */
export function workspaceKey(q: { isEnterpriseInstall?: boolean | undefined; enterpriseId?: string | undefined; teamId?: string | undefined }): string | undefined {
  return q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;
}

/**
 * Bolt's installation store on the core's Store: each installation is kept as the JSON Bolt gave
 * us, keyed by workspace (or enterprise). Bolt calls fetchInstallation for every incoming request
 * (its authorize), so every event, command and click runs with its own workspace's token.
 */
export function storeInstallations(store: InstallationStore, clock: Clock, log: Logger): BoltInstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const enterpriseId = installation.enterprise?.id;
      const workspaceId = workspaceKey({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId, teamId: installation.team?.id });
      if (!workspaceId) throw new Error('the installation names neither a team nor an enterprise');
      await store.putInstallation({
        platform: 'slack',
        workspaceId,
        ...(enterpriseId ? { enterpriseId } : {}),
        enterpriseInstall: installation.isEnterpriseInstall === true,
        data: JSON.stringify(installation),
        installedAt: clock.now().getTime(),
      });
      log.info({ workspaceId, team: installation.team?.name, enterpriseInstall: installation.isEnterpriseInstall === true }, 'Slack app installed to a workspace');
    },
    async fetchInstallation(query: Query) {
      const workspaceId = workspaceKey(query);
      const found = workspaceId ? await store.getInstallation('slack', workspaceId) : undefined;
      if (!found) throw new Error(`no installation for workspace ${workspaceId ?? '(none given)'}`);
      return JSON.parse(found.data);
    },
    async deleteInstallation(query: Query) {
      const workspaceId = workspaceKey(query);
      if (workspaceId) await store.removeWorkspace('slack', workspaceId, clock.now().getTime());
    },
  };
}

/** The bot token of a workspace's installation, or undefined when the app is not installed there. */
export async function botTokenOf(store: InstallationStore, workspaceId: string): Promise<string | undefined> {
  const found = await store.getInstallation('slack', workspaceId);
  if (!found) return undefined;
  const data = JSON.parse(found.data) as { bot?: { token?: string } };
  return data.bot?.token;
}
