import { commands } from '../../src/index.ts';

/**
 * Incoming Slack text -> the plain line the core expects. Slack sends message and command text
 * with & < > escaped, mentions as <@U…> and links as <url|label>.
 */
export function normalizeIncoming(text: string | undefined, botUserId?: string): string {
  let s = String(text ?? '');
  // The bot's own mention is how people address it, not part of the question.
  if (botUserId) s = s.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ');
  else s = s.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  s = s
    .replace(/<((?:https?|mailto):[^>|]*)\|([^>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>|]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A typed `ping` command in the core's neutral ping tokens: a user group (`<!subteam^S123|@devs>`)
 * becomes `<group:S123>` and `<!here>` becomes `<here>`, as `ping role @devs` and `ping @here` need
 * them. Other broadcasts (`<!channel>`) stay as sent, and so does any other text, so an echoed
 * question shows what was written.
 */
export function neutralPingMentions(text: string): string {
  if (!/^\/?ping\b/i.test(text)) return text;
  return text.replace(/<!subteam\^([A-Z0-9]{2,30})(?:\|[^>]*)?>/g, '<group:$1>').replace(/<!here(?:\|[^>]*)?>/g, '<here>');
}

/** The words of the channel managers' commands (`schedule`, `post-now`, …), from their definitions. */
const managerWords = new Set(commands.filter((c) => c.access === 'managers').flatMap((c) => [c.name, ...(c.aliases ?? [])]));

/** Channel managers' commands change channel settings, so only then is it worth asking Slack who the user is. */
export function wantsChannelManagement(text: string): boolean {
  const word = text.trim().split(/\s+/)[0]?.replace(/^\//, '').toLowerCase() ?? '';
  return managerWords.has(word);
}

/** Slack DM channel ids start with D; slash commands also name them "directmessage". */
export function isDirectChannel(channelId: string | undefined, channelName?: string): boolean {
  return (channelId ?? '').startsWith('D') || channelName === 'directmessage';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
