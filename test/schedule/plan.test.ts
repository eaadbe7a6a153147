import { describe, expect, it } from 'vitest';
import { catchUp } from '../../src/schedule/plan.ts';

const hour = 3_600_000;
const t = (iso: string) => Date.parse(iso);
// Every day at 09:00 UTC.
const daily = (nextRunAt: string) => ({ cron: '0 9 * * *', zone: 'UTC', nextRunAt: t(nextRunAt) });

describe('catchUp: which run to post now', () => {
  it('posts a run that is due now, and the next one follows it', () => {
    expect(catchUp(daily('2027-03-01T09:00:00Z'), t('2027-03-01T09:00:30Z'), 2 * hour)).toEqual({ slot: t('2027-03-01T09:00:00Z'), next: t('2027-03-02T09:00:00Z'), skipped: 0 });
  });

  it('skips a run older than the grace window and waits for the next', () => {
    const r = catchUp(daily('2027-03-01T09:00:00Z'), t('2027-03-01T12:00:00Z'), 2 * hour);
    expect(r).toEqual({ slot: t('2027-03-02T09:00:00Z'), next: t('2027-03-02T09:00:00Z'), skipped: 1 });
  });

  it('posts only the latest of several runs missed inside the grace window', () => {
    const r = catchUp({ cron: '*/10 * * * *', zone: 'UTC', nextRunAt: t('2027-03-01T09:00:00Z') }, t('2027-03-01T09:25:00Z'), 2 * hour);
    expect(r).toEqual({ slot: t('2027-03-01T09:20:00Z'), next: t('2027-03-01T09:30:00Z'), skipped: 2 });
  });
});
