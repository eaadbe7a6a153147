import { PermissionFlagsBits, type BaseInteraction, type Message, type PermissionsBitField } from 'discord.js';
import type { Requester } from '../../src/index.ts';

const MANAGE = [PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild];

const canManage = (perms: Readonly<PermissionsBitField> | null | undefined) => Boolean(perms?.any(MANAGE));

/** Who clicked or typed a command. Discord computes the member's permissions in this channel for us. */
export function requesterFromInteraction(i: BaseInteraction): Requester {
  const direct = !i.inGuild();
  return {
    platform: 'discord',
    userId: i.user.id,
    channelId: i.channelId ?? `dm-${i.user.id}`,
    ...(i.guildId ? { workspaceId: i.guildId } : {}),
    direct,
    canManageChannel: canManage(i.memberPermissions),
  };
}

/** Who mentioned or DMed the bot. Permissions come from the cached roles and channel overwrites. */
export function requesterFromMessage(m: Message): Requester {
  const direct = !m.inGuild();
  let perms: Readonly<PermissionsBitField> | null = null;
  if (m.inGuild()) {
    try {
      perms = m.member?.permissionsIn(m.channel) ?? null;
    } catch {
      perms = null;
    }
  }
  return {
    platform: 'discord',
    userId: m.author.id,
    channelId: m.channelId,
    ...(m.guildId ? { workspaceId: m.guildId } : {}),
    direct,
    canManageChannel: canManage(perms),
  };
}
