/**
 * End-to-end through real Bolt: signed Slack requests in, calls to the fake Slack API out.
 * The app-mention listener: @tutor in a channel.
 */
import { describe, expect, test } from 'vitest';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { useHarness } from './helpers/harness.ts';
import { volumeBlocks, volumeText } from './helpers/answers.ts';
import { mention } from './helpers/requests.ts';

const h = useHarness();

describe('mentions', () => {
  test('a mention in a channel is answered visibly in a thread under the message', async () => {
    await h.event(mention(`<@${BOT_USER_ID}> what is a volume?`));
    expect(h.fake.posts).toEqual([
      { method: 'chat.postMessage', token: 'xoxb-test-token', args: { team_id: 'T0001TEST', channel: 'C0LAN2Q65', thread_ts: '1515449522.000016', text: volumeText, blocks: volumeBlocks(false) } },
    ]);
  });

  test('a mention inside a thread answers in that thread', async () => {
    await h.event(mention(`<@${BOT_USER_ID}> hypervisor`, { ts: '1515449999.000001', thread_ts: '1515449000.000001' }));
    expect(h.fake.posts.map((c) => c.args.thread_ts)).toEqual(['1515449000.000001']);
  });

  test('a mention with <!here> echoes it escaped', async () => {
    await h.event(mention(`<@${BOT_USER_ID}> explain <!here> flapjacks`));
    const json = JSON.stringify(h.fake.posts.map((c) => c.args));
    expect(json).toContain('&lt;!here&gt; flapjacks');
    expect(json).not.toContain('<!here>');
  });

  test('Slack re-sending an event it thinks was missed does not double-post', async () => {
    const env = mention(`<@${BOT_USER_ID}> hypervisor`);
    await h.event(env);
    await h.event(env);
    expect(h.fake.of('chat.postMessage')).toHaveLength(1);
  });
});
