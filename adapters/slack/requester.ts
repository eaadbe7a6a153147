import type { webApi } from '@slack/bolt';
import type { Logger, Requester } from '../../src/index.ts';

export interface RequesterInput {
  userId: string;
  channelId: string;
  teamId?: string | undefined;
  direct: boolean;
  canManageChannel?: boolean;
  /** The thread the message is in (or starts), for conversation memory. Default: the channel. */
  threadTs?: string | undefined;
  /** The person's IANA zone, when it was looked up (users.info tz). */
  zone?: string | undefined;
}

export function slackRequester(p: RequesterInput): Requester {
  return {
    platform: 'slack',
    userId: p.userId,
    channelId: p.channelId,
    ...(p.teamId ? { workspaceId: p.teamId } : {}),
    direct: p.direct,
    ...(p.zone ? { zone: p.zone } : {}),
    canManageChannel: p.canManageChannel ?? false,
    conversationId: p.threadTs ? `${p.channelId}/${p.threadTs}` : p.channelId,
  };
}

/**
 * Who may manage quiz schedules: workspace admins and owners (users.info), or anyone on the
 * configured allow-list. Answers are cached for a few minutes per workspace and user; a failed
 * lookup means "no".
 */
export class AdminDirectory {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly allowList: readonly string[],
    private readonly log: Logger,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async canManage(client: webApi.WebClient, teamId: string | undefined, userId: string): Promise<boolean> {
    if (this.allowList.includes(userId)) return true;
    // Per workspace: in an Enterprise Grid org one user id is an admin of some workspaces only.
    const key = `${teamId ?? ''}/${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.admin;
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      const admin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
      this.cache.set(key, { admin, until: this.now() + this.ttlMs });
      return admin;
    } catch (err) {
      this.log.warn({ err: summarize(err), userId }, 'users.info failed; treating the user as not an admin');
      return false;
    }
  }
}

/** A short, log-friendly form of a Slack client error (the full object holds the request). */
export function summarize(err: unknown): { code?: string; error?: string; message: string } {
  const e = err as { code?: string; data?: { error?: string }; message?: string };
  return { ...(e?.code ? { code: e.code } : {}), ...(e?.data?.error ? { error: e.data.error } : {}), message: String(e?.message ?? err) };
}
