/**
 * The comparison answer (the fixture pack's containers-vs-vms entry) as Slack receives it, kept
 * in golden/comparison.json. Paste that file into Slack's Block Kit Builder to see the message.
 * After an intended rendering change, review the diff and update with `npx vitest run -u test/slack`.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

test('the Docker-vs-VM style comparison answer matches the golden Block Kit JSON', async () => {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text: 'explain containers-vs-vms', response_url: h.fake.responseUrl('golden') });
  const { blocks, attachments } = h.fake.responses[0]!.body;
  // Exactly one table block, and only in attachments.
  expect(JSON.stringify(blocks)).not.toContain('"table"');
  expect(attachments).toHaveLength(1);
  await expect(`${JSON.stringify({ blocks, attachments }, null, 2)}\n`).toMatchFileSnapshot('./golden/comparison.json');
});
