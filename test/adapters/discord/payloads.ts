/** Gateway payloads shaped like Discord's (API v10), for the fake gateway to dispatch. */
import { PermissionFlagsBits } from 'discord.js';

export const APP_ID = '100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';
/** A public thread under CHANNEL_ID: its own conversation. */
export const THREAD_ID = '300000000000000033';
export const DM_CHANNEL_ID = '300000000000000004';
export const USER_ID = '400000000000000004';
export const OTHER_BOT_ID = '400000000000000006';
const COMMAND_ID = '500000000000000005';

export const BOT_USER = { id: BOT_ID, username: 'tutor', discriminator: '0', global_name: 'Tutor', avatar: null, bot: true, flags: 0 };
export const HUMAN = { id: USER_ID, username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null, flags: 0 };

const perms = (...bits: bigint[]) => bits.reduce((a, b) => a | b, 0n).toString();
/** An ordinary member: read and write, no management rights. */
export const MEMBER_PERMS = perms(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.UseApplicationCommands);
export const MANAGER_PERMS = perms(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.ManageChannels);
const BOT_PERMS = perms(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ReadMessageHistory);

const member = (user: object, permissions?: string) => ({
  user,
  roles: [],
  joined_at: '2026-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  nick: null,
  avatar: null,
  premium_since: null,
  ...(permissions ? { permissions } : {}),
});

const textChannel = {
  id: CHANNEL_ID,
  type: 0,
  guild_id: GUILD_ID,
  name: 'general',
  position: 0,
  permission_overwrites: [],
  parent_id: null,
  nsfw: false,
  topic: null,
  last_message_id: null,
  rate_limit_per_user: 0,
  flags: 0,
};
const thread = {
  id: THREAD_ID,
  type: 11,
  guild_id: GUILD_ID,
  name: 'volumes question',
  parent_id: CHANNEL_ID,
  owner_id: '400000000000000004',
  last_message_id: null,
  rate_limit_per_user: 0,
  message_count: 0,
  member_count: 1,
  flags: 0,
  thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2026-01-01T00:00:00.000Z', locked: false },
};

export function guildCreate() {
  return {
    id: GUILD_ID,
    name: 'Test server',
    icon: null,
    owner_id: '400000000000000099',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: MEMBER_PERMS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [member(BOT_USER)],
    channels: [textChannel],
    threads: [thread],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}

let counter = 0;
const snowflake = () => (700000000000000000n + BigInt(++counter)).toString();

interface Where {
  /** A DM with the bot instead of the server channel. */
  dm?: boolean;
  permissions?: string;
  /** Someone other than HUMAN (a user id). */
  userId?: string;
}

function base(type: number, where: Where) {
  const id = snowflake();
  const user = where.userId ? { ...HUMAN, id: where.userId, username: `u${where.userId}` } : HUMAN;
  const common = {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: BOT_PERMS,
  };
  if (where.dm) {
    return {
      ...common,
      user,
      channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user], last_message_id: null, flags: 0 },
      channel_id: DM_CHANNEL_ID,
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel: textChannel,
    channel_id: CHANNEL_ID,
    member: member(user, where.permissions ?? MEMBER_PERMS),
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

type Option = { name: string; type: number; value?: string | number; focused?: boolean; options?: Option[] };

/** `/tutor <sub> [options]`, or `/tutor <group> <sub> [options]` (another top-level command with `command`). */
export function slash(sub: string, options: Option[] = [], where: Where & { group?: string; command?: string } = {}) {
  const subOption: Option = { name: sub, type: 1, options };
  return { ...base(2, where), data: { id: COMMAND_ID, name: where.command ?? 'tutor', type: 1, options: [where.group ? { name: where.group, type: 2, options: [subOption] } : subOption] } };
}

export const str = (name: string, value: string, focused = false): Option => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

/** An autocomplete request (interaction type 4) while typing an option. */
export function autocomplete(sub: string, options: Option[], where: Where & { group?: string; command?: string } = {}) {
  return { ...slash(sub, options, where), type: 4 };
}

/** A button press (interaction type 3) on a message the bot sent. */
export function buttonPress(customId: string, where: Where & { ephemeral?: boolean } = {}) {
  const b = base(3, where);
  return {
    ...b,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: snowflake(),
      type: 20,
      channel_id: b.channel_id,
      author: BOT_USER,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: where.ephemeral ? 64 : 0,
      timestamp: '2026-01-01T00:00:00.000Z',
      edited_timestamp: null,
      application_id: APP_ID,
      webhook_id: APP_ID,
    },
  };
}

/** A MESSAGE_CREATE: in the server channel (optionally mentioning the bot) or in a DM. */
export function chatMessage(content: string, opts: { dm?: boolean; mentionsBot?: boolean; author?: typeof HUMAN & { bot?: boolean }; everyone?: boolean; thread?: boolean } = {}) {
  const author = opts.author ?? HUMAN;
  const common = {
    id: snowflake(),
    type: 0,
    content,
    author,
    attachments: [],
    embeds: [],
    components: [],
    mentions: opts.mentionsBot ? [BOT_USER] : [],
    mention_roles: [],
    mention_everyone: Boolean(opts.everyone),
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
  };
  if (opts.dm) return { ...common, channel_id: DM_CHANNEL_ID, channel_type: 1 };
  return {
    ...common,
    channel_id: opts.thread ? THREAD_ID : CHANNEL_ID,
    channel_type: opts.thread ? 11 : 0,
    guild_id: GUILD_ID,
    member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
  };
}

/** A pick in a string select menu (interaction type 3, component type 3) on a message the bot sent. */
export function selectPick(customId: string, values: string[], where: Where & { ephemeral?: boolean } = {}) {
  const press = buttonPress(customId, where);
  return { ...press, data: { custom_id: customId, component_type: 3, values } };
}

/** A submitted modal (interaction type 5) with one text input. */
export function modalSubmit(customId: string, field: string, value: string, where: Where = {}) {
  return { ...base(5, where), data: { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: field, value }] }] } };
}
