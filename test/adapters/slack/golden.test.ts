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

const SHIPPED_CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));

/**
 * Ask with /tutor and return what Slack was sent, after checking the table is where Slack wants
 * it (one table block, in an attachment) and that the order reads right: Slack shows attachments
 * below a message's blocks, so the whole answer is in the one attachment, title first, the table
 * right after the summary, and every button after the table.
 */
async function answer(h: Harness, text: string): Promise<string> {
  await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text, response_url: h.fake.responseUrl('golden') });
  const { blocks, attachments } = h.fake.responses[0]!.body as { blocks?: unknown; attachments: { blocks: { type: string }[] }[] };
  expect(blocks).toBeUndefined();
  expect(attachments).toHaveLength(1);
  const order = attachments[0]!.blocks.map((b) => b.type);
  expect(order.filter((t) => t === 'table')).toHaveLength(1);
  expect(order.slice(0, 2)).toEqual(['header', 'section']);
  const table = order.indexOf('table');
  const firstAction = order.findIndex((t) => t === 'actions' || t === 'context_actions');
  expect(table).toBeLessThan(firstAction);
  return `${JSON.stringify({ attachments }, null, 2)}\n`;
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
