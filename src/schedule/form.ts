import { checkZone } from './zone.ts';

/**
 * A schedule chosen in a form (days, a time, a zone) instead of typed: checked field by field, so
 * a platform with forms can show each error next to its field, then turned into the same one-line
 * spec the `schedule` command reads, so a form and typed text save exactly the same schedule.
 */
type DaysChoice = 'weekdays' | 'daily' | 'custom';

/** Days of the week as the form offers them, with their cron numbers. */
export const WEEK_DAYS = [
  { value: 'mon', label: 'Monday', cron: 1 },
  { value: 'tue', label: 'Tuesday', cron: 2 },
  { value: 'wed', label: 'Wednesday', cron: 3 },
  { value: 'thu', label: 'Thursday', cron: 4 },
  { value: 'fri', label: 'Friday', cron: 5 },
  { value: 'sat', label: 'Saturday', cron: 6 },
  { value: 'sun', label: 'Sunday', cron: 0 },
] as const;

export interface ScheduleFormValues {
  days?: string | undefined;
  /** Day values (`mon` … `sun`) when days is `custom`. */
  customDays?: readonly string[] | undefined;
  /** 24-hour HH:MM. */
  time?: string | undefined;
  zone?: string | undefined;
}

export type ScheduleFormField = 'days' | 'customDays' | 'time' | 'zone';
export type ScheduleFormResult = { ok: true; text: string } | { ok: false; errors: Partial<Record<ScheduleFormField, string>> };

export function scheduleFormText(v: ScheduleFormValues): ScheduleFormResult {
  const errors: Partial<Record<ScheduleFormField, string>> = {};
  const days = v.days as DaysChoice | undefined;
  if (days !== 'weekdays' && days !== 'daily' && days !== 'custom') errors.days = 'Choose which days the quiz is posted.';
  const picked = WEEK_DAYS.filter((d) => v.customDays?.includes(d.value));
  if (days === 'custom' && picked.length === 0) errors.customDays = 'Pick at least one day.';
  const hm = /^(\d{1,2}):(\d{2})$/.exec(String(v.time ?? '').trim());
  if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) errors.time = v.time ? `"${String(v.time).slice(0, 20)}" is not a time of day. Use 24-hour HH:MM, like 09:00.` : 'Choose a time.';
  const zone = checkZone(String(v.zone ?? ''));
  if (!zone.ok) errors.zone = zone.message;
  if (Object.keys(errors).length > 0 || !hm || !zone.ok) return { ok: false, errors };
  const h = Number(hm[1]);
  const m = Number(hm[2]);
  const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if (days === 'custom') return { ok: true, text: `cron "${m} ${h} * * ${picked.map((d) => d.cron).join(',')}" ${zone.zone}` };
  return { ok: true, text: `${days} ${hhmm} ${zone.zone}` };
}

/** What a form starts with: the current schedule when it is one the form can show, else weekdays 09:00 in `zone`. */
export function scheduleFormDefaults(current: { cron: string; zone: string } | undefined, zone: string | undefined): Required<ScheduleFormValues> {
  const fallback = { days: 'weekdays', customDays: [], time: '09:00', zone: zone && checkZone(zone).ok ? zone : 'UTC' };
  const m = current && /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5|[0-6](?:,[0-6])*)$/.exec(current.cron);
  if (!current || !m) return current ? { ...fallback, zone: current.zone } : fallback;
  const time = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  if (m[3] === '*') return { days: 'daily', customDays: [], time, zone: current.zone };
  if (m[3] === '1-5') return { days: 'weekdays', customDays: [], time, zone: current.zone };
  const nums = m[3]!.split(',').map(Number);
  return { days: 'custom', customDays: WEEK_DAYS.filter((d) => nums.includes(d.cron)).map((d) => d.value), time, zone: current.zone };
}
