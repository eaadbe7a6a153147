/**
 * The schedule set-up modal through the real Bolt app: `/tutor schedule` opens it (views.open),
 * pre-filled from the admin's Slack time zone; a submission saves what the typed form saves, and
 * a bad field gets its error on the field (response_action: errors) with nothing posted.
 */
import { expect, test } from 'vitest';
import { fixture, sign, useHarness } from './helpers/harness.ts';

const h = useHarness({ SLACK_ADMIN_USERS: 'U0MANAGER' });
const CHANNEL = 'C2147483705';

interface ModalView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: { type: string; initial_value?: string; initial_time?: string; initial_option?: { value: string }; initial_options?: { value: string }[] } }[];
}
const slash = (user: string, text: string, channel = CHANNEL) =>
  h.slash({ ...fixture<Record<string, string>>('slash-command.json'), user_id: user, text, channel_id: channel, response_url: h.fake.responseUrl(`${user}-${text}`) });
const opened = (): ModalView => {
  const open = h.fake.of('views.open');
  expect(open).toHaveLength(1);
  const v = open[0]!.args.view;
  return (typeof v === 'string' ? JSON.parse(v) : v) as ModalView;
};
const field = (view: ModalView, id: string) => view.blocks.find((b) => b.block_id === id)!.element!;

interface Form {
  days?: string;
  custom?: string[];
  time?: string;
  zone?: string;
}
/** Submit the modal as Slack would; resolves with the HTTP response body (empty on a plain ack). */
async function submit(meta: string, form: Form, user = 'U0MANAGER'): Promise<Record<string, unknown> | undefined> {
  const values = {
    days: { days: { type: 'radio_buttons', selected_option: form.days ? { value: form.days } : null } },
    custom_days: { custom_days: { type: 'checkboxes', selected_options: (form.custom ?? []).map((value) => ({ value })) } },
    time: { time: { type: 'timepicker', selected_time: form.time ?? null } },
    zone: { zone: { type: 'plain_text_input', value: form.zone ?? null } },
  };
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001TEST', domain: 'example' },
    user: { id: user, name: user, team_id: 'T0001TEST' },
    api_app_id: 'A0TUTOR01',
    token: 'x',
    trigger_id: '1.2.3',
    view: { id: 'V0001', type: 'modal', callback_id: 'tutor:schedule', private_metadata: meta, state: { values }, hash: 'h' },
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${h.adapter.port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) },
    body,
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  await h.adapter.idle();
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

test('/tutor schedule with no arguments opens the modal, zone from the Slack profile; others just see the schedule', async () => {
  h.fake.users.set('U0MANAGER', { tz: 'America/New_York' });
  await slash('U0MANAGER', 'schedule');
  const view = opened();
  expect(h.fake.of('views.open')[0]!.args.trigger_id).toBe(fixture<Record<string, string>>('slash-command.json').trigger_id);
  expect(view.callback_id).toBe('tutor:schedule');
  expect(field(view, 'zone').initial_value).toBe('America/New_York');
  expect(field(view, 'time')).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
  expect(field(view, 'days').initial_option!.value).toBe('weekdays');
  expect(field(view, 'custom_days').type).toBe('checkboxes');
  expect(h.fake.responses).toEqual([]);

  h.fake.calls.length = 0;
  await slash('U0PLAINUSER', 'schedule');
  expect(h.fake.of('views.open')).toEqual([]);
  expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toMatch(/No quiz scheduled/);
});

