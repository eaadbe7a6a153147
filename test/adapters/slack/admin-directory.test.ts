import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { AdminDirectory } from '../../../adapters/slack/requester.ts';
import { silentLogger } from '../../../src/index.ts';

/** Slack's users.info as one workspace's token sees it: the same user id, admin in one workspace only. */
const clientOf = (admin: boolean, calls: string[]) =>
  ({
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        return { ok: true, user: { id: user, is_admin: admin } };
      },
    },
  }) as unknown as webApi.WebClient;

describe('Slack admin directory', () => {
  it('caches who may manage per workspace and user, so an admin of one workspace is not one of another', async () => {
    const calls: string[] = [];
    const admins = new AdminDirectory([], silentLogger);
    expect(await admins.canManage(clientOf(true, calls), 'T0ONE', 'U0GRID')).toBe(true);
    expect(await admins.canManage(clientOf(false, calls), 'T0TWO', 'U0GRID')).toBe(false);
    // Cached: asked again in either workspace, Slack is not called again.
    expect(await admins.canManage(clientOf(false, calls), 'T0ONE', 'U0GRID')).toBe(true);
    expect(await admins.canManage(clientOf(true, calls), 'T0TWO', 'U0GRID')).toBe(false);
    expect(calls).toEqual(['U0GRID', 'U0GRID']);
  });

  it('lets the allow-list manage anywhere, asks again after the cache time, and says no when the lookup fails', async () => {
    let now = 0;
    const calls: string[] = [];
    const admins = new AdminDirectory(['U0LISTED'], silentLogger, 1000, () => now);
    expect(await admins.canManage(clientOf(false, calls), 'T0ONE', 'U0LISTED')).toBe(true);
    expect(calls).toEqual([]);
    expect(await admins.canManage(clientOf(true, calls), 'T0ONE', 'U0BOSS')).toBe(true);
    now = 1001;
    expect(await admins.canManage(clientOf(false, calls), 'T0ONE', 'U0BOSS')).toBe(false);
    const failing = { users: { info: async () => Promise.reject(new Error('ratelimited')) } } as unknown as webApi.WebClient;
    expect(await admins.canManage(failing, 'T0ONE', 'U0OTHER')).toBe(false);
  });
});
