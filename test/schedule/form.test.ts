import { describe, expect, it } from 'vitest';
import { scheduleFormDefaults, scheduleFormText } from '../../src/schedule/form.ts';
import { parseScheduleSpec } from '../../src/schedule/spec.ts';

describe('scheduleFormText', () => {
  it('turns each days choice into the spec the schedule command reads', () => {
    expect(scheduleFormText({ days: 'weekdays', time: '9:05', zone: 'europe/berlin' })).toEqual({ ok: true, text: 'weekdays 09:05 Europe/Berlin' });
    expect(scheduleFormText({ days: 'daily', time: '23:59', zone: 'UTC' })).toEqual({ ok: true, text: 'daily 23:59 UTC' });
    const custom = scheduleFormText({ days: 'custom', customDays: ['sun', 'wed', 'mon'], time: '07:30', zone: 'Asia/Tokyo' });
    expect(custom).toEqual({ ok: true, text: 'cron "30 7 * * 1,3,0" Asia/Tokyo' });
    // The spec parser accepts what the form makes.
    expect(parseScheduleSpec((custom as { text: string }).text)).toMatchObject({ cron: '30 7 * * 1,3,0', zone: 'Asia/Tokyo' });
  });

  it('names every bad field at once', () => {
    expect(scheduleFormText({ days: 'custom', customDays: [], time: '24:00', zone: 'Nowhere/Land' })).toEqual({
      ok: false,
      errors: { customDays: 'Pick at least one day.', time: '"24:00" is not a time of day. Use 24-hour HH:MM, like 09:00.', zone: expect.stringMatching(/Unknown time zone "Nowhere\/Land"/) },
    });
    expect(scheduleFormText({})).toMatchObject({ ok: false, errors: { days: expect.any(String), time: 'Choose a time.', zone: expect.stringMatching(/missing/) } });
    expect(scheduleFormText({ days: 'daily', time: '09:60', zone: '+01:00' })).toMatchObject({ ok: false, errors: { time: expect.any(String), zone: expect.stringMatching(/offset/) } });
  });
});

describe('scheduleFormDefaults', () => {
  it('starts from the current schedule when the form can show it', () => {
    expect(scheduleFormDefaults({ cron: '15 8 * * 1-5', zone: 'Europe/Berlin' }, 'Asia/Tokyo')).toEqual({ days: 'weekdays', customDays: [], time: '08:15', zone: 'Europe/Berlin' });
    expect(scheduleFormDefaults({ cron: '0 18 * * *', zone: 'UTC' }, undefined)).toMatchObject({ days: 'daily', time: '18:00' });
    expect(scheduleFormDefaults({ cron: '0 9 * * 0,6', zone: 'UTC' }, undefined)).toMatchObject({ days: 'custom', customDays: ['sat', 'sun'], time: '09:00' });
  });

  it('otherwise weekdays 09:00 in the given zone (UTC when it is not a zone)', () => {
    expect(scheduleFormDefaults(undefined, 'America/New_York')).toEqual({ days: 'weekdays', customDays: [], time: '09:00', zone: 'America/New_York' });
    expect(scheduleFormDefaults(undefined, 'Not/AZone').zone).toBe('UTC');
    // A cron the form cannot show keeps at least its zone.
    expect(scheduleFormDefaults({ cron: '*/90 * * * *', zone: 'Asia/Tokyo' }, undefined)).toMatchObject({ days: 'weekdays', zone: 'Asia/Tokyo' });
  });
});
