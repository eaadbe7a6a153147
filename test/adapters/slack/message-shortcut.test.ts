/**
 * The "Explain with Tutor" message shortcut through the real Bolt app: the message's text is
 * answered like a question, privately, to the person who used the shortcut.
 */
import { expect, test } from 'vitest';
import { useHarness } from './helpers/harness.ts';

const h = useHarness();

const shortcut = (text: string, respond = 'sc') => ({
  type: 'message_action',
  callback_id: 'explain_with_tutor',
  trigger_id: '123.456.abc',
  response_url: h.fake.responseUrl(respond),
  action_ts: '1700000000.000001',
  token: 'x',
  team: { id: 'T0001TEST', domain: 'example' },
  channel: { id: 'C2147483705', name: 'general' },
  user: { id: 'U0READER1', name: 'reader', team_id: 'T0001TEST' },
  message_ts: '1700000000.000100',
  message: { type: 'message', user: 'U0AUTHOR1', ts: '1700000000.000100', text },
});

test("a message's text is matched and answered ephemerally to the person who asked", async () => {
  await h.click(shortcut('hmm, should we use a &lt;VM&gt; or containers vs vms for this?'));
  expect(h.fake.posts.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  const sent = h.fake.responses.filter((r) => r.id === 'sc');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body.response_type).toBe('ephemeral');
  const body = JSON.stringify(sent[0]!.body);
  expect(body).toContain(h.app.tutor.pack.byId.get('containers-vs-vms')!.title);
});

test('when the response_url and ephemeral both fail, the answer goes to their DM with the bot', async () => {
  h.fake.script('respond:sc2', { status: 404, body: 'expired' });
  h.fake.script('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
  await h.click(shortcut('what is a volume', 'sc2'));
  const dm = h.fake.of('chat.postMessage');
  expect(dm).toHaveLength(1);
  expect(dm[0]!.args.channel).toBe('U0READER1');
  expect(JSON.stringify(dm[0]!.args)).toMatch(/Volume/);
});
