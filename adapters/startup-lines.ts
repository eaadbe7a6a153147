import type { AdapterEntry, RunningAdapter } from './registry.ts';

/**
 * The lines `npm start` prints on stderr, one per platform: started, skipped and why, or failed
 * and why. A team setting the bot up sees at once whether their .env was read and which
 * variable is missing, without reading the logs.
 */
const LABELS: Record<string, string> = { slack: 'Slack', discord: 'Discord' };

/** The variable whose absence turns a platform off (the config refuses half a pair, so it is this one). */
const NEEDS: Record<string, string> = { slack: 'SLACK_BOT_TOKEN', discord: 'DISCORD_TOKEN' };

const label = (name: string): string => LABELS[name] ?? name;

export function skippedLine(entry: AdapterEntry): string {
  return `${label(entry.name)}: skipped, ${NEEDS[entry.name] ?? 'its credentials'} not set`;
}

export function startedLine(running: RunningAdapter): string {
  const port = (running as { port?: unknown }).port;
  if (running.name === 'slack') {
    return typeof port === 'number' ? `Slack: started, listening on port ${port} (POST /slack/events)` : 'Slack: started in Socket Mode';
  }
  if (running.name === 'discord') {
    const http = (running.routes ?? []).length > 0;
    const gateway = (running as { gateway?: unknown }).gateway !== false;
    return `Discord: started, ${[gateway ? 'connected to the gateway' : '', http ? 'interactions over HTTP (POST /discord/interactions)' : ''].filter(Boolean).join(', ')}`;
  }
  return `${label(running.name)}: started`;
}

export function failedLine(entry: AdapterEntry, err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const cause = rootCause(err);
  return `${label(entry.name)}: failed to start, ${message}${cause && !message.includes(cause) ? ` (${cause})` : ''}`;
}

/**
 * The innermost error's message: a network failure surfaces as "fetch failed", and only its cause
 * (`getaddrinfo ENOTFOUND slack.com`, `connect ECONNREFUSED …`) says what to fix. Bolt's Web API
 * client keeps the underlying error in `original`, fetch in `cause`.
 */
function rootCause(err: unknown): string | undefined {
  let inner: unknown;
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const next: unknown = (e as { original?: unknown }).original ?? (e as { cause?: unknown }).cause;
    if (!(next instanceof Error)) break;
    inner = next;
    e = next;
  }
  // An AggregateError (every address refused) may have no message, only a code.
  return inner instanceof Error ? inner.message || (inner as { code?: string }).code : undefined;
}
