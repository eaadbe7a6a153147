/** Ping on post through the real discord.js client: refused at set-up when undeliverable; then the only mention a post may ping. */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { BOT_ID, BOT_USER, CHANNEL_ID, chatMessage, DM_CHANNEL_ID, GUILD_ID, MANAGER_PERMS, slash, str } from './payloads.ts';

// Post now posts a channel's question once per run: the typed-ping tests post again a day later.
const clock = new ManualClock('2027-03-01T07:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { deferAfterMs: 20_000 }, app: { clock, scheduler: { perChannelIntervalMs: 0 } } });
});
afterAll(async () => {
  await h?.close();
});

const LEARNERS = '600000000000000061';
const role = (id: string, mentionable: boolean) => ({
  id,
  name: id === GUILD_ID ? '@everyone' : 'Learners',
  permissions: '0',
  position: 1,
  color: 0,
  hoist: false,
  managed: false,
  mentionable,
  flags: 0,
});
const admin = (sub: string, options: object[] = [], extra: object = {}) => ({ ...slash(sub, options as never, { command: 'tutor-admin', group: 'ping', permissions: MANAGER_PERMS }), ...extra });
const withRole = (r: ReturnType<typeof role>, appPermissions?: bigint) => {
  const base = admin('role', [{ name: 'role', type: 8, value: r.id }]);
  return { ...base, ...(appPermissions !== undefined ? { app_permissions: appPermissions.toString() } : {}), data: { ...base.data, resolved: { roles: { [r.id]: r } } } };
};
const embed = (cb: { body: any }) => cb.body.data.embeds[0];
const ch = { platform: 'discord' as const, channelId: CHANNEL_ID };

describe('/tutor-admin ping', () => {
  it('needs a schedule, and refuses a role the bot cannot mention, @everyone, and @here without Mention Everyone', async () => {
    expect(embed(await h.interact(withRole(role(LEARNERS, true)))).title).toBe('No quiz schedule here');
    const set = [str('when', 'daily'), str('timezone', 'UTC'), str('time', '09:00')];
    expect(embed(await h.interact(slash('set', set, { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }))).title).toBe('Quiz scheduled');

    const hidden = embed(await h.interact(withRole(role(LEARNERS, false))));
    expect(hidden.title).toBe("I can't ping that");
    expect(hidden.description).toContain('**Learners**: it is not mentionable');
    expect(embed(await h.interact(withRole(role(GUILD_ID, true)))).description).toContain('choose `here`');
    expect(embed(await h.interact(admin('here'))).description).toContain('Mention Everyone');
    expect((await h.app.store.getSchedule(ch))?.ping).toBeUndefined();
  });

  it('accepts a mentionable role (or any role when the bot has Mention Everyone), and the post pings exactly that role', async () => {
    const ok = embed(await h.interact(withRole(role(LEARNERS, true))));
    expect(ok.title).toBe('Ping on post');
    expect((await h.app.store.getSchedule(ch))?.ping).toBe(`role:${LEARNERS}`);
    const everyone = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;
    expect(embed(await h.interact(withRole(role(LEARNERS, false), everyone))).title).toBe('Ping on post');

    expect(embed(await h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MANAGER_PERMS }))).title).toBe('Quiz posted');
    const post = h.fake.matching('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`)).at(-1)!;
    expect(post.body.content).toBe(`<@&${LEARNERS}>`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [LEARNERS] });
    expect(embed(await h.interact(admin('show'))).description).toContain(`<@&${LEARNERS}>`);
  });

  it('@here with Mention Everyone pings everyone present; off pings nobody again; a member may not change it', async () => {
    const everyone = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;
    expect(embed(await h.interact(admin('here', [], { app_permissions: everyone.toString() }))).title).toBe('Ping on post');
    expect((await h.app.store.getSchedule(ch))?.ping).toBe('here');
    const { pingFields } = await import('../../../adapters/discord/ping.ts');
    expect(pingFields({ kind: 'here' })).toEqual({ content: '@here', allowed_mentions: { parse: ['everyone'] } });
    expect(embed(await h.interact(slash('off', [], { command: 'tutor-admin', group: 'ping' }))).title).toBe('Not allowed');
    expect(embed(await h.interact(admin('off'))).title).toBe('Ping off');
    expect((await h.app.store.getSchedule(ch))?.ping).toBeUndefined();
    expect(pingFields(undefined)).toEqual({ allowed_mentions: { parse: [] } });
  });
});

