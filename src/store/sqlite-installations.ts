import type Database from 'better-sqlite3';
import type { Platform } from '../adapter-api/request.ts';
import { toInstallation, toRemoval } from './installation-rows.ts';
import type { InstallationRecord, InstallationStore, WorkspaceRemoval } from './installation-types.ts';

type Row = Record<string, unknown>;

/** SQL for InstallationStore (migration 5's tables). SqliteStore delegates to it. */
export class SqliteInstallationTables implements InstallationStore {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: (text: string) => Database.Statement,
  ) {}

  async putInstallation(r: InstallationRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO installations (platform, workspace_id, enterprise_id, enterprise_install, data, installed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, enterprise_install = excluded.enterprise_install,
           data = excluded.data, installed_at = excluded.installed_at`,
      ).run(r.platform, r.workspaceId, r.enterpriseId ?? null, r.enterpriseInstall ? 1 : 0, r.data, r.installedAt);
      this.sql('DELETE FROM workspace_removals WHERE platform = ? AND workspace_id = ?').run(r.platform, r.workspaceId);
    })();
  }

  async getInstallation(platform: Platform, workspaceId: string): Promise<InstallationRecord | undefined> {
    const row = this.sql('SELECT * FROM installations WHERE platform = ? AND workspace_id = ?').get(platform, workspaceId) as Row | undefined;
    return row && toInstallation(row);
  }

  async removeWorkspace(platform: Platform, workspaceId: string, at: number): Promise<{ schedules: number }> {
    return this.db.transaction(() => {
      this.sql('DELETE FROM installations WHERE platform = ? AND workspace_id = ?').run(platform, workspaceId);
      this.sql('UPDATE posts SET workspace_id = ? WHERE platform = ? AND channel_id IN (SELECT channel_id FROM schedules WHERE platform = ? AND workspace_id = ?)').run(
        workspaceId,
        platform,
        platform,
        workspaceId,
      );
      const schedules = this.sql('DELETE FROM schedules WHERE platform = ? AND workspace_id = ?').run(platform, workspaceId).changes;
      this.sql('INSERT INTO workspace_removals (platform, workspace_id, removed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(platform, workspaceId, at);
      return { schedules };
    })();
  }

  async removalsBefore(before: number): Promise<WorkspaceRemoval[]> {
    return (this.sql('SELECT * FROM workspace_removals WHERE removed_at < ? ORDER BY removed_at').all(before) as Row[]).map(toRemoval);
  }

  async deleteWorkspaceData(platform: Platform | undefined, workspaceId: string) {
    const p = { platform: platform ?? null, workspaceId };
    const where = '(@platform IS NULL OR platform = @platform) AND workspace_id = @workspaceId';
    const run = (text: string) => this.sql(text).run(p).changes;
    return this.db.transaction(() => {
      const installations = run(`DELETE FROM installations WHERE ${where}`);
      // Posts of channels that still have a schedule in the workspace, and those tagged at removal.
      run(
        `UPDATE posts SET workspace_id = @workspaceId WHERE EXISTS (SELECT 1 FROM schedules s WHERE s.platform = posts.platform AND s.channel_id = posts.channel_id AND (@platform IS NULL OR s.platform = @platform) AND s.workspace_id = @workspaceId)`,
      );
      const answers = run(`DELETE FROM answers WHERE post_id IN (SELECT id FROM posts WHERE ${where})`);
      const posts = run(`DELETE FROM posts WHERE ${where}`);
      const schedules = run(`DELETE FROM schedules WHERE ${where}`);
      const uploads = run(`DELETE FROM uploads WHERE ${where}`);
      run(`DELETE FROM workspace_removals WHERE ${where}`);
      return { installations, schedules, posts, answers, uploads };
    })();
  }
}
