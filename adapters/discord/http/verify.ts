import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Discord sends a timestamp with every interaction; older or newer than this is refused (replays). */
const MAX_SKEW_MS = 5 * 60_000;

/** The application's public key (64 hex digits from the developer portal) as an Ed25519 key. */
export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Discord signs `timestamp + body` with the application's Ed25519 key (headers X-Signature-Ed25519
 * and X-Signature-Timestamp). The timestamp is in seconds; it must be within 5 minutes of `nowMs`.
 */
export function checkSignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer, nowMs: number): Verdict {
  if (!signature || !timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: 'malformed signature' };
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isFinite(seconds)) return { ok: false, reason: 'malformed timestamp' };
  const valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  if (!valid) return { ok: false, reason: 'bad signature' };
  if (Math.abs(nowMs - seconds * 1000) > MAX_SKEW_MS) return { ok: false, reason: 'stale timestamp' };
  return { ok: true };
}
