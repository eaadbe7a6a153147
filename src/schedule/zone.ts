import { newCron } from './cron.ts';

/** A zone name people can read back; returned by {@link checkZone}. */
export type ZoneCheck = { ok: true; zone: string } | { ok: false; message: string };

const EXAMPLE_ZONES = 'Europe/Berlin, America/New_York or UTC';

/**
 * Validate an IANA time zone with the runtime's own tz database (Intl). Case is fixed up
 * ("europe/berlin" -> "Europe/Berlin"); a legacy alias such as "US/Eastern" is kept as typed.
 */
export function checkZone(input: string): ZoneCheck {
  const raw = String(input ?? '').trim();
  if (!raw) return { ok: false, message: `A time zone is missing. Use an IANA name such as ${EXAMPLE_ZONES}.` };
  // Intl also accepts offsets like "+01:00" in some runtimes; a schedule needs a named zone for DST.
  if (/^[+-]\d/.test(raw)) return { ok: false, message: `"${raw.slice(0, 40)}" is an offset, not a time zone. Use an IANA name such as ${EXAMPLE_ZONES}, so that daylight saving time is handled.` };
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    const hint = suggestZone(raw);
    return { ok: false, message: `Unknown time zone "${raw.slice(0, 40)}".${hint ? ` Did you mean ${hint}?` : ''} Use an IANA name such as ${EXAMPLE_ZONES}.` };
  }
  return { ok: true, zone: resolved.toLowerCase() === raw.toLowerCase() ? resolved : raw };
}

/** The requester's own zone when the platform gave a valid one, else UTC (a bad platform value is not an error to show). */
export function personZone(who: { zone?: string | undefined }): string {
  const z = who.zone ? checkZone(who.zone) : undefined;
  return z?.ok ? z.zone : 'UTC';
}

function suggestZone(raw: string): string | undefined {
  const city = raw.toLowerCase().replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.find((z) => z.toLowerCase().endsWith(`/${city}`));
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD (formatting only, no arithmetic). */
export function localDate(at: number | Date, zone: string): string {
  return dateFormatter(zone).format(at);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** "Mon 29 Mar 2027, 09:00" in the zone, for confirmations. Built from parts so ICU versions agree. */
export function localDateTime(at: number | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

/**
 * The most recent local midnight starting a week (Monday) or a month, as an instant. croner does
 * the zone work, so DST and midnight gaps behave like every other schedule.
 */
export function periodStart(period: 'week' | 'month', now: Date, zone: string): number {
  const pattern = period === 'week' ? '0 0 * * 1' : '0 0 1 * *';
  const [last] = newCron(pattern, { timezone: zone, mode: '5-part', fixedTimeRule: 'no-wildcard' }).previousRuns(1, new Date(now.getTime() + 1));
  return last ? last.getTime() : 0;
}

/** Up to `limit` IANA zones for what was typed so far: prefix matches first, then the rest containing it. */
export function completeZone(partial: string, limit: number): string[] {
  const q = String(partial ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone')];
  const starts = zones.filter((z) => z.toLowerCase().startsWith(q));
  const contains = zones.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}
