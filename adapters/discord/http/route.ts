import type { Client } from 'discord.js';
import type { Clock, Logger } from '../../../src/index.ts';
import type { BodyRoute, RouteResponse } from '../../http/routes.ts';
import type { FirstResponses } from './first-response.ts';
import { checkSignature, publicKeyFromHex } from './verify.ts';

const INTERACTIONS_PATH = '/discord/interactions';

const PING = 1;
const PONG = 1;

export interface InteractionsRouteOptions {
  client: Client;
  publicKey: string;
  firstResponses: FirstResponses;
  clock: Clock;
  log: Logger;
  /** Give up on an interaction no listener answered by then (the listeners defer well before Discord's 3 s). */
  firstResponseTimeoutMs: number;
}

/** discord.js's own gateway path from raw interaction JSON to an InteractionCreate event (not in its typings). */
interface WithActions {
  actions: { InteractionCreate: { handle(data: unknown): void } };
}

const text = (status: number, body: string): RouteResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${body}\n` });

/**
 * POST /discord/interactions: Discord's HTTP interactions endpoint. Every request's signature is
 * checked; PING gets PONG; anything else goes through the same discord.js structures and listeners
 * as a gateway interaction, and the listener's first response becomes the HTTP reply.
 */
export function interactionsRoute(o: InteractionsRouteOptions): BodyRoute {
  const key = publicKeyFromHex(o.publicKey);
  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
    platform: 'discord',
    async handle({ headers, body }) {
      const verdict = checkSignature(key, header(headers['x-signature-ed25519']), header(headers['x-signature-timestamp']), body, o.clock.now().getTime());
      if (!verdict.ok) {
        o.log.warn({ reason: verdict.reason }, 'refused an interaction request');
        return text(401, `invalid request signature (${verdict.reason})`);
      }
      let data: { id?: unknown; type?: unknown };
      try {
        data = JSON.parse(body.toString('utf8'));
      } catch {
        return text(400, 'the body is not JSON');
      }
      if (data.type === PING) return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: PONG }) };
      if (typeof data.id !== 'string') return text(400, 'the interaction has no id');
      const first = o.firstResponses.expect(data.id, o.firstResponseTimeoutMs);
      (o.client as unknown as WithActions).actions.InteractionCreate.handle(data);
      const r = await first;
      if (!r) {
        o.log.warn({ interaction: data.id, type: data.type }, 'no listener answered the interaction in time');
        return text(500, 'the interaction was not answered');
      }
      return { status: 200, headers: { 'content-type': r.contentType }, body: r.body, sent: r.markWritten };
    },
  };
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
