import type { Requester } from '../adapter-api/request.ts';
import { emptyReply } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import type { Reply } from '../reply/types.ts';
import { newCron } from '../schedule/cron.ts';
import { checkZone, personZone } from '../schedule/zone.ts';
import type { ReminderRecord, ReminderStore } from '../store/reminder-types.ts';
import type { Clock } from '../time/clock.ts';
import type { ReminderFeatures } from './features.ts';

/** When someone turns reminders on without choosing a time. */
const DEFAULT_TIME = '09:00';
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The next instant after `now` at local `time` ("HH:MM") in `zone` (croner handles DST). */
export function nextReminderAt(now: number, time: string, zone: string): number {
  const [h, m] = time.split(':').map(Number);
  const next = newCron(`${m} ${h} * * *`, { timezone: zone, mode: '5-part' }).nextRun(new Date(now));
  return next ? next.getTime() : now + 86_400_000;
}

/** Opt-in daily reminders: the person's own setting, kept in the store. */
export class ReminderSettings implements ReminderFeatures {
  constructor(
    private readonly store: ReminderStore,
    private readonly clock: Clock,
  ) {}

  async remind(args: string, who: Requester): Promise<Reply> {
    const [word = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const current = await this.store.getReminder(who);
    switch (word.toLowerCase()) {
      case '':
      case 'show':
        return this.show(current, who);
      case 'on':
        return this.save(who, current?.time ?? DEFAULT_TIME, current?.zone ?? personZone(who), 'on');
      case 'off':
        return this.stop(who);
      case 'time': {
        const [time = '', zoneText] = rest;
        if (!TIME.test(time)) return notice('Reminder time', `"${time.slice(0, 20)}" is not a time. Use 24-hour HH:MM, e.g. \`${commandText(who.platform, 'remind', 'time 08:30 Europe/Berlin')}\`.`);
        let zone = zoneText ? undefined : (current?.zone ?? personZone(who));
        if (zoneText) {
          const z = checkZone(zoneText);
          if (!z.ok) return notice('Reminder time', z.message);
          zone = z.zone;
        }
        const [h, m] = time.split(':');
        return this.save(who, `${h!.padStart(2, '0')}:${m}`, zone!, 'time');
      }
      default:
        return notice('Reminders', `Unknown choice "${word.slice(0, 20)}". ${usage(who)}`);
    }
  }

  async stop(who: Requester): Promise<Reply> {
    const current = await this.store.getReminder(who);
    if (current?.enabled) await this.store.stopReminder(who, undefined, this.clock.now().getTime());
    return notice('Reminders off', `Reminders are off. Turn them on again with \`${commandText(who.platform, 'remind', 'on')}\`.`);
  }

  private async save(who: Requester, time: string, zone: string, why: 'on' | 'time'): Promise<Reply> {
    const now = this.clock.now().getTime();
    const rec: ReminderRecord = {
      platform: who.platform,
      userId: who.userId,
      ...(who.workspaceId ? { workspaceId: who.workspaceId } : {}),
      enabled: true,
      time,
      zone,
      nextAt: nextReminderAt(now, time, zone),
      updatedAt: now,
    };
    await this.store.putReminder(rec);
    const lead = why === 'on' ? 'Reminders are on.' : 'Reminder time saved; reminders are on.';
    return notice(
      'Reminders on',
      `${lead} I will send you one direct message a day at **${time}** (${zone}), only when reviews are due or a quiz streak is about to break. Change the time with \`${commandText(who.platform, 'remind', 'time HH:MM Zone')}\`; stop with \`${commandText(who.platform, 'remind', 'off')}\` or the **Stop reminders** button.`,
    );
  }

  private show(r: ReminderRecord | undefined, who: Requester): Reply {
    if (!r?.enabled) {
      const why = r?.stoppedReason ? ` They were turned off because ${r.stoppedReason}.` : '';
      return notice('Reminders off', `Reminders are off.${why} ${usage(who)}`);
    }
    return notice('Reminders on', `Reminders are on: one direct message a day at **${r.time}** (${r.zone}) when reviews are due or a streak is about to break. ${usage(who)}`);
  }
}

function usage(who: Requester): string {
  return `Use \`${commandText(who.platform, 'remind', 'on')}\`, \`${commandText(who.platform, 'remind', 'off')}\` or \`${commandText(who.platform, 'remind', 'time HH:MM Zone')}\` (24-hour time, IANA zone such as Europe/Berlin).`;
}

function notice(title: string, text: string): Reply {
  const r = emptyReply('notice', text.replace(/\*\*|`/g, ''));
  r.title = title;
  r.paragraphs = [text];
  return r;
}
