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

class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly retryAfter?: number,
  ) {
    super(`response_url answered ${status}: ${body.slice(0, 200)}`);
  }
}

function payload(msg: SlackMessage): { text: string; blocks?: never; attachments?: never } {
  // The client's argument types lag behind Block Kit (the table block); our own types are checked in render/.
  return { text: msg.text, ...(msg.blocks ? { blocks: msg.blocks as never } : {}), ...(msg.attachments ? { attachments: msg.attachments as never } : {}) };
}

function retryAfter(header: string | null): number | undefined {
  const n = Number.parseInt(header ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** What went wrong, in the terms deliver.ts acts on. */
export interface Failure {
  /**
   * rate-limited: wait and retry once; content: try a simpler rendering; other: try the next target;
   * unknown: the request may have reached Slack (a timeout, a dropped connection, a 5xx), so the
   * message may have been posted: sending it again, another way or as an apology, could double it.
   */
  kind: 'rate-limited' | 'content' | 'other' | 'unknown';
  code: string;
  retryAfter?: number;
}

/** Slack's answers for a message it will not take as built. */
const CONTENT_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'invalid_attachments', 'msg_too_long', 'msg_blocks_too_long', 'too_many_attachments', 'invalid_arguments']);

export function classify(err: unknown): Failure {
  if (err instanceof ResponseUrlError) {
    if (err.status === 429) return { kind: 'rate-limited', code: 'rate_limited', ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}) };
    if (err.status >= 500) return { kind: 'unknown', code: `http_${err.status}` };
    const code = err.body.trim().slice(0, 60) || `http_${err.status}`;
    return { kind: CONTENT_ERRORS.has(code) || /^invalid_/.test(code) ? 'content' : 'other', code };
  }
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e?.code === 'slack_webapi_rate_limited_error') return { kind: 'rate-limited', code: 'ratelimited', ...(typeof e.retryAfter === 'number' ? { retryAfter: e.retryAfter } : {}) };
  if (e?.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    return { kind: CONTENT_ERRORS.has(code) ? 'content' : 'other', code };
  }
  if (e?.code === 'slack_webapi_http_error') return { kind: (e.statusCode ?? 0) >= 500 ? 'unknown' : 'other', code: `http_${e.statusCode ?? 'error'}` };
  if (e?.code === 'slack_webapi_request_error') {
    // The client's timeout, or the connection failing midway; only a refused connection surely sent nothing.
    const original = (err as { original?: { code?: string; message?: string } }).original;
    return { kind: NOT_SENT.has(original?.code ?? '') ? 'other' : 'unknown', code: original?.code ?? original?.message ?? 'request_error' };
  }
  // fetch (response_url): a timeout aborts it; "fetch failed" carries the socket error as its cause.
  const name = (err as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'unknown', code: 'timeout' };
  if (err instanceof TypeError && /fetch failed/.test(err.message)) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? 'fetch_failed';
    return { kind: NOT_SENT.has(cause) ? 'other' : 'unknown', code: cause };
  }
  return { kind: 'other', code: e?.code ?? e?.message ?? String(err) };
}

/** Connection errors that mean the request never left this machine or was never taken by Slack. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'UND_ERR_CONNECT_TIMEOUT']);
