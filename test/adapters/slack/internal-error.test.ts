/**
 * An internal error while answering: logged with its stack and the request's context (never a
 * token), and the person sees one friendly sentence with no internal detail.
 */
import { afterEach, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/index.ts';
import { fixture, startHarness, type Harness } from './helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
});

it('a failing store: friendly reply, full log line without the token', async () => {
  const store = new SqliteStore(':memory:');
  h = await startHarness({}, { store });
  store.close(); // every query now fails inside the core, as a broken disk would
  const status = await h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text: 'leaderboard', response_url: h.fake.responseUrl('lb') });
  expect(status).toBe(200);
  const shown = JSON.stringify(h.fake.responses.at(-1)?.body ?? h.fake.posts.at(-1)?.args);
  expect(shown).toContain('Sorry, something went wrong on my side');
  expect(shown).not.toMatch(/database|connection|not open|Error/);
  const line = h.logs.find((l) => l.msg === 'internal error while answering')!;
  expect(line).toBeDefined();
  expect(line.level).toBe(50);
  expect(String((line.err as { stack?: string }).stack)).toMatch(/not open[\s\S]*at /);
  expect(line).toMatchObject({ request: { type: 'text', text: 'leaderboard' }, who: { platform: 'slack', userId: expect.any(String), channelId: expect.any(String) } });
  expect(JSON.stringify(h.logs)).not.toContain('xoxb-test-token');
});
