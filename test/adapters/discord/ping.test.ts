/** Ping on post through the real discord.js client: refused at set-up when undeliverable; then the only mention a post may ping. */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { CHANNEL_ID, GUILD_ID, MANAGER_PERMS, slash, str } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { deferAfterMs: 20_000 } });
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
