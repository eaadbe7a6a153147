import type { Platform } from '../adapter-api/request.ts';
import type { InstallationRecord, WorkspaceRemoval } from './installation-types.ts';

type Row = Record<string, unknown>;

export function toInstallation(r: Row): InstallationRecord {
  return {
    platform: String(r.platform) as Platform,
    workspaceId: String(r.workspace_id),
    ...(r.enterprise_id != null ? { enterpriseId: String(r.enterprise_id) } : {}),
    enterpriseInstall: Number(r.enterprise_install) === 1,
    data: String(r.data),
    installedAt: Number(r.installed_at),
  };
}

export function toRemoval(r: Row): WorkspaceRemoval {
  return { platform: String(r.platform) as Platform, workspaceId: String(r.workspace_id), removedAt: Number(r.removed_at) };
}
