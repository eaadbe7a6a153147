import { ResponseUrlError } from './errors.ts';
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render/blocks.ts';

/**
 * One way of showing a message to someone. `send` resolves with the message ts when Slack
 * returns one and throws on any failure; deliver.ts decides what to try next.
 */
export interface Target {
  /** For logs: "chat.postMessage", "response_url", … */
  name: string;
  send(msg: SlackMessage): Promise<string | undefined>;
}

type Client = webApi.WebClient;

/** Message metadata (Slack's `metadata` argument): lets a later conversations.history find the post. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string>;
}

/** A visible message in a channel or DM, optionally in a thread, optionally carrying metadata. */
export function channelPost(client: Client, channel: string, threadTs?: string, metadata?: MessageMetadata): Target {
  return {
    name: 'chat.postMessage',
    async send(msg) {
      const res = await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...(metadata ? { metadata } : {}), ...payload(msg) });
      return res.ts;
    },
  };
}

/** A message only `user` sees (it vanishes on reload; the bot must be able to see the channel). */
export function ephemeralPost(client: Client, channel: string, user: string, threadTs?: string): Target {
  return {
    name: 'chat.postEphemeral',
    async send(msg) {
      await client.chat.postEphemeral({ channel, user, ...(threadTs ? { thread_ts: threadTs } : {}), ...payload(msg) });
      return undefined;
    },
  };
}

/** Replace an earlier message. Blocks and attachments are always sent so nothing stale survives. */
export function messageUpdate(client: Client, channel: string, ts: string): Target {
  return {
    name: 'chat.update',
    async send(msg) {
      await client.chat.update({ channel, ts, text: msg.text, blocks: (msg.blocks ?? []) as never, attachments: (msg.attachments ?? []) as never });
      return ts;
    },
  };
}

/**
 * The response_url of a slash command or button click: works in channels the bot is not in, for
 * 30 minutes. `replace_original: false` is explicit because a click response would otherwise
 * replace the message that was clicked. Gives up after `timeoutMs` (PLATFORM_TIMEOUT_SECONDS).
 */
export function responseUrl(url: string, responseType: 'ephemeral' | 'in_channel', timeoutMs: number, replaceOriginal = false): Target {
  return {
    name: 'response_url',
    async send(msg) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: responseType, replace_original: replaceOriginal, ...payload(msg) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.text();
      if (!res.ok) throw new ResponseUrlError(res.status, body, retryAfter(res.headers.get('retry-after')));
      // Slack answers "ok", or JSON with ok:false for some rejections.
      if (body.trim().startsWith('{')) {
        let parsed: { ok?: boolean; error?: string } | undefined;
        try {
          parsed = JSON.parse(body) as { ok?: boolean; error?: string };
        } catch {
          parsed = undefined;
        }
        if (parsed?.ok === false) throw new ResponseUrlError(res.status, parsed.error ?? body);
      }
      return undefined;
    },
  };
}

function payload(msg: SlackMessage): { text: string; blocks?: never; attachments?: never } {
  // The client's argument types lag behind Block Kit (the table block); our own types are checked in render/.
  return { text: msg.text, ...(msg.blocks ? { blocks: msg.blocks as never } : {}), ...(msg.attachments ? { attachments: msg.attachments as never } : {}) };
}

function retryAfter(header: string | null): number | undefined {
  const n = Number.parseInt(header ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
