import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../src/index.ts';

/** Slack's replay window: a signed request is only good for five minutes either side of now. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Wraps the HTTP receiver's request listener. Bolt 5.1 verifies the signature (v0:timestamp:body,
 * HMAC-SHA256) and rejects stale timestamps, but accepts ones from the future; a captured request
 * dated ahead could then be replayed for longer. This rejects both directions with a 401 before
 * Bolt reads the body; Bolt's own checks still run on everything let through.
 */
export function guardTimestamps(next: RequestListener, opts: { paths: readonly string[]; log: Logger; now?: () => number }): RequestListener {
  const now = opts.now ?? Date.now;
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'POST' && opts.paths.includes(path)) {
      const raw = req.headers['x-slack-request-timestamp'];
      const ts = Number(Array.isArray(raw) ? raw[0] : raw);
      const skew = Number.isInteger(ts) ? ts - Math.floor(now() / 1000) : NaN;
      if (!Number.isFinite(skew) || Math.abs(skew) > MAX_SKEW_SECONDS) {
        opts.log.warn({ timestamp: raw ?? null, skewSeconds: Number.isFinite(skew) ? skew : null }, 'rejected a Slack request: timestamp missing or more than 5 minutes off');
        req.resume();
        res.writeHead(401).end();
        return;
      }
    }
    next(req, res);
  };
}
