import { markPostError } from '../shared/post-error.ts';

/** How the Slack adapter reads a failure: what deliver.ts does next, and what the core's scheduler retry should do. */

export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly retryAfter?: number,
  ) {
    super(`response_url answered ${status}: ${body.slice(0, 200)}`);
  }
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

/** Web API answers that trying again later will not change: the channel, the token or the app's set-up is the problem. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'team_access_not_granted',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  // A direct message (reminders) to someone the bot cannot reach.
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
]);

/**
 * Mark an error the way the core's withRetry reads it: `retryable: false` for permanent failures
 * (and for rejected content, which only gets here after every simpler rendering failed too), and
 * `retryAfterMs` from a rate limit's Retry-After.
 */
export function forScheduler(err: unknown): unknown {
  const f = classify(err);
  if (f.kind === 'rate-limited') return markPostError(err, { retryAfterMs: (f.retryAfter ?? 1) * 1000 });
  if (f.kind === 'content' || PERMANENT.has(f.code)) return markPostError(err, { giveUp: true });
  return err;
}
