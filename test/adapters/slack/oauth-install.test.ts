/**
 * Installing to many workspaces, through the real Bolt app against the fake Slack: the install
 * page, Slack's redirect (oauth.v2.access), then every answer and scheduled post with its own
 * workspace's token; an uninstall deletes the tokens and stops that workspace's schedules.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { CLIENT_ID, CLIENT_SECRET, type FakeWorkspace } from './helpers/fake-slack.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z');
const ONE: FakeWorkspace = { teamId: 'T0ONE', teamName: 'Team One', botToken: 'xoxb-one-token', botUserId: 'UBOTONE' };
const TWO: FakeWorkspace = { teamId: 'T0TWO', teamName: 'Team Two', botToken: 'xoxb-two-token', botUserId: 'UBOTTWO' };
const OAUTH_ENV = { SLACK_BOT_TOKEN: '', SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: 'state-secret-for-tests-only', SLACK_ADMIN_USERS: 'U0MANAGER' };

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await startHarness(OAUTH_ENV, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1, retryAttempts: 1 } });
  base = `http://127.0.0.1:${h.adapter.port}`;
});
afterAll(async () => {
  await h?.close();
});

/** What a browser does: open the install page, keep its cookie, follow the button's state to the redirect. */
async function openInstallPage(): Promise<{ html: string; href: string; state: string; cookie: string }> {
  const res = await fetch(`${base}/slack/install`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const html = await res.text();
  const href = /<a class="button" href="([^"]+)">Add to Slack<\/a>/.exec(html)![1]!.replaceAll('&amp;', '&');
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { html, href, state: new URL(href).searchParams.get('state')!, cookie };
}

async function redirect(query: Record<string, string>, cookie?: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
}

async function install(w: FakeWorkspace, code: string): Promise<string> {
  h.fake.addWorkspace(w, code);
  const page = await openInstallPage();
  const done = await redirect({ code, state: page.state }, page.cookie);
  expect(done.status).toBe(200);
  return done.html;
}

const mention = (w: FakeWorkspace, eventId: string, text: string) => {
  const e = fixture('app-mention.json');
  const event = { ...(e.event as object), team: w.teamId, user: 'U0ASKER', text: `<@${w.botUserId}> ${text}`, channel: `C${w.teamId}` };
  return { ...e, team_id: w.teamId, event_id: eventId, event, authorizations: [{ enterprise_id: null, team_id: w.teamId, user_id: w.botUserId, is_bot: true, is_enterprise_install: false }] };
};

const schedule = (w: FakeWorkspace) =>
  h.slash({
    ...fixture<Record<string, string>>('slash-command.json'),
    team_id: w.teamId,
    channel_id: `C${w.teamId}`,
    user_id: 'U0MANAGER',
    text: 'schedule daily 09:00 UTC',
    response_url: h.fake.responseUrl(`schedule-${w.teamId}`),
  });

