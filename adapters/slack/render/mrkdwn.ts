import { renderPingMentions, type ReplyPing } from '../../../src/index.ts';
import { escapeFences } from '../../shared/text.ts';
import { slackDate } from './time.ts';

/**
 * Core text (a small markdown subset) to Slack mrkdwn.
 *
 * Every piece of core text is escaped first: Slack treats `<…>` as links and mentions, so a
 * question like "<!channel> what is a volume?" echoed back would ping the whole channel. With
 * & < > escaped it shows exactly as typed and pings no one.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Code spans and fenced blocks keep their content (escaped, not reformatted). */
const CODE = /(```[\s\S]*?```|`[^`\n]+`)/;

export interface MrkdwnOptions {
  /**
   * Turn `[label](https://…)` into a Slack link. Only for text from the content pack: replies that
   * quote what someone typed ("I couldn't match …") would otherwise hand back a clickable link with
   * a disguised target. Unconverted, the URL stays visible as typed.
   */
  links?: boolean;
}

export function toMrkdwn(markdown: string, opts: MrkdwnOptions = {}): string {
  if (isMarkdownTable(markdown)) return markdownTableAsCode(markdown);
  return markdown
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? codePart(part) : textPart(part, opts.links === true)))
    .join('');
}

/** A preformatted block. Backtick runs inside are broken up so they cannot end the block early. */
export function codeBlock(code: string): string {
  return `\`\`\`\n${escapeMrkdwn(escapeFences(code))}\n\`\`\``;
}

function codePart(part: string): string {
  // Slack has no language hints: drop "```bash" style info strings instead of showing them.
  if (part.startsWith('```'))
    return codeBlock(
      part
        .slice(3, -3)
        .replace(/^[\w+-]*\n/, '')
        .replace(/\n$/, ''),
    );
  return escapeMrkdwn(part);
}

function textPart(text: string, links: boolean): string {
  const out = escapeMrkdwn(text)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '*$1*')
    .replace(/__(?=\S)([\s\S]*?\S)__/g, '*$1*')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '~$1~')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*');
  return links ? out.replace(/\[([^\]\n|]+)\]\((https?:\/\/[^\s)]+)\)/g, '<$2|$1>') : out;
}

/** Slack cannot show markdown tables; one that slips into a paragraph is shown as monospace instead. */
function isMarkdownTable(text: string): boolean {
  const lines = text.trim().split('\n');
  return lines.length >= 2 && lines.every((l) => /^\s*\|.*\|\s*$/.test(l)) && lines.some((l) => /^\s*\|[\s:|-]*-{3,}[\s:|-]*\|\s*$/.test(l));
}

function markdownTableAsCode(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => !/^\s*\|[\s:|-]*\|\s*$/.test(l));
  return codeBlock(lines.map((l) => l.trim()).join('\n'));
}

/**
 * Leaderboards and quiz summaries name people as <@U…>, built by the core from stored Slack user
 * ids, never from typed text. Only those replies get exact user mentions back after escaping;
 * broadcasts (<!channel>, <!here>) and anything else stay escaped.
 */
export function restoreUserMentions(mrkdwn: string): string {
  return mrkdwn.replace(/&lt;@([UW][A-Z0-9]{6,20})&gt;/g, '<@$1>');
}

/** The core's time tokens (escaped to &lt;t:unix:F&gt; by now) as Slack dates in each reader's zone. */
export function restoreTimes(mrkdwn: string): string {
  return mrkdwn.replace(/&lt;t:(\d{1,12}):F&gt;/g, (_, unix: string) => slackDate(Number(unix) * 1000));
}

/** A ping (a user group by id, or everyone present) as Slack mrkdwn: `<!subteam^ID>` or `<!here>`. */
export function slackPing(ping: ReplyPing): string {
  return ping.kind === 'here' ? '<!here>' : `<!subteam^${ping.id}>`;
}

/**
 * The core's ping tokens (escaped by now). Only a reply shown to the requester alone (which never
 * notifies anyone) gets the real mention; anywhere else it stays plain text, so nothing pings.
 */
export function restorePings(mrkdwn: string, live: boolean): string {
  return renderPingMentions(mrkdwn, (ping) => (live ? slackPing(ping) : ping.kind === 'here' ? '@here' : `@${ping.id}`), true);
}
