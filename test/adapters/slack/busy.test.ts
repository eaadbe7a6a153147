/**
 * A full work queue: requests beyond it are still acknowledged, and get a short "busy, try again"
 * answer instead of waiting; every request gets exactly one answer.
 */
import { afterEach, expect, it } from 'vitest';
import { BUSY_TEXT } from '../../../adapters/slack/busy.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
});

const mention = (n: number) => {
  const env = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  return { ...env, event_id: `EvBusy${n}`, event: { ...env.event, text: '<@UBOT0001> what is a volume?', ts: `1515449522.00010${n}` } };
};

it('one at work, one waiting, the third is told to try again; all three were acknowledged', async () => {
  h = await startHarness({}, {}, { tasks: { concurrency: 1, queue: 1 } });
  let release!: () => void;
  h.fake.script('chat.postMessage', { hold: new Promise<void>((r) => (release = r)), body: { ok: true, ts: '1515449600.000001' } });
  const statuses = [];
  for (let n = 1; n <= 3; n++) statuses.push(await h.post(JSON.stringify(mention(n)), 'application/json'));
  expect(statuses).toEqual([200, 200, 200]);
  await expect.poll(() => h!.fake.of('chat.postMessage').some((c) => c.args.text === BUSY_TEXT), { timeout: 5000, interval: 10 }).toBe(true);
  release();
  await expect.poll(() => h!.fake.of('chat.postMessage').length, { timeout: 5000, interval: 10 }).toBe(3);
  await h.adapter.idle();
  const byThread = h.fake.of('chat.postMessage').map((c) => [c.args.thread_ts, c.args.text === BUSY_TEXT ? 'busy' : 'answer']);
  expect(byThread.sort()).toEqual([
    ['1515449522.000101', 'answer'],
    ['1515449522.000102', 'answer'],
    ['1515449522.000103', 'busy'],
  ]);
  expect(h.logs.filter((l) => l.msg === 'busy: request turned away')).toHaveLength(1);
});