describe('Slack OAuth: install to many workspaces', () => {
  test('the install page has an "Add to Slack" button for the app, with the manifest scopes', async () => {
    const page = await openInstallPage();
    const url = new URL(page.href);
    expect(`${url.origin}${url.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('scope')!.split(',')).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history']));
    expect(page.state.length).toBeGreaterThan(20);
    expect(page.cookie).toMatch(/^slack-app-oauth-state=/);
    expect(page.html).toContain('<title>Install Container Tutor</title>');
  });

  test('two workspaces install; each one is answered with its own token', async () => {
    expect(await install(ONE, 'code-one')).toContain('Installed to <strong>Team One</strong>');
    expect(await install(TWO, 'code-two')).toContain('Installed to <strong>Team Two</strong>');
    const access = h.fake.of('oauth.v2.access');
    expect(access.map((c) => c.args.code)).toEqual(['code-one', 'code-two']);
    expect(await h.app.store.getInstallation('slack', ONE.teamId)).toMatchObject({ workspaceId: ONE.teamId, enterpriseInstall: false });

    h.fake.calls.length = 0;
    expect(await h.event(mention(ONE, 'EvONE1', 'what is a volume?'))).toBe(200);
    expect(await h.event(mention(TWO, 'EvTWO1', 'what is a volume?'))).toBe(200);
    const posts = h.fake.of('chat.postMessage');
    expect(posts.map((p) => [p.args.channel, p.token])).toEqual([
      [`C${ONE.teamId}`, ONE.botToken],
      [`C${TWO.teamId}`, TWO.botToken],
    ]);
    expect(posts.every((p) => /volume/i.test(JSON.stringify(p.args.blocks)))).toBe(true);
  });

  test('scheduled posts use their workspace token; an uninstalled workspace stops at once', async () => {
    expect(await schedule(ONE)).toBe(200);
    expect(await schedule(TWO)).toBe(200);
    expect((await h.app.store.getSchedule({ platform: 'slack', channelId: `C${ONE.teamId}` }))?.workspaceId).toBe(ONE.teamId);

    h.fake.calls.length = 0;
    clock.set('2027-03-01T09:00:30Z');
    await h.app.scheduler.tick();
    const first = h.fake.of('chat.postMessage');
    expect(first.map((p) => [p.args.channel, p.token]).sort()).toEqual([
      [`C${ONE.teamId}`, ONE.botToken],
      [`C${TWO.teamId}`, TWO.botToken],
    ]);

    // Workspace one removes the app.
    const uninstalled = {
      ...fixture('app-mention.json'),
      team_id: ONE.teamId,
      event_id: 'EvUNINSTALL',
      event: { type: 'app_uninstalled', event_ts: '1700000000.000100' },
      authorizations: [{ team_id: ONE.teamId, is_enterprise_install: false }],
    };
    h.fake.revoke(ONE.botToken);
    expect(await h.post(JSON.stringify(uninstalled), 'application/json')).toBe(200);
    await expect.poll(() => h.app.store.getInstallation('slack', ONE.teamId)).toBeUndefined();
    expect(await h.app.store.getSchedule({ platform: 'slack', channelId: `C${ONE.teamId}` })).toBeUndefined();
    expect(await h.app.store.getSchedule({ platform: 'slack', channelId: `C${TWO.teamId}` })).toBeDefined();

    h.fake.calls.length = 0;
    clock.set('2027-03-02T09:00:30Z');
    await h.app.scheduler.tick();
    expect(h.fake.of('chat.postMessage').map((p) => [p.args.channel, p.token])).toEqual([[`C${TWO.teamId}`, TWO.botToken]]);

    // A mention from the removed workspace is not answered (no token), the other still is.
    h.fake.calls.length = 0;
    expect(await h.post(JSON.stringify(mention(ONE, 'EvONE2', 'what is an image?')), 'application/json')).toBe(200);
    expect(await h.event(mention(TWO, 'EvTWO2', 'what is an image?'))).toBe(200);
    expect(h.fake.of('chat.postMessage').map((p) => p.token)).toEqual([TWO.botToken]);
    expect(await h.app.store.removalsBefore(clock.now().getTime() + 1)).toEqual([expect.objectContaining({ workspaceId: ONE.teamId })]);

    // Its quiz history stays for 30 days, then the sweep deletes it; the other workspace keeps its own.
    const oneChannel = { platform: 'slack' as const, channelId: `C${ONE.teamId}` };
    const twoChannel = { platform: 'slack' as const, channelId: `C${TWO.teamId}` };
    expect(await h.app.store.channelPosts(oneChannel)).toHaveLength(1);
    clock.set('2027-03-30T09:00:00Z');
    expect(await h.app.retention.sweep()).toEqual([]);
    clock.set('2027-04-01T10:00:00Z');
    expect(await h.app.retention.sweep()).toEqual([ONE.teamId]);
    expect(await h.app.store.channelPosts(oneChannel)).toEqual([]);
    expect(await h.app.store.channelPosts(twoChannel)).toHaveLength(2);
    expect(await h.app.store.removalsBefore(clock.now().getTime())).toEqual([]);
  });

  test('an org-wide install: answered and scheduled with the enterprise token', async () => {
    const ORG: FakeWorkspace = { teamId: 'T0ORGTEAM', teamName: 'Org', botToken: 'xoxb-org-token', botUserId: 'UBOTORG', enterpriseId: 'E0ORG' };
    expect(await install(ORG, 'code-org')).toContain('Installed to <strong>Org</strong>');
    expect(await h.app.store.getInstallation('slack', 'E0ORG')).toMatchObject({ enterpriseId: 'E0ORG', enterpriseInstall: true });

    const orgAuth = [{ enterprise_id: 'E0ORG', team_id: ORG.teamId, user_id: ORG.botUserId, is_bot: true, is_enterprise_install: true }];
    h.fake.calls.length = 0;
    expect(await h.event({ ...mention(ORG, 'EvORG1', 'what is a volume?'), enterprise_id: 'E0ORG', authorizations: orgAuth })).toBe(200);
    expect(h.fake.of('chat.postMessage').map((p) => p.token)).toEqual([ORG.botToken]);

    const fields = {
      ...fixture<Record<string, string>>('slash-command.json'),
      team_id: ORG.teamId,
      enterprise_id: 'E0ORG',
      is_enterprise_install: 'true',
      channel_id: `C${ORG.teamId}`,
      user_id: 'U0MANAGER',
    };
    expect(await h.slash({ ...fields, text: 'schedule daily 09:00 UTC', response_url: h.fake.responseUrl('schedule-org') })).toBe(200);
    expect((await h.app.store.getSchedule({ platform: 'slack', channelId: `C${ORG.teamId}` }))?.workspaceId).toBe('E0ORG');
    h.fake.calls.length = 0;
    clock.set(new Date(clock.now().getTime() + 24 * 3_600_000));
    await h.app.scheduler.tick();
    expect(
      h.fake
        .of('chat.postMessage')
        .filter((p) => p.args.channel === `C${ORG.teamId}`)
        .map((p) => p.token),
    ).toEqual([ORG.botToken]);
  });

  test('a redirect with a bad state, or a cancelled install, ends on a failure page', async () => {
    h.fake.addWorkspace({ ...ONE, botToken: 'xoxb-never-issued' }, 'code-bad-state');
    const page = await openInstallPage();
    const forged = await redirect({ code: 'code-bad-state', state: 'not-the-state' }, page.cookie);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('<h1>Not installed</h1>');
    expect(forged.html).toContain('expired or was opened in another browser');
    const noCookie = await redirect({ code: 'code-bad-state', state: page.state });
    expect(noCookie.status).toBe(400);

    const denied = await redirect({ error: 'access_denied', state: page.state }, page.cookie);
    expect(denied.status).toBe(200);
    expect(denied.html).toContain('The install was cancelled in Slack.');
    expect(denied.html).toContain('href="/slack/install"');
    // Nothing was exchanged or stored.
    expect(h.fake.of('oauth.v2.access').filter((c) => c.args.code === 'code-bad-state')).toEqual([]);
  });
});
