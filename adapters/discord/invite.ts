import { PermissionFlagsBits } from 'discord.js';

/**
 * What the bot needs in a channel: see it, post (also in threads), embed, attach files (diagram
 * pictures on mention answers and scheduled quizzes), and read history (Discord requires it to
 * reply to a message). Use Application Commands lets members of a locked-down
 * server run /tutor. Interaction responses themselves need no bot permission.
 */
export const BOT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
].reduce((a, b) => a | b, 0n);

/** The OAuth2 URL that adds the bot to a server, with the scopes bot and applications.commands. */
export function inviteUrl(applicationId: string): string {
  const q = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS.toString(), integration_type: '0' });
  return `https://discord.com/oauth2/authorize?${q.toString()}`;
}

/**
 * The OAuth2 URL that installs the app to a person's own account (integration type 1): the
 * learner commands and "Explain with Tutor" then work in any DM or group DM. Needs "User Install"
 * ticked under Installation in the developer portal; no bot user and no permissions are involved.
 */
export function userInstallUrl(applicationId: string): string {
  const q = new URLSearchParams({ client_id: applicationId, scope: 'applications.commands', integration_type: '1' });
  return `https://discord.com/oauth2/authorize?${q.toString()}`;
}
