/**
 * A Slack event re-sent (x-slack-retry-num) is answered once: after a thousand other events, and
 * after the bot restarted on the same DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

let dir: string;
let h: Harness | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tutor-events-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const mention = (eventId: string, text = '<@UBOT0001> what is a volume?') => {
  const env = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  return { ...env, event_id: eventId, event: { ...env.event, text, ts: `1515449522.${eventId.replace(/\D/g, '').padStart(6, '0')}` } };
};
const answers = (h: Harness) => h.fake.of('chat.postMessage').length;
/** Send an event as Slack would, optionally as a retry, and wait for the work it started. */
async function send(h: Harness, envelope: unknown, retryNum?: number) {
  const before = h.adapter.started;
  const status = await h.post(JSON.stringify(envelope), 'application/json', retryNum ? { headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } } : {});
  expect(status).toBe(200);
  await expect.poll(() => h.adapter.started, { timeout: 5000, interval: 5 }).toBeGreaterThan(before);
  await h.adapter.idle();
}

describe('Slack event de-duplication', () => {
  it('a retry after 1,000 other events is not answered again', async () => {
    h = await startHarness({ DATA_DIR: dir });
    await send(h, mention('EvFIRST1'));
    expect(answers(h)).toBe(1);
    // 1,000 other events straight into the store's memory (as many answered events would leave).
    for (let i = 0; i < 1000; i++) await h.app.store.rememberEvent(`slack:EvOther${i}`, Date.now(), Date.now() - 3_600_000);
    await send(h, mention('EvFIRST1'), 1);
    expect(answers(h)).toBe(1);
  });

  it('a retry after a restart on the same DATA_DIR is not answered again', async () => {
    h = await startHarness({ DATA_DIR: dir });
    await send(h, mention('EvBEFORE1'));
    expect(answers(h)).toBe(1);
    await h.close();
    h = await startHarness({ DATA_DIR: dir });
    await send(h, mention('EvBEFORE1'), 2);
    expect(answers(h)).toBe(0);
    await send(h, mention('EvAFTER1', '<@UBOT0001> what is a hypervisor?'));
    expect(answers(h)).toBe(1);
  });
});
