/**
 * End-to-end through real Bolt: signed Slack requests in, calls to the fake Slack API out.
 * The direct-message listener: a message in a DM with the bot.
 */
import { describe, expect, test } from 'vitest';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { useHarness } from './helpers/harness.ts';
import { comparisonAttachments, comparisonText } from './helpers/answers.ts';
import { dm, headerOf, mention } from './helpers/requests.ts';

const h = useHarness();

describe('direct messages', () => {
  test('bots, the bot itself and edits are ignored', async () => {
    // Bolt drops the bot's own events before any listener; ours drop other bots and edits.
    // A last, ordinary question is sent after them: once it is answered, the others are long done.
    for (const e of [
      mention(`<@${BOT_USER_ID}> what is a volume?`, { user: BOT_USER_ID }),
      mention(`<@${BOT_USER_ID}> what is a volume?`, { bot_id: 'B0OTHER' }),
      mention(`<@${BOT_USER_ID}> what is a volume?`, { edited: { user: 'U061F7AUR', ts: '1515449530.000000' } }),
      dm('what is a volume', { subtype: 'message_changed' }),
      dm('what is a volume', { subtype: 'message_deleted' }),
      dm('what is a volume', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }),
    ]) {
      expect(await h.post(JSON.stringify(e), 'application/json')).toBe(200);
    }
    await h.event(dm('hypervisor'));
    expect(h.fake.posts.map((c) => (c.args.blocks as { text?: { text: string } }[])[0]!.text!.text)).toEqual(['Hypervisor']);
  });

  test('a direct message is answered in the DM, table block included', async () => {
    await h.event(dm('container vs vm'));
    // No "Share in channel" in a DM: it would only post to the same private conversation.
    expect(h.fake.posts).toEqual([
      {
        method: 'chat.postMessage',
        token: 'xoxb-test-token',
        args: { team_id: 'T0001TEST', channel: 'D0PNCRP9N', text: comparisonText, attachments: comparisonAttachments(false) },
      },
    ]);
  });

  test('a DM with a file attached, or a thread reply also sent to the DM, is still a question', async () => {
    await h.event(dm('hypervisor', { subtype: 'file_share', files: [{ id: 'F0001', name: 'notes.txt' }] }));
    await h.event(dm('what is a volume', { subtype: 'thread_broadcast', ts: '1515449700.000200', thread_ts: '1515449600.000100' }));
    expect(h.fake.posts.map((c) => [c.args.thread_ts, headerOf(c.args.blocks)])).toEqual([
      [undefined, 'Hypervisor'],
      ['1515449600.000100', 'Volumes'],
    ]);
  });
});
