import { ApplicationIntegrationType, type BaseInteraction } from 'discord.js';
import type { Reply } from '../../src/index.ts';

/**
 * Whether the bot itself is where the interaction happened: the server it was added to, or its own
 * DM. Otherwise the app is installed to the user's account and used in a DM, a group DM or a
 * server without the bot: only the interaction response can answer there, and channel features
 * (a schedule, a leaderboard) have no channel to belong to.
 */
export function botIsHere(i: BaseInteraction): boolean {
  return i.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
}

/** The answer to a channel feature used where the bot is not. */
export function notHereReply(command: string): Reply {
  const text = `\`${command}\` belongs to a server channel the bot is in. Add Tutor to the server, or use it in a channel there. Questions, explanations, quizzes and reviews work anywhere.`;
  return { kind: 'notice', title: 'Only in a server with the bot', paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}
