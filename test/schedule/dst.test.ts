import { afterEach, describe, expect, it } from 'vitest';
import { nextRuns, parseScheduleSpec } from '../../src/schedule/spec.ts';
import { localDate, periodStart } from '../../src/schedule/zone.ts';
import { harness, setSchedule, type Harness } from '../quiz/helpers.ts';

const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString());
const runs = (spec: string, from: string, n: number) => iso(nextRuns(parseScheduleSpec(spec), Date.parse(from), n));

describe('run times across the 2027 DST changes (croner)', () => {
  it('EU spring forward (28 March): 02:30 does not exist, so it runs once at 03:00 CEST', () => {
    expect(runs('daily 02:30 Europe/Berlin', '2027-03-26T12:00:00Z', 3)).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z']);
  });

  it('EU fall back (31 October): 02:30 happens twice, and runs once (the first, CEST)', () => {
    expect(runs('daily 02:30 Europe/Berlin', '2027-10-30T12:00:00Z', 2)).toEqual(['2027-10-31T00:30:00.000Z', '2027-11-01T01:30:00.000Z']);
    // A list of fixed times is fixed-time too: 01:00 and 02:00 CEST, no second 02:00 (01:00Z), then 01:00 CET.
    expect(runs('cron "0 1,2 * * *" Europe/Berlin', '2027-10-30T12:00:00Z', 3)).toEqual(['2027-10-30T23:00:00.000Z', '2027-10-31T00:00:00.000Z', '2027-11-01T00:00:00.000Z']);
  });

  it('US spring forward (14 March) and fall back (7 November)', () => {
    expect(runs('daily 02:30 America/New_York', '2027-03-13T12:00:00Z', 2)).toEqual(['2027-03-14T07:00:00.000Z', '2027-03-15T06:30:00.000Z']);
    expect(runs('daily 01:30 America/New_York', '2027-11-06T12:00:00Z', 2)).toEqual(['2027-11-07T05:30:00.000Z', '2027-11-08T06:30:00.000Z']);
  });

  it('keeps 09:00 local across the change (the UTC instant moves by an hour)', () => {
    expect(runs('weekdays 09:00 Europe/Berlin', '2027-03-25T12:00:00Z', 2)).toEqual(['2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
    expect(runs('weekdays 09:00 America/New_York', '2027-11-05T00:00:00Z', 2)).toEqual(['2027-11-05T13:00:00.000Z', '2027-11-08T14:00:00.000Z']);
  });

  it('starts weeks and months at local midnight in the zone', () => {
    // Monday 2027-03-29 00:00 CEST = 2027-03-28T22:00Z, the first Monday after spring forward.
    expect(new Date(periodStart('week', new Date('2027-03-30T12:00:00Z'), 'Europe/Berlin')).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(new Date(periodStart('month', new Date('2027-11-20T12:00:00Z'), 'America/New_York')).toISOString()).toBe('2027-11-01T04:00:00.000Z');
    expect(localDate(Date.parse('2027-10-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-11-01');
  });
});

describe('the scheduler on a fake clock across DST', () => {
  let h: Harness;
  afterEach(() => h.store.close());

  /** Tick every 5 minutes from `from` to `to` and return the instants quizzes were posted at. */
  async function drive(spec: string, from: string, to: string): Promise<string[]> {
    h = harness();
    h.clock.set(from);
    await setSchedule(h, spec);
    const posted: string[] = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += 5 * 60_000) {
      h.clock.set(t);
      const before = h.poster.quizPosts().length;
      await h.scheduler.tick();
      if (h.poster.quizPosts().length > before) posted.push(new Date(t).toISOString());
    }
    return posted;
  }

  it('EU: one post per day, including the spring-forward and fall-back nights', async () => {
    expect(await drive('daily 02:30 Europe/Berlin', '2027-03-27T00:00:00Z', '2027-03-29T12:00:00Z')).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z']);
    h.store.close();
    expect(await drive('daily 02:30 Europe/Berlin', '2027-10-30T00:00:00Z', '2027-11-01T12:00:00Z')).toEqual(['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-11-01T01:30:00.000Z']);
  });

  it('US: one post per day, including 14 March and 7 November', async () => {
    expect(await drive('daily 02:30 America/New_York', '2027-03-13T00:00:00Z', '2027-03-15T12:00:00Z')).toEqual(['2027-03-13T07:30:00.000Z', '2027-03-14T07:00:00.000Z', '2027-03-15T06:30:00.000Z']);
    h.store.close();
    expect(await drive('daily 01:30 America/New_York', '2027-11-06T00:00:00Z', '2027-11-08T12:00:00Z')).toEqual(['2027-11-06T05:30:00.000Z', '2027-11-07T05:30:00.000Z', '2027-11-08T06:30:00.000Z']);
  });
});
