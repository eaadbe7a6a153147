import type { Requester } from '../adapter-api/request.ts';
import { noticeReply } from '../reply/build.ts';
import { wordingFor } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import { nextRunAfter, parseScheduleCommand, ScheduleSpecError, SPEC_EXAMPLE, type SpecCommand } from '../schedule/spec.ts';
import type { ScheduleStore } from '../store/types.ts';
import { scheduleDescription } from './replies.ts';

export interface ScheduleCommandDeps {
  store: ScheduleStore;
  now: number;
  closeHours: number;
  /** People allowed to manage schedules whatever the adapter says (embedders and tests). */
  managers: readonly ScheduleManager[];
}

/** A person by platform and user id (ids are only unique within a platform). */
export type ScheduleManager = Pick<Requester, 'platform' | 'userId'>;

/** Who may change a channel's schedule. The adapters decide from platform permissions and their own allow-lists. */
export function canManage(who: Requester, managers: readonly ScheduleManager[]): boolean {
  return who.canManageChannel === true || managers.some((m) => m.platform === who.platform && m.userId === who.userId);
}

/** `schedule show | off | <spec>` for the requester's channel. */
export async function scheduleCommand(args: string, who: Requester, deps: ScheduleCommandDeps): Promise<Reply> {
  const ch = { platform: who.platform, channelId: who.channelId };
  const current = await deps.store.getSchedule(ch);
  let cmd: SpecCommand;
  try {
    cmd = parseScheduleCommand(args, current?.zone);
  } catch (err) {
    if (!(err instanceof ScheduleSpecError)) throw err;
    // Refuse before explaining syntax to someone who may not change it anyway.
    if (!canManage(who, deps.managers)) return refusal(who);
    return noticeReply("I can't use that schedule", err.message, 'error');
  }
  if (cmd.type === 'show') {
    if (!current) return noticeReply('No quiz scheduled', `No daily quiz is scheduled in this channel. A channel manager can start one, for example: \`schedule weekdays 09:00 Europe/Berlin\`.`);
    const r = noticeReply('Quiz schedule', scheduleDescription(current).join('\n\n'));
    return r;
  }
  if (!canManage(who, deps.managers)) return refusal(who);
  if (cmd.type === 'off') {
    const removed = await deps.store.deleteSchedule(ch);
    return noticeReply(
      removed ? 'Quiz schedule removed' : 'No quiz scheduled',
      removed ? 'No more quizzes will be posted in this channel. Scores and streaks are kept.' : 'There was no schedule in this channel.',
    );
  }
  const next = nextRunAfter(cmd.spec, deps.now);
  if (next === undefined) return noticeReply("I can't use that schedule", `That schedule never runs again. Examples: ${SPEC_EXAMPLE}.`, 'error');
  const record = {
    ...ch,
    ...(who.workspaceId ? { workspaceId: who.workspaceId } : {}),
    label: cmd.spec.label,
    cron: cmd.spec.cron,
    zone: cmd.spec.zone,
    nextRunAt: next,
    updatedBy: who.userId,
    updatedAt: deps.now,
  };
  await deps.store.putSchedule(record);
  const zoneNote = cmd.spec.zoneGiven ? '' : ` No zone given, so times are in ${cmd.spec.zone}: add one such as Europe/Berlin to change that.`;
  return noticeReply(
    current ? 'Quiz schedule changed' : 'Quiz scheduled',
    `${scheduleDescription(record).join('\n\n')}\n\nEach quiz closes at the next one or after ${deps.closeHours} hours, with a summary. Stop with \`schedule off\`.${zoneNote}`,
  );
}

export function refusal(who: Requester, what = 'change its quiz schedule'): Reply {
  const managers = wordingFor(who.platform).managers;
  return noticeReply('Not allowed', `Only people who can manage this channel can ${what}${managers ? ` (here: ${managers})` : ''}. Anyone can see the schedule with \`schedule show\`.`, 'error');
}
