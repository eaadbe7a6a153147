/**
 * End-to-end through real Bolt: signed Slack requests in, calls to the fake Slack API out.
 * The button-click listener: buttons and menus on our messages.
 */
import { describe, expect, test } from 'vitest';
import { encodeAction } from '../../../src/index.ts';
import { useHarness } from './helpers/harness.ts';
import { volumeBlocks, volumeText } from './helpers/answers.ts';
import { clickFor, slashFieldsFor } from './helpers/requests.ts';

const h = useHarness();

const slashFields = slashFieldsFor(h);
const click = clickFor(h);

describe('buttons', () => {
  test('a related topic picked on an ephemeral answer replaces that answer in place', async () => {
    await h.click(click(encodeAction({ type: 'explain', conceptId: 'volume' }), 'Volumes'));
    expect(h.fake.responses).toEqual([{ id: 'click', body: { response_type: 'ephemeral', replace_original: true, text: volumeText, blocks: volumeBlocks(true) } }]);
    expect(h.fake.posts).toEqual([]);
  });

  test('a "did you mean" suggestion on a visible message answers only the clicker, in the thread', async () => {
    await h.slash(slashFields('how do hypervisers work with vm monitors'));
    await h.click(
      click(
        encodeAction({ type: 'explain', conceptId: 'hypervisor' }),
        'Hypervisor',
        { is_ephemeral: false, channel_id: 'C0LAN2Q65', message_ts: '1515449700.000001' },
        {
          channel: { id: 'C0LAN2Q65', name: 'general' },
          message: { type: 'message', ts: '1515449700.000001', thread_ts: '1515449522.000016', bot_id: 'BBOT0001', text: 'x' },
        },
      ),
    );
    const [call] = h.fake.posts;
    expect(call!.method).toBe('chat.postEphemeral');
    expect(call!.args).toMatchObject({ channel: 'C0LAN2Q65', user: 'U2147483697', thread_ts: '1515449522.000016' });
    expect((call!.args.blocks as { text?: { text: string } }[])[0]!.text!.text).toBe('Hypervisor');
  });

  test('a quiz: /tutor quiz shows choice buttons; a click replaces the question with the feedback; a second click changes nothing', async () => {
    await h.slash(slashFields('quiz'));
    const question = h.fake.responses[0]!.body as { blocks: { type: string; elements?: { value: string; text: { text: string } }[] }[] };
    const choices = question.blocks.find((b) => b.type === 'actions')!.elements!;
    const itemId = /^p:([a-z0-9-]+):\d:\d+$/.exec(choices[0]!.value)![1]!;
    const item = h.app.tutor.pack.quizById.get(itemId)!;
    const right = choices[item.answerIndex]!;
    h.fake.responses.length = 0;

    await h.click(click(right.value, right.text.text));
    expect(h.fake.responses).toHaveLength(1);
    const feedback = h.fake.responses[0]!.body as { response_type: string; replace_original: boolean; blocks: { type: string; text?: { text: string } }[] };
    expect(feedback.response_type).toBe('ephemeral');
    expect(feedback.replace_original).toBe(true);
    expect(feedback.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Correct!' } });
    expect(feedback.blocks[1]!.text!.text).toContain(item.explanation.replace(/`/g, '`'));
    // The answered choices stay visible as text, the picked one marked; no choice buttons are left.
    expect(JSON.stringify(feedback.blocks)).toContain('(your answer)');
    expect(JSON.stringify(feedback.blocks)).not.toContain(`"value":"${right.value}"`);
    const review = await h.app.store.getReview({ platform: 'slack', userId: 'U2147483697' }, itemId);

    h.fake.responses.length = 0;
    const wrong = choices[(item.answerIndex + 1) % choices.length]!;
    await h.click(click(wrong.value, wrong.text.text));
    const again = h.fake.responses[0]!.body as { replace_original: boolean; blocks: { text?: { text: string } }[] };
    expect(again.replace_original).toBe(false);
    expect(again.blocks[0]!.text!.text).toBe('You already answered');
    expect(await h.app.store.getReview({ platform: 'slack', userId: 'U2147483697' }, itemId)).toEqual(review);
  });

  test('a wrong quiz answer on a visible message goes ephemeral to the clicker with the misconception', async () => {
    const action = encodeAction({ type: 'practice-answer', itemId: 'volume-q1', choice: 0 });
    await h.click(
      click(
        action,
        'A. It is deleted too',
        { is_ephemeral: false, channel_id: 'C0LAN2Q65' },
        { channel: { id: 'C0LAN2Q65', name: 'general' }, message: { type: 'message', ts: '1515449700.000002', text: 'quiz' } },
      ),
    );
    expect(h.fake.posts.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    const { args } = h.fake.posts[0]!;
    expect(args).toMatchObject({ channel: 'C0LAN2Q65', user: 'U2147483697' });
    const blocks = args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Not quite' } });
    expect(blocks[1]!.text!.text).toContain("You picked: It is deleted too\n\n_Only the container's writable layer is removed with the container._\n\n*Answer:* It is kept");
    expect(h.fake.responses).toEqual([]);
  });

  test('"Share in channel" posts the answer visibly, and the private copy becomes a "Shared in #channel" note with no buttons', async () => {
    await h.click(click(encodeAction({ type: 'share', conceptId: 'volume' }), 'Share in channel'));
    const shared = volumeBlocks(false).filter((b) => b.type !== 'context_actions');
    expect(h.fake.posts).toEqual([
      {
        method: 'chat.postMessage',
        token: 'xoxb-test-token',
        args: { team_id: 'T0001TEST', channel: 'C2147483705', text: volumeText, blocks: [...shared, { type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@U2147483697>' }] }] },
      },
    ]);
    expect(h.fake.responses).toEqual([{ id: 'click', body: { response_type: 'ephemeral', replace_original: true, text: 'Shared in <#C2147483705>' } }]);
  });

  test('"Share in channel" on an ephemeral answer inside a thread posts in that thread', async () => {
    // Ephemeral messages come without `message`; only the container knows the thread.
    await h.click(click(encodeAction({ type: 'share', conceptId: 'volume' }), 'Share in channel', { thread_ts: '1515449522.000016' }));
    expect(h.fake.posts.map((c) => [c.method, c.args.channel, c.args.thread_ts])).toEqual([['chat.postMessage', 'C2147483705', '1515449522.000016']]);
  });

  test('sharing where the bot may not post falls back to the response_url, visibly', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await h.click(click(encodeAction({ type: 'share', conceptId: 'hypervisor' }), 'Share in channel'));
    expect(h.fake.of('chat.postMessage')).toHaveLength(1);
    expect(h.fake.responses).toHaveLength(2);
    expect(h.fake.responses[0]!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(h.fake.responses[1]!.body).toMatchObject({ replace_original: true, text: 'Shared in <#C2147483705>' });
  });

  test('a button from an older version gets a clear notice, not an error', async () => {
    await h.click(click('zz:nonsense', 'Old'));
    expect((h.fake.responses[0]!.body.blocks as { text?: { text: string } }[])[0]!.text!.text).toBe('Unknown button');
  });
});

/**
 * Record who reached the real schedule command and whether the adapter said they may manage the
 * channel. The real quiz features still do the work; this only listens in front of them.
 */
