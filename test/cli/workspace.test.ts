import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { postClaim } from '../helpers/post-claim.ts';
import { tempDir } from '../quiz/helpers.ts';

const root = resolve(import.meta.dirname, '../..');

function tutor(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin/tutor.mjs'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tutor workspace delete', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.cleanup();
  });

  it("deletes one workspace's installation, schedules and quiz history, and nothing of another's", async () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const store = SqliteStore.open(tmp.dir);
    const base = { platform: 'slack' as const, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: 1000, updatedBy: 'U1', updatedAt: 1 };
    await store.putInstallation({ platform: 'slack', workspaceId: 'T1', enterpriseInstall: false, data: '{}', installedAt: 1 });
    await store.putSchedule({ ...base, channelId: 'C1', workspaceId: 'T1' });
    await store.putSchedule({ ...base, channelId: 'C2', workspaceId: 'T2' });
    const post = (await store.claimPost(postClaim()))!;
    await store.recordAnswer({ postId: post.id, userId: 'U1', choice: 0, correct: true, answeredAt: 1100 });
    store.close();

    const r = tutor(['workspace', 'delete', 'T1'], tmp.dir);
    expect(r.err).toBe('');
    expect(r.out).toBe('Deleted workspace T1: 1 installation(s), 1 schedule(s), 1 post(s), 1 answer(s), 0 upload(s).\n');
    expect(r.code).toBe(0);
    expect(tutor(['workspace', 'delete', 'T1'], tmp.dir).out).toBe('Nothing stored for workspace T1.\n');

    const after = SqliteStore.open(tmp.dir);
    expect(await after.getSchedule({ platform: 'slack', channelId: 'C2' })).toMatchObject({ workspaceId: 'T2' });
    expect(await after.getPost(post.id)).toBeUndefined();
    after.close();
  });

  it('names a bad argument and a missing database', () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const bad = tutor(['workspace', 'delete', 'T1;DROP'], tmp.dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not a workspace id/);
    expect(tutor(['workspace', 'delete', 'T1', '--platform', 'Not A Name'], tmp.dir).err).toMatch(/--platform must be a platform name/);
    const none = tutor(['workspace', 'delete', 'T1'], tmp.dir);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/tutor\.db: no such file/);
  });
});
