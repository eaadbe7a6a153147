import { PermissionFlagsBits, type ChatInputCommandInteraction, type Message } from 'discord.js';
import { pingArgs, type Command, type Reply, type ReplyPing } from '../../src/index.ts';

/**
 * The message content and allowed_mentions for a post's ping: exactly that role, or everyone
 * present for @here; with no ping, nobody (`parse: []`), like every other message the bot sends.
 */
export function pingFields(ping: ReplyPing | undefined): { content?: string; allowed_mentions: { parse: string[]; roles?: string[] } } {
  if (!ping) return { allowed_mentions: { parse: [] } };
  if (ping.kind === 'here') return { content: '@here', allowed_mentions: { parse: ['everyone'] } };
  return { content: `<@&${ping.id}>`, allowed_mentions: { parse: [], roles: [ping.id] } };
}

/** What a ping set-up names: @here, or a role as the server knows it (undefined: not in this server). */
type PingTarget = { here: true } | { here: false; role: { id: string; name: string; mentionable: boolean } | undefined };

/**
 * Refuse, at set-up, a ping the bot could not deliver: a role that is not mentionable (unless the
 * bot has Mention Everyone, which lets it mention any role), @here without Mention Everyone, and
 * the @everyone role (use `here`). Discord would otherwise post the mention as plain text.
 */
function undeliverable(target: PingTarget, guildId: string | null, everyone: boolean): Reply | undefined {
  if (target.here)
    return everyone ? undefined : refusal("I can't ping @here in this channel: I need the **Mention Everyone** permission here. Give it to my role, or ping a mentionable role instead.");
  const role = target.role;
  if (!role) return refusal("I can't find that role in this server. Mention it (`@Role`) or give its id.");
  if (role.id === guildId) return refusal('That is the @everyone role. To ping the people in this channel, choose `here` instead.');
  if (!role.mentionable && !everyone)
    return refusal(
      `I can't mention the role **${role.name.replace(/[*_`~|\\]/g, '')}**: it is not mentionable and I don't have **Mention Everyone**. Turn on "Allow anyone to @mention this role" in the role's settings, or give me Mention Everyone, then try again.`,
    );
  return undefined;
}

/** The set-up check for `/tutor-admin ping role|here`, with the role Discord resolved and the bot's permissions in the channel. */
export function pingRefusal(i: ChatInputCommandInteraction, command: Command): Reply | undefined {
  const sub = command.subcommands?.find((s) => s.name === i.options.getSubcommand(false));
  const everyone = i.appPermissions?.has(PermissionFlagsBits.MentionEveryone) ?? false;
  if (sub?.mentionsEveryone) return undeliverable({ here: true }, i.guildId, everyone);
  for (const o of sub?.options ?? command.options ?? []) {
    if (o.type !== 'role' || !o.mustMention) continue;
    const role = i.options.getRole(o.name);
    if (role) return undeliverable({ here: false, role }, i.guildId, everyone);
  }
  return undefined;
}

/**
 * The same check for a typed `ping here` / `ping role <group:ID>` (a mention or DM, after the
 * adapter turned `@here` and `<@&ID>` into the core's tokens): the role from the server's cache,
 * the bot's permissions from its member in this channel.
 */
export function typedPingRefusal(m: Message, text: string): Reply | undefined {
  const typed = /^\/?ping\s+(\S.*)$/i.exec(text);
  if (!typed || !m.inGuild()) return undefined;
  const { sub, role } = pingArgs(typed[1]!);
  if (sub !== 'here' && !(sub === 'role' && role)) return undefined; // off, show, or a bad form the core answers
  let everyone = false;
  try {
    everyone = m.guild.members.me?.permissionsIn(m.channel).has(PermissionFlagsBits.MentionEveryone) ?? false;
  } catch {
    everyone = false; // permissions not computable from the cache: treat as not granted
  }
  return undeliverable(sub === 'here' ? { here: true } : { here: false, role: m.guild.roles.cache.get(role!) }, m.guildId, everyone);
}

/**
 * A typed `ping` command in the core's neutral ping tokens: a role mention `<@&ID>` becomes
 * `<group:ID>` and `@here` becomes `<here>`, as the slash command's role option and `here`
 * subcommand say them. Any other text stays as typed (an echoed question shows what was written).
 */
export function neutralPingMentions(text: string): string {
  if (!/^\/?ping\b/i.test(text)) return text;
  return text.replace(/<@&(\d{1,20})>/g, '<group:$1>').replace(/(^|\s)@here(?=\s|$)/g, '$1<here>');
}

function refusal(text: string): Reply {
  return { kind: 'error', title: "I can't ping that", paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}
