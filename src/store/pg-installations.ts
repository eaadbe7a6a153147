import type pg from 'pg';
import type { Platform } from '../adapter-api/request.ts';
import { toInstallation, toRemoval } from './installation-rows.ts';
import type { InstallationRecord, InstallationStore, WorkspaceRemoval } from './installation-types.ts';
import { inTransaction } from './pg-posts.ts';

type Row = Record<string, unknown>;

const TAG_POSTS = 'UPDATE posts SET workspace_id = $2 WHERE platform = $1 AND channel_id IN (SELECT channel_id FROM schedules WHERE platform = $1 AND workspace_id = $2)';

/** InstallationStore in Postgres (migration 2's tables). PgStore delegates to it. */
export class PgInstallationTables implements InstallationStore {
  constructor(private readonly pool: pg.Pool) {}

  async putInstallation(r: InstallationRecord): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query(
        `INSERT INTO installations (platform, workspace_id, enterprise_id, enterprise_install, data, installed_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, enterprise_install = excluded.enterprise_install,
           data = excluded.data, installed_at = excluded.installed_at`,
        [r.platform, r.workspaceId, r.enterpriseId ?? null, r.enterpriseInstall ? 1 : 0, r.data, r.installedAt],
      );
      await c.query('DELETE FROM workspace_removals WHERE platform = $1 AND workspace_id = $2', [r.platform, r.workspaceId]);
    });
  }

  async getInstallation(platform: Platform, workspaceId: string): Promise<InstallationRecord | undefined> {
    const row = (await this.pool.query('SELECT * FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId])).rows[0] as Row | undefined;
    return row && toInstallation(row);
  }

  async removeWorkspace(platform: Platform, workspaceId: string, at: number): Promise<{ schedules: number }> {
    return inTransaction(this.pool, async (c) => {
      const key = [platform, workspaceId];
      await c.query('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', key);
      await c.query(TAG_POSTS, key);
      const schedules = (await c.query('DELETE FROM schedules WHERE platform = $1 AND workspace_id = $2', key)).rowCount ?? 0;
      await c.query('INSERT INTO workspace_removals (platform, workspace_id, removed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [...key, at]);
      return { schedules };
    });
  }

  async removalsBefore(before: number): Promise<WorkspaceRemoval[]> {
    return ((await this.pool.query('SELECT * FROM workspace_removals WHERE removed_at < $1 ORDER BY removed_at', [before])).rows as Row[]).map(toRemoval);
  }

  async deleteWorkspaceData(platform: Platform | undefined, workspaceId: string) {
    return inTransaction(this.pool, async (c) => {
      const key = [platform ?? null, workspaceId];
      const where = '($1::text IS NULL OR platform = $1) AND workspace_id = $2';
      const count = async (text: string) => (await c.query(text, key)).rowCount ?? 0;
      const installations = await count(`DELETE FROM installations WHERE ${where}`);
      await c.query(
        'UPDATE posts SET workspace_id = $2 WHERE EXISTS (SELECT 1 FROM schedules s WHERE s.platform = posts.platform AND s.channel_id = posts.channel_id AND ($1::text IS NULL OR s.platform = $1) AND s.workspace_id = $2)',
        key,
      );
      const answers = await count(`DELETE FROM answers WHERE post_id IN (SELECT id FROM posts WHERE ${where})`);
      const posts = await count(`DELETE FROM posts WHERE ${where}`);
      const schedules = await count(`DELETE FROM schedules WHERE ${where}`);
      const uploads = await count(`DELETE FROM uploads WHERE ${where}`);
      await c.query(`DELETE FROM workspace_removals WHERE ${where}`, key);
      return { installations, schedules, posts, answers, uploads };
    });
  }
}
