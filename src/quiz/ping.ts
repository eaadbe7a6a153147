import type { Requester } from '../adapter-api/request.ts';
import { noticeReply } from '../reply/build.ts';
import { pingMention } from '../reply/mention.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply, ReplyPing } from '../reply/types.ts';
import type { ScheduleStore } from '../store/types.ts';
import { canManage, refusal, type ScheduleManager } from './schedule-settings.ts';

/** The stored form of a ping (ScheduleRecord.ping): 'here' or 'role:<id>'. Anything else pings nobody. */
export function parsePing(stored: string | undefined): ReplyPing | undefined {
  if (stored === 'here') return { kind: 'here' };
  const m = /^role:([A-Za-z0-9_-]{1,64})$/.exec(stored ?? '');
  return m ? { kind: 'role', id: m[1]! } : undefined;
}

const describePing = (p: ReplyPing) => (p.kind === 'here' ? pingMention(p) : `the group ${pingMention(p)}`);

/**
 * The text after `ping`: `here` (or the neutral `<here>` token an adapter makes of a typed @here),
 * `off`, `role <id or the neutral <group:id> token>`, or nothing (show).
 */
export function pingArgs(text: string): { sub: string; role?: string } {
  const [sub = 'show', arg = ''] = text.trim().split(/\s+/);
  const role = /^<group:([A-Za-z0-9_-]{1,64})>$/.exec(arg)?.[1] ?? (/^[A-Za-z0-9_-]{1,64}$/.test(arg) ? arg : undefined);
  return { sub: sub === '<here>' ? 'here' : sub.toLowerCase(), ...(role ? { role } : {}) };
}

/** `ping role|here|off|show` for the requester's channel: who each scheduled (and post-now) question mentions. */
export async function pingCommand(sub: string, role: string | undefined, who: Requester, deps: { store: ScheduleStore; managers: readonly ScheduleManager[] }): Promise<Reply> {
  const ch = { platform: who.platform, channelId: who.channelId };
  const current = await deps.store.getSchedule(ch);
  const now = parsePing(current?.ping);
  if (sub === 'show' || sub === '') {
    return noticeReply(
      'Ping on post',
      now ? `Each quiz question here mentions ${describePing(now)}.` : 'Quiz questions here mention nobody. A channel manager can turn on a ping for a role or @here.',
    );
  }
  if (!canManage(who, deps.managers)) return refusal(who, 'change who its quiz posts ping');
  if (!current)
    return noticeReply(
      'No quiz schedule here',
      `A ping goes with the channel's quiz schedule; set one first, for example \`${commandText(who.platform, 'schedule', 'weekdays 09:00 Europe/Berlin')}\`.`,
      'error',
    );
  if (sub === 'off') {
    await deps.store.setSchedulePing(ch, undefined);
    return noticeReply('Ping off', 'Quiz questions here will mention nobody.');
  }
  const next: ReplyPing | undefined = sub === 'here' ? { kind: 'here' } : sub === 'role' && role ? { kind: 'role', id: role } : undefined;
  if (!next) return noticeReply("I can't use that ping", 'Choose `here`, `role` with the role to mention, or `off`.', 'error');
  await deps.store.setSchedulePing(ch, next.kind === 'here' ? 'here' : `role:${next.id}`);
  return noticeReply('Ping on post', `Each quiz question here will mention ${describePing(next)}, and nobody else. Stop with \`${commandText(who.platform, 'ping', 'off')}\`.`);
}
