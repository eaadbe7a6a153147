import type { Platform } from '../adapter-api/request.ts';

/**
 * One workspace's installation of the app (an OAuth install): its tokens live in `data`, as the
 * platform's SDK wrote them. The core never reads them; it only keeps, finds and deletes them.
 */
export interface InstallationRecord {
  platform: Platform;
  /** The workspace (team) id, or the enterprise id for an org-wide install. */
  workspaceId: string;
  enterpriseId?: string;
  enterpriseInstall: boolean;
  /** The installation as the adapter stores it (JSON text). */
  data: string;
  installedAt: number;
}

/** A workspace that removed the app: its learning data is deleted once `removedAt` is old enough. */
export interface WorkspaceRemoval {
  platform: Platform;
  workspaceId: string;
  removedAt: number;
}

/** Installations per workspace, and what happens when a workspace removes the app. */
export interface InstallationStore {
  /** Insert or replace (a reinstall brings new tokens). A reinstall also cancels a pending removal. */
  putInstallation(r: InstallationRecord): Promise<void>;
  getInstallation(platform: Platform, workspaceId: string): Promise<InstallationRecord | undefined>;
  /**
   * The app was uninstalled or its tokens revoked: delete the installation and the workspace's
   * schedules at once, and remember when, so its learning data is deleted later.
   */
  removeWorkspace(platform: Platform, workspaceId: string, at: number): Promise<{ schedules: number }>;
  /** Workspaces removed before `before` whose data is still here. */
  removalsBefore(before: number): Promise<WorkspaceRemoval[]>;
  /**
   * Delete everything kept for a workspace: installation, schedules, posts in its channels and their
   * answers, uploads, and the pending removal. Counts of what went. Without a platform, the
   * workspace id is matched on every platform.
   */
  deleteWorkspaceData(platform: Platform | undefined, workspaceId: string): Promise<{ installations: number; schedules: number; posts: number; answers: number; uploads: number }>;
}
