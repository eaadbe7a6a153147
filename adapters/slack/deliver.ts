import { direct, withRetry, type Logger, type Reply } from '../../src/index.ts';
import type { SlackMessage } from './render/blocks.ts';
import { renderVariants, type RenderOptions } from './render/index.ts';
import { clip } from './render/limits.ts';
import { escapeMrkdwn } from './render/mrkdwn.ts';
import { classify } from './errors.ts';
import type { Target } from './targets.ts';
import type { DiagramFiles } from './diagrams.ts';

/** A Retry-After longer than this is not waited out; the person is told instead. */
const MAX_RETRY_WAIT_SECONDS = 30;

export interface Delivery {
  reply: Reply;
  render: RenderOptions;
  /** Where the answer goes, best first. */
  targets: Target[];
  /** Where to say sorry when every target failed. */
  apology: Target[];
  /** What the person asked, echoed in the apology and logged, so it is never lost. */
  question: string;
  who: { userId: string; channelId: string };
  /** Uploads (once) the reply's diagram; without it, or when it gives nothing, the diagram goes as text. */
  diagrams?: DiagramFiles;
}

/**
 * Send a reply: each target in turn, each with the simpler renderings when Slack rejects the
 * content, and one retry after a rate limit. Never throws; when all else fails the person is
 * told and the question is logged. A send whose outcome is unknown (a timeout, a 5xx) ends it
 * there, logged with the question: the person gets at most one answer, never two.
 */
export async function deliver(d: Delivery, log: Logger): Promise<boolean> {
  const diagramFileId = d.reply.diagram && d.diagrams ? await d.diagrams(d.reply.diagram) : undefined;
  const variants = renderVariants(d.reply, diagramFileId ? { ...d.render, diagramFileId } : d.render);
  let lastCode = 'unknown_error';
  for (const target of d.targets) {
    try {
      await sendBest(target, variants, log);
      return true;
    } catch (err) {
      const f = classify(err);
      lastCode = f.code;
      if (f.kind === 'unknown') {
        // It may be in the conversation already: another way, or an apology, could make it two.
        log.error({ target: target.name, code: f.code, question: d.question, kind: d.reply.kind, ...d.who }, 'an answer may not have reached Slack (no reply from Slack); not sending it again');
        return false;
      }
      log.warn({ target: target.name, code: f.code, ...d.who }, 'Slack did not take the answer; trying the next way');
    }
  }
  log.error({ code: lastCode, question: d.question, kind: d.reply.kind, ...d.who }, 'could not deliver an answer to Slack');
  const sorry: SlackMessage = {
    text: `Sorry, I couldn't post my answer (Slack said: ${escapeMrkdwn(lastCode)}).${d.question ? ` You asked: "${escapeMrkdwn(clip(d.question, 300))}".` : ''} Please try again in a moment.`,
  };
  for (const target of d.apology) {
    try {
      await withRateLimitRetry(target, sorry, log);
      return false;
    } catch (err) {
      log.warn({ target: target.name, code: classify(err).code, ...d.who }, 'could not tell the user either');
    }
  }
  return false;
}

/**
 * Try each rendering while Slack rejects the content; any other failure is rethrown at once.
 * A rate limit is waited out once, unless `rateLimitRetry` is false (the caller retries itself).
 */
export async function sendBest(target: Target, variants: SlackMessage[], log: Logger, rateLimitRetry = true): Promise<string | undefined> {
  let last: unknown;
  for (let i = 0; i < variants.length; i++) {
    try {
      return await (rateLimitRetry ? withRateLimitRetry(target, variants[i]!, log) : target.send(variants[i]!));
    } catch (err) {
      const f = classify(err);
      if (f.kind !== 'content') throw err;
      last = err;
      log.warn({ target: target.name, code: f.code, variant: i }, 'Slack rejected the message content; sending a simpler form');
    }
  }
  throw last;
}

/** A rate limit is waited out once (the core's one retry helper); anything else is the caller's. */
function withRateLimitRetry(target: Target, msg: SlackMessage, log: Logger): Promise<string | undefined> {
  const wait = (err: unknown) => classify(err).retryAfter ?? 1;
  return withRetry(direct, () => target.send(msg), {
    attempts: 2,
    retryable: (err) => classify(err).kind === 'rate-limited' && wait(err) <= MAX_RETRY_WAIT_SECONDS,
    delayFor: (_attempt, err) => wait(err) * 1000,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    onRetry: (err) => log.warn({ target: target.name, retryAfter: wait(err) }, 'rate limited by Slack; retrying once'),
  });
}
