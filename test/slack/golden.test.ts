/**
 * Comparison answers as Slack receives them, kept as golden Block Kit JSON:
 * - golden/docker-vs-vm.json: `/tutor docker vs vm` answered from the shipped content (content/),
 *   what a real workspace sees;
 * - golden/comparison.json: the small fixture pack's containers-vs-vms entry.
 * Paste either file into Slack's Block Kit Builder to see the message. After an intended
 * rendering or content change, review the diff and update with `npx vitest run -u test/slack`.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

const SHIPPED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

/** Ask with /tutor and return what Slack was sent, after checking the table is where Slack wants it. */
async function answer(h: Harness, text: string): Promise<string> {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text, response_url: h.fake.responseUrl('golden') });
  const { blocks, attachments } = h.fake.responses[0]!.body;
  // Exactly one table block, and only in attachments.
  expect(JSON.stringify(blocks)).not.toContain('"table"');
  expect(attachments).toHaveLength(1);
  return `${JSON.stringify({ blocks, attachments }, null, 2)}\n`;
}

describe('the shipped content', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CONTENT_DIR: SHIPPED_CONTENT });
  });
  afterAll(async () => {
    await h.close();
  });

  test('"docker vs vm" matches the golden Block Kit JSON', async () => {
    await expect(await answer(h, 'docker vs vm')).toMatchFileSnapshot('./golden/docker-vs-vm.json');
  });
});

describe('the fixture pack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  test('the Docker-vs-VM style comparison answer matches the golden Block Kit JSON', async () => {
    await expect(await answer(h, 'explain containers-vs-vms')).toMatchFileSnapshot('./golden/comparison.json');
  });
});
