import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, Reply, ReplyPing } from '../../src/index.ts';

/**
 * The message content and allowed_mentions for a post's ping: exactly that role, or everyone
 * present for @here; with no ping, nobody (`parse: []`), like every other message the bot sends.
 */
export function pingFields(ping: ReplyPing | undefined): { content?: string; allowed_mentions: { parse: string[]; roles?: string[] } } {
  if (!ping) return { allowed_mentions: { parse: [] } };
  if (ping.kind === 'here') return { content: '@here', allowed_mentions: { parse: ['everyone'] } };
  return { content: `<@&${ping.id}>`, allowed_mentions: { parse: [], roles: [ping.id] } };
}

/**
 * Refuse, at set-up, a ping the bot could not deliver: a role that is not mentionable (unless the
 * bot has Mention Everyone, which lets it mention any role), @here without Mention Everyone, and
 * the @everyone role (use `here`). Discord would otherwise post the mention as plain text.
 */
export function pingRefusal(i: ChatInputCommandInteraction, command: Command): Reply | undefined {
  const sub = command.subcommands?.find((s) => s.name === i.options.getSubcommand(false));
  const everyone = i.appPermissions?.has(PermissionFlagsBits.MentionEveryone) ?? false;
  if (sub?.mentionsEveryone && !everyone)
    return refusal("I can't ping @here in this channel: I need the **Mention Everyone** permission here. Give it to my role, or ping a mentionable role instead.");
  for (const o of sub?.options ?? command.options ?? []) {
    if (o.type !== 'role' || !o.mustMention) continue;
    const role = i.options.getRole(o.name);
    if (!role) continue;
    if (role.id === i.guildId) return refusal('That is the @everyone role. To ping the people in this channel, choose `here` instead.');
    if (!role.mentionable && !everyone)
      return refusal(
        `I can't mention the role **${role.name.replace(/[*_`~|\\]/g, '')}**: it is not mentionable and I don't have **Mention Everyone**. Turn on "Allow anyone to @mention this role" in the role's settings, or give me Mention Everyone, then try again.`,
      );
  }
  return undefined;
}

function refusal(text: string): Reply {
  return { kind: 'error', title: "I can't ping that", paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}