test('a valid submission saves exactly what the typed form saves, and answers privately', async () => {
  // Typed in one channel, chosen in the form in another: the same record either way.
  await slash('U0MANAGER', 'schedule cron "30 7 * * 1,3" America/New_York', 'C0TYPED01');
  const typed = await h.app.store.getSchedule({ platform: 'slack', channelId: 'C0TYPED01' });
  h.fake.calls.length = 0;
  expect(await submit(JSON.stringify({ c: CHANNEL }), { days: 'custom', custom: ['wed', 'mon'], time: '07:30', zone: 'America/New_York' })).toBeUndefined();
  const saved = await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL });
  expect(saved).toMatchObject({ label: typed!.label, cron: typed!.cron, zone: typed!.zone, nextRunAt: typed!.nextRunAt, updatedBy: 'U0MANAGER' });
  const said = h.fake.of('chat.postEphemeral');
  expect(said).toHaveLength(1);
  expect(said[0]!.args).toMatchObject({ channel: CHANNEL, user: 'U0MANAGER' });
  expect(JSON.stringify(said[0]!.args.blocks)).toMatch(/Quiz schedule/);
  // The next run is shown in each reader's own zone, with the schedule's zone as the fallback text's UTC instant.
  const unix = saved!.nextRunAt / 1000;
  const shown = JSON.stringify(said[0]!.args.blocks);
  expect(shown).toContain(`(<!date^${unix}^{date_short_pretty} {time}|`);
  expect(shown).not.toContain('&lt;t:');
  expect(String(said[0]!.args.text)).not.toContain('&lt;t:');

  await submit(JSON.stringify({ c: CHANNEL }), { days: 'weekdays', time: '08:15', zone: 'Europe/Berlin' });
  expect(await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL })).toMatchObject({ label: 'weekdays 08:15', cron: '15 8 * * 1-5', zone: 'Europe/Berlin' });
  // The text form keeps working.
  await slash('U0MANAGER', 'schedule daily 10:00 Europe/Berlin');
  expect(await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL })).toMatchObject({ label: 'daily 10:00', cron: '0 10 * * *' });
});

test.each([
  ['an impossible time', { days: 'daily', time: '25:00', zone: 'Europe/Berlin' }, 'time', /not a time of day/],
  ['an unknown zone', { days: 'daily', time: '09:00', zone: 'Mars/Olympus_Mons' }, 'zone', /Unknown time zone "Mars\/Olympus_Mons"/],
  ['no days', { days: 'custom', custom: [], time: '09:00', zone: 'Europe/Berlin' }, 'custom_days', /at least one day/],
  ['no days choice at all', { time: '09:00', zone: 'Europe/Berlin' }, 'days', /which days/],
])('%s gets the error on its field, not a message', async (_, form, block, message) => {
  const before = await h.app.store.getSchedule({ platform: 'slack', channelId: 'C0INVALID' });
  const res = await submit(JSON.stringify({ c: 'C0INVALID' }), form);
  expect(res?.response_action).toBe('errors');
  const errors = res!.errors as Record<string, string>;
  expect(Object.keys(errors)).toEqual([block]);
  expect(errors[block]).toMatch(message);
  expect(h.fake.posts).toEqual([]);
  expect(await h.app.store.getSchedule({ platform: 'slack', channelId: 'C0INVALID' })).toEqual(before);
});

test('Edit in App Home opens the modal with the current schedule and republishes Home after saving', async () => {
  await slash('U0MANAGER', 'schedule cron "0 17 * * 2,4" Asia/Tokyo', 'C0EDITED1');
  h.fake.memberships.set('U0MANAGER', ['C0EDITED1']);
  await h.event({
    type: 'event_callback',
    team_id: 'T0001TEST',
    api_app_id: 'A0TUTOR01',
    event_id: 'Ev-edit-home',
    event_time: 1,
    event: { type: 'app_home_opened', user: 'U0MANAGER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
  });
  const home = h.fake.of('views.publish')[0]!.args.view;
  const blocks = (typeof home === 'string' ? JSON.parse(home) : home).blocks as { accessory?: { action_id: string; value: string } }[];
  const edit = blocks.find((b) => b.accessory?.action_id === 'tutor-home:edit-schedule')!.accessory!;
  h.fake.calls.length = 0;
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>('block-actions.json');
  const { channel: _c, container: _k, ...rest } = p;
  await h.click({
    ...rest,
    user: { id: 'U0MANAGER', username: 'm', name: 'm', team_id: 'T0001TEST' },
    container: { type: 'view', view_id: 'V0001' },
    view: { id: 'V0001', type: 'home' },
    actions: [{ ...p.actions[0], action_id: edit.action_id, value: edit.value, type: 'button' }],
  });
  const view = opened();
  expect(field(view, 'days').initial_option!.value).toBe('custom');
  expect(field(view, 'custom_days').initial_options!.map((o) => o.value)).toEqual(['tue', 'thu']);
  expect(field(view, 'time').initial_time).toBe('17:00');
  expect(field(view, 'zone').initial_value).toBe('Asia/Tokyo');

  h.fake.calls.length = 0;
  await submit(view.private_metadata, { days: 'daily', time: '18:00', zone: 'Asia/Tokyo' });
  expect(await h.app.store.getSchedule({ platform: 'slack', channelId: 'C0EDITED1' })).toMatchObject({ label: 'daily 18:00' });
  expect(JSON.stringify(h.fake.of('views.publish')[0]!.args.view)).toContain('daily 18:00');
});
