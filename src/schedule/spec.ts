import type { Cron } from 'croner';
import { newCron } from './cron.ts';
import { checkZone } from './zone.ts';

/** A parsed schedule: what people typed (normalised), the 5-field cron it means, and its zone. */
export interface ScheduleSpec {
  /** Shown back to people, e.g. "weekdays 09:00" or "cron 0 9 * * 1-5". */
  label: string;
  cron: string;
  zone: string;
  /** False when the text named no zone and the default (or UTC) was used. */
  zoneGiven: boolean;
}

export type SpecCommand = { type: 'show' } | { type: 'off' } | { type: 'set'; spec: ScheduleSpec };

export const SPEC_EXAMPLE = 'weekdays 09:00 Europe/Berlin, daily 08:30 America/New_York or cron "0 9 * * 1-5" Europe/Berlin';

export class ScheduleSpecError extends Error {}

/** One cron field: numbers, * ? , / - L W #, or names such as MON-FRI or JAN,FEB. */
const CRON_FIELD = /^(?:[\d*?,/#LW-]+|[a-z]{3}(?:[-,][a-z]{3})*)$/i;

/** At most one quiz an hour: a quiz needs time to be answered, and a typo must not spam a channel. */
const MIN_GAP_MS = 60 * 60 * 1000;

const fail = (message: string): never => {
  throw new ScheduleSpecError(`${message}\nExamples: ${SPEC_EXAMPLE}.`);
};

/**
 * Read the text after `schedule`: show | off | [set] weekdays|daily HH:MM [Zone] | [set] [cron] "m h dom mon dow" [Zone].
 * `defaultZone` is used when the text names none (the channel's current zone, or --tz in the CLI).
 * Throws ScheduleSpecError with an example on anything it cannot read.
 */
export function parseScheduleCommand(text: string, defaultZone?: string): SpecCommand {
  // Chat clients like to turn quotes into curly ones.
  const t = String(text ?? '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .trim()
    .replace(/^set\s+/i, '');
  const word = t.toLowerCase();
  if (word === '' || word === 'show' || word === 'status') return { type: 'show' };
  if (word === 'off' || word === 'stop' || word === 'disable' || word === 'none') return { type: 'off' };
  return { type: 'set', spec: parseScheduleSpec(t, defaultZone) };
}

export function parseScheduleSpec(text: string, defaultZone?: string): ScheduleSpec {
  const t = String(text ?? '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .trim();
  if (t.length > 200) fail('That schedule is too long.');
  const simple = /^(weekdays?|daily|every\s*day)\s+(\S+)(?:\s+(\S+))?$/i.exec(t);
  if (simple) {
    const [, kind, time, zone] = simple;
    const hm = /^(\d{1,2})[:.h](\d{2})$/.exec(time!);
    if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) fail(`"${time!.slice(0, 20)}" is not a time. Use 24-hour HH:MM, like 09:00 or 17:30.`);
    const h = Number(hm![1]);
    const m = Number(hm![2]);
    const weekdays = kind!.toLowerCase().startsWith('weekday');
    const label = `${weekdays ? 'weekdays' : 'daily'} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    return finish(label, `${m} ${h} * * ${weekdays ? '1-5' : '*'}`, zone, defaultZone);
  }
  const quoted = /^(?:cron\s+)?(["'])(.+?)\1(?:\s+(\S+))?$/i.exec(t);
  let fields: string[];
  let zone: string | undefined;
  if (quoted) {
    fields = quoted[2]!.trim().split(/\s+/);
    zone = quoted[3];
  } else {
    const parts = t.replace(/^cron\s+/i, '').split(/\s+/);
    // The last word is the zone unless it reads as a cron field: "0 30 9 * * 1-5" is six fields
    // (seconds first, as some cron dialects allow), not five fields and a zone called "1-5".
    const last = parts.at(-1)!;
    if (parts.length > 5 && (checkZone(last).ok || !CRON_FIELD.test(last))) zone = parts.pop();
    fields = parts;
  }
  if (fields.length === 6 && fields.every((f) => CRON_FIELD.test(f))) {
    // Dropping a fixed seconds value keeps the meaning; a seconds pattern (*/10) has no 5-field twin.
    const hint = /^\d+$/.test(fields[0]!) ? ` Leave out the seconds: cron "${fields.slice(1).join(' ')}"${zone ? ` ${zone}` : ''}.` : '';
    fail(`"${fields.join(' ').slice(0, 60)}" has 6 fields. A cron expression needs exactly 5 fields (minute hour day-of-month month day-of-week), with no seconds field.${hint}`);
  }
  if (fields.length !== 5) fail(`I can't read "${t.slice(0, 60)}" as a schedule. A cron expression needs exactly 5 fields (minute hour day-of-month month day-of-week).`);
  const cron = fields.join(' ');
  return finish(`cron ${cron}`, cron, zone, defaultZone);
}

function finish(label: string, cron: string, zoneText: string | undefined, defaultZone: string | undefined): ScheduleSpec {
  const z = checkZone(zoneText ?? defaultZone ?? 'UTC');
  if (!z.ok) return fail(z.message);
  const spec = { label, cron, zone: z.zone, zoneGiven: zoneText !== undefined };
  let runs: Date[];
  try {
    runs = cronFor(spec).nextRuns(50, new Date(Date.UTC(2027, 0, 1)));
  } catch (err) {
    return fail(`"${cron}" is not a valid cron expression (${(err as Error).message.replace(/^CronPattern: /, '')}).`);
  }
  if (runs.length === 0) fail(`"${cron}" never runs.`);
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_GAP_MS) fail(`"${cron}" runs more than once an hour; a channel quiz can run at most hourly.`);
  }
  return spec;
}

/**
 * The croner job for a spec. "no-wildcard" makes every time without * or a step (09:00, or 9,17)
 * a fixed-time job: inside a spring-forward gap it runs once at the first valid time after the
 * gap, and in a repeated autumn hour it runs once (the first occurrence).
 */
function cronFor(spec: Pick<ScheduleSpec, 'cron' | 'zone'>): Cron {
  const key = `${spec.zone} ${spec.cron}`;
  let job = jobs.get(key);
  if (!job) {
    job = newCron(spec.cron, { timezone: spec.zone, mode: '5-part', fixedTimeRule: 'no-wildcard' });
    // Most channels share a handful of schedules; parsing each one per tick is most of a tick's cost.
    if (jobs.size >= 1000) jobs.clear();
    jobs.set(key, job);
  }
  return job;
}

const jobs = new Map<string, Cron>();

/** The first run strictly after `after`, or undefined when the expression never runs again. */
export function nextRunAfter(spec: Pick<ScheduleSpec, 'cron' | 'zone'>, after: number): number | undefined {
  return cronFor(spec).nextRun(new Date(after))?.getTime();
}

/** The next `n` runs strictly after `after` (what `tutor schedule preview` prints). */
export function nextRuns(spec: Pick<ScheduleSpec, 'cron' | 'zone'>, after: number, n: number): number[] {
  return cronFor(spec)
    .nextRuns(n, new Date(after))
    .map((d) => d.getTime());
}
