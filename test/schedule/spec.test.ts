import { describe, expect, it } from 'vitest';
import { nextRuns, parseScheduleCommand, parseScheduleSpec, ScheduleSpecError } from '../../src/schedule/spec.ts';
import { checkZone } from '../../src/schedule/zone.ts';

const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString());

describe('schedule specs', () => {
  it('reads weekdays, daily and cron forms with a zone', () => {
    expect(parseScheduleSpec('weekdays 09:00 Europe/Berlin')).toEqual({ label: 'weekdays 09:00', cron: '0 9 * * 1-5', zone: 'Europe/Berlin', zoneGiven: true });
    expect(parseScheduleSpec('daily 8:30 America/New_York')).toMatchObject({ label: 'daily 08:30', cron: '30 8 * * *', zone: 'America/New_York' });
    expect(parseScheduleSpec('cron "0 9 * * 1-5" Europe/Berlin')).toMatchObject({ label: 'cron 0 9 * * 1-5', cron: '0 9 * * 1-5', zone: 'Europe/Berlin' });
    expect(parseScheduleSpec('0 9 * * 1-5 Europe/Berlin')).toMatchObject({ cron: '0 9 * * 1-5', zone: 'Europe/Berlin' });
    expect(parseScheduleSpec('cron 0 9 * * MON-FRI Asia/Tokyo')).toMatchObject({ cron: '0 9 * * MON-FRI', zone: 'Asia/Tokyo' });
    // Slack turns straight quotes into curly ones.
    expect(parseScheduleSpec('cron “0 9 * * 1-5” Europe/Berlin')).toMatchObject({ cron: '0 9 * * 1-5' });
  });

  it('uses the default zone (or UTC) when the text names none, and fixes the case of a zone', () => {
    expect(parseScheduleSpec('daily 09:00')).toMatchObject({ zone: 'UTC', zoneGiven: false });
    expect(parseScheduleSpec('daily 09:00', 'Europe/Paris')).toMatchObject({ zone: 'Europe/Paris', zoneGiven: false });
    expect(parseScheduleSpec('daily 09:00 europe/berlin').zone).toBe('Europe/Berlin');
  });

  it('reads show, off and an optional "set" word', () => {
    expect(parseScheduleCommand('')).toEqual({ type: 'show' });
    expect(parseScheduleCommand(' show ')).toEqual({ type: 'show' });
    expect(parseScheduleCommand('OFF')).toEqual({ type: 'off' });
    expect(parseScheduleCommand('set weekdays 09:00 Europe/Berlin')).toMatchObject({ type: 'set', spec: { cron: '0 9 * * 1-5' } });
  });

  it.each([
    ['weekdays 25:00 Europe/Berlin', 'is not a time'],
    ['daily 9 Europe/Berlin', 'is not a time'],
    ['daily 09:00 Mars/Olympus', 'Unknown time zone "Mars/Olympus"'],
    ['daily 09:00 Berlin', 'Did you mean Europe/Berlin?'],
    ['daily 09:00 +01:00', 'is an offset, not a time zone'],
    ['every tuesday at nine', 'needs exactly 5 fields'],
    ['0 9 * *', 'needs exactly 5 fields'],
    ['cron "0 9 * * 1-5 *" UTC', 'needs exactly 5 fields'],
    ['cron "61 9 * * *" UTC', 'not a valid cron expression'],
    ['cron "0 9 31 2 *" UTC', 'never runs'],
    ['cron "*/5 * * * *" UTC', 'more than once an hour'],
  ])('rejects %j with a clear message and an example', (text, message) => {
    let err: unknown;
    try {
      parseScheduleSpec(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScheduleSpecError);
    expect((err as Error).message).toContain(message);
    expect((err as Error).message).toContain('Examples: weekdays 09:00 Europe/Berlin');
  });

  it('explains that cron takes 5 fields when given 6 (with seconds), quoted or not', () => {
    const message = (text: string) => {
      try {
        parseScheduleSpec(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ScheduleSpecError);
        return (e as Error).message;
      }
      throw new Error(`accepted ${text}`);
    };
    for (const text of ['cron "0 30 9 * * 1-5"', 'cron 0 30 9 * * 1-5', '0 30 9 * * MON-FRI']) {
      const m = message(text);
      expect(m).not.toContain('time zone');
      expect(m).toContain('has 6 fields. A cron expression needs exactly 5 fields (minute hour day-of-month month day-of-week), with no seconds field.');
      expect(m).toContain('Examples: weekdays 09:00 Europe/Berlin, daily 08:30 America/New_York or cron "0 9 * * 1-5" Europe/Berlin.');
    }
    expect(message('cron "0 30 9 * * 1-5"')).toContain('Leave out the seconds: cron "30 9 * * 1-5".');
    expect(message('cron 0 30 9 * * 1-5 Europe/Berlin')).toContain('Leave out the seconds: cron "30 9 * * 1-5" Europe/Berlin.');
    expect(message('cron "*/10 30 9 * * 1-5" UTC')).not.toContain('Leave out');
    // A last word that is not a cron field is still read as the zone, and a bad one is named.
    expect(message('0 9 * * 1-5 Mars/Olympus')).toContain('Unknown time zone "Mars/Olympus"');
  });

  it('validates zones with the runtime tz database', () => {
    expect(checkZone('Europe/Berlin')).toEqual({ ok: true, zone: 'Europe/Berlin' });
    expect(checkZone('UTC')).toEqual({ ok: true, zone: 'UTC' });
    expect(checkZone('US/Eastern')).toEqual({ ok: true, zone: 'US/Eastern' });
    expect(checkZone('')).toMatchObject({ ok: false });
    expect(checkZone('Nowhere/Special')).toMatchObject({ ok: false });
  });

  it('lists weekday runs in the zone, skipping weekends', () => {
    const spec = parseScheduleSpec('weekdays 09:00 Europe/Berlin');
    // Friday 2027-01-01 is a holiday to nobody's cron: Fri, then Mon, Tue.
    expect(iso(nextRuns(spec, Date.parse('2027-01-01T00:00:00Z'), 3))).toEqual(['2027-01-01T08:00:00.000Z', '2027-01-04T08:00:00.000Z', '2027-01-05T08:00:00.000Z']);
  });
});
