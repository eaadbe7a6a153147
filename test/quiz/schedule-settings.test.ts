import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_USER } from '../../src/adapter-api/request.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { Tutor } from '../../src/tutor.ts';
import { harness, manager, person, type Harness } from './helpers.ts';

describe('schedule command', () => {
  let h: Harness;
  let tutor: Tutor;
  beforeEach(() => {
    h = harness({ clock: new ManualClock('2027-03-26T10:00:00Z'), adminUsers: ['UALLOWED'] });
    tutor = new Tutor(h.quiz.pack, { quiz: h.quiz });
  });
  afterEach(() => h.store.close());

  const say = (text: string, who = manager()) => tutor.handle({ type: 'text', text }, who);

  it('a channel manager sets a schedule and gets the next run in the zone', async () => {
    const r = await say('/schedule weekdays 09:00 Europe/Berlin');
    expect(r.title).toBe('Quiz scheduled');
    const text = r.paragraphs.join('\n');
    expect(text).toContain('**weekdays 09:00 (Europe/Berlin)**');
    // Friday 26 March after 09:00: next is Monday 29 March, the first day of summer time.
    // The instant itself is a time token each adapter shows in the reader's own zone.
    expect(text).toContain(`Mon 29 Mar 2027, 09:00 Europe/Berlin (<t:${Date.parse('2027-03-29T07:00:00Z') / 1000}:F>)`);
    expect(await h.store.getSchedule({ platform: 'slack', channelId: 'C1' })).toMatchObject({ cron: '0 9 * * 1-5', zone: 'Europe/Berlin', updatedBy: 'UADMIN' });
    expect((await say('schedule set daily 07:15')).paragraphs.join(' ')).toContain('daily 07:15 (Europe/Berlin)');
  });

  it('refuses people who may not manage the channel, but shows the schedule to everyone', async () => {
    await say('schedule daily 09:00 UTC');
    for (const who of [person('U1'), person('U1', { canManageChannel: false })]) {
      for (const text of ['schedule daily 10:00 UTC', 'schedule off', 'schedule daily nonsense here']) {
        const r = await say(text, who);
        expect(r.kind).toBe('error');
        expect(r.title).toBe('Not allowed');
        expect(r.paragraphs.join(' ')).toContain('Only people who can manage this channel');
      }
    }
    expect((await h.store.getSchedule({ platform: 'slack', channelId: 'C1' }))?.label).toBe('daily 09:00');
    const shown = await say('schedule show', person('U1'));
    expect(shown.title).toBe('Quiz schedule');
    expect(shown.paragraphs.join(' ')).toContain('daily 09:00 (UTC)');
  });

  it('lets the Slack admin allow-list and the console user manage schedules', async () => {
    expect((await say('schedule daily 09:00 UTC', person('UALLOWED'))).title).toBe('Quiz scheduled');
    expect((await say('schedule daily 09:00 UTC', person('UALLOWED', { platform: 'discord' }))).title).toBe('Not allowed');
    expect((await say('schedule daily 09:00 UTC', CONSOLE_USER)).title).toBe('Quiz scheduled');
  });

  it('explains a bad spec or zone to a manager, with an example', async () => {
    const zone = await say('schedule weekdays 09:00 Europe/Berln');
    expect(zone.kind).toBe('error');
    expect(zone.paragraphs.join(' ')).toContain('Unknown time zone "Europe/Berln"');
    expect(zone.paragraphs.join(' ')).toContain('weekdays 09:00 Europe/Berlin');
    expect((await say('schedule weekdays 9am')).paragraphs.join(' ')).toContain('is not a time');
    expect(await h.store.getSchedule({ platform: 'slack', channelId: 'C1' })).toBeUndefined();
  });

  it('turns a schedule off, and says when there was none', async () => {
    expect((await say('schedule show')).title).toBe('No quiz scheduled');
    await say('schedule daily 09:00 UTC');
    expect((await say('schedule off')).title).toBe('Quiz schedule removed');
    expect((await say('schedule off')).title).toBe('No quiz scheduled');
    expect(await h.store.getSchedule({ platform: 'slack', channelId: 'C1' })).toBeUndefined();
  });
});