describe('ping typed as a message (a mention of the bot)', () => {
  const MANAGERS = '600000000000000062';
  const HIDDEN = '600000000000000063';
  const SPEAKER = '600000000000000064';
  const perms = (...flags: bigint[]) => flags.reduce((a, b) => a | b, 0n).toString();
  /** A mention of the bot by a member holding `roles`; the role mentions in it are resolved like Discord does. */
  async function typed(text: string, roles: string[] = [MANAGERS]) {
    const m = chatMessage(`<@${BOT_ID}> ${text}`, { mentionsBot: true });
    const mentioned = [...text.matchAll(/<@&(\d+)>/g)].map((x) => x[1]!);
    h.fake.dispatch('MESSAGE_CREATE', { ...m, mention_roles: mentioned, member: { joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, roles } });
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === m.id, 10_000, `answer to ${text}`);
    return sent.body.embeds[0] as { title: string; description: string };
  }

  beforeAll(async () => {
    // The server's roles, as Discord announces them: a managers' role, the mentionable Learners, a hidden one.
    for (const r of [
      { ...role(MANAGERS, false), name: 'Managers', permissions: MANAGER_PERMS },
      role(LEARNERS, true),
      { ...role(HIDDEN, false), name: 'Hidden' },
      { ...role(SPEAKER, false), name: 'Speaker', permissions: perms(PermissionFlagsBits.MentionEveryone) },
    ])
      h.fake.dispatch('GUILD_ROLE_CREATE', { guild_id: GUILD_ID, role: r });
  });

  /** An admin's post-now at `iso`; returns the quiz message the fake Discord received. */
  const postNowAt = async (iso: string) => {
    clock.set(iso);
    expect(embed(await h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MANAGER_PERMS }))).title).toBe('Quiz posted');
    return h.fake
      .matching('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`))
      .filter((r) => !r.body?.message_reference)
      .at(-1)!;
  };

  it('`ping role @Role` sets the ping, and the next post pings only that role', async () => {
    const ok = await typed(`ping role <@&${LEARNERS}>`);
    expect(ok.title).toBe('Ping on post');
    expect(ok.description).toContain(`<@&${LEARNERS}>`);
    expect((await h.app.store.getSchedule(ch))?.ping).toBe(`role:${LEARNERS}`);

    const post = await postNowAt('2027-03-02T07:00:00Z');
    expect(post.body.content).toBe(`<@&${LEARNERS}>`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [LEARNERS] });
    // The content is the one place a mention is written; the embed names no one.
    expect(JSON.stringify(post.body.embeds)).not.toMatch(/<@|@here|@everyone/);
  });

  it('refuses a typed role the bot cannot mention, an unknown role, @everyone and @here without Mention Everyone; a member may not set one', async () => {
    expect((await typed(`ping role <@&${HIDDEN}>`)).description).toContain('**Hidden**: it is not mentionable');
    expect((await typed('ping role 600000000000000099')).description).toContain("can't find that role");
    expect((await typed(`ping role <@&${GUILD_ID}>`)).description).toContain('choose `here`');
    expect((await typed('ping @here')).description).toContain('Mention Everyone');
    expect((await typed(`ping role <@&${LEARNERS}>`, [])).title).toBe('Not allowed');
    expect((await h.app.store.getSchedule(ch))?.ping).toBe(`role:${LEARNERS}`);
  });

  it('`ping @here` works once the bot may mention everyone (the post then pings @here only), and then so does any role', async () => {
    h.fake.dispatch('GUILD_MEMBER_UPDATE', { guild_id: GUILD_ID, user: BOT_USER, roles: [SPEAKER], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 });
    expect((await typed('ping @here')).title).toBe('Ping on post');
    expect((await h.app.store.getSchedule(ch))?.ping).toBe('here');
    const post = await postNowAt('2027-03-03T07:00:00Z');
    expect(post.body.content).toBe('@here');
    expect(post.body.allowed_mentions).toEqual({ parse: ['everyone'] });
    expect(JSON.stringify(post.body.embeds)).not.toMatch(/<@|@here|@everyone/);
    // With Mention Everyone any role may be pinged, mentionable or not.
    expect((await typed(`ping role <@&${HIDDEN}>`)).title).toBe('Ping on post');
    expect((await typed('ping off')).title).toBe('Ping off');
  });

  it('typed in a DM, a ping is answered as a channel feature, stores nothing and pings nobody', async () => {
    const dm = chatMessage(`ping role <@&${LEARNERS}>`, { dm: true });
    h.fake.dispatch('MESSAGE_CREATE', dm);
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/channels/${DM_CHANNEL_ID}/messages`) && r.body?.nonce === `q${dm.id}`);
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(sent.body.embeds)).toMatch(/channel/i);
    expect((await h.app.store.getSchedule(ch))?.ping).toBeUndefined();
  });
});
