import { createHmac } from 'node:crypto';

/** Slack's request signature (v0) for a body sent at `timestamp` (Unix seconds). */
export function sign(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
