/**
 * End-to-end through real Bolt: signed Slack requests in, calls to the fake Slack API out.
 */
import { describe, expect, test } from 'vitest';
import { encodeAction } from '../../../src/index.ts';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { fixture, useHarness } from './helpers/harness.ts';
import { dm, headerOf, mention, slashFieldsFor } from './helpers/requests.ts';

const h = useHarness();

const slashFields = slashFieldsFor(h);

function click(value: string, label: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[]; container: Record<string, unknown> }>('block-actions.json');
  return {
    ...p,
    response_url: h.fake.responseUrl('click'),
    container: { ...p.container, ...container },
    actions: [{ ...p.actions[0], text: { type: 'plain_text', text: label, emoji: true }, value }],
    ...extra,
  };
}

const button = (text: string, id: number, value: string, primary = false) => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: `tutor:${id}`,
  value,
  ...(primary ? { style: 'primary' } : {}),
});
const menu = (...options: [string, string][]) => ({
  type: 'actions',
  elements: [
    {
      type: 'static_select',
      action_id: 'tutor:menu',
      placeholder: { type: 'plain_text', text: 'Related topics' },
      options: options.map(([text, value]) => ({ text: { type: 'plain_text', text }, value })),
    },
  ],
});
const thumbs = (id: string) => ({
  type: 'context_actions',
  elements: [
    {
      type: 'feedback_buttons',
      action_id: 'tutor:feedback',
      positive_button: { text: { type: 'plain_text', text: '👍' }, value: `f:${id}:u`, accessibility_label: 'This answer was helpful' },
      negative_button: { text: { type: 'plain_text', text: '👎' }, value: `f:${id}:d`, accessibility_label: 'This answer was not helpful' },
    },
  ],
});

/** The fixture pack's volume answer as a first answer: the summary, three continue buttons (and Share), the related menu, 👍/👎. */
const volumeBlocks = (share: boolean) => [
  { type: 'header', text: { type: 'plain_text', text: 'Volumes' } },
  { type: 'section', text: { type: 'mrkdwn', text: 'A volume is storage managed by Docker that outlives any one container.' } },
  {
    type: 'actions',
    elements: [
      button('Explain more', 0, 'm:volume'),
      button('Show an example', 1, 'x:volume'),
      button('Quiz me on this', 2, 'q:volume'),
      ...(share ? [button('Share in channel', 3, 's:volume', true)] : []),
    ],
  },
  menu(['Containers vs virtual machines', 'c:containers-vs-vms']),
  thumbs('volume'),
];
const volumeText = 'Volumes: A volume is storage managed by Docker that outlives any one container.';

/**
 * The fixture pack's comparison answer. Slack takes a table block only in an attachment, shown
 * below a message's blocks, so the whole answer is in the attachment, in reading order: title,
 * summary, caption and table, and only then the buttons.
 */
const comparisonText = 'Containers vs virtual machines: Containers share the host kernel; virtual machines each run their own.';
const cells = (...texts: string[]) => texts.map((text) => ({ type: 'raw_text', text }));
const comparisonAttachments = (share: boolean) => [
  {
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Containers vs virtual machines' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Containers share the host kernel; virtual machines each run their own.' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '*Containers vs VMs*' }] },
      {
        type: 'table',
        column_settings: [{ is_wrapped: true }, { is_wrapped: true }, { is_wrapped: true }],
        rows: [
          cells('Feature', 'Containers', 'Virtual machines'),
          cells('Kernel', 'Shared with the host', 'Own kernel per VM'),
          cells('Size', 'Megabytes', 'Gigabytes'),
          cells('Startup', 'Seconds', 'Minutes'),
          cells('Isolation', 'Process level', 'Hardware level'),
        ],
      },
      {
        type: 'actions',
        elements: [
          button('Explain more', 0, 'm:containers-vs-vms'),
          button('Quiz me on this', 1, 'q:containers-vs-vms'),
          ...(share ? [button('Share in channel', 2, 's:containers-vs-vms', true)] : []),
        ],
      },
      menu(['Volumes', 'c:volume'], ['Hypervisor', 'c:hypervisor']),
      thumbs('containers-vs-vms'),
    ],
  },
];

describe('slash command', () => {
  test('a question is answered ephemerally through the response_url, with a Share button', async () => {
    expect(await h.slash(slashFields('what is a volume'))).toBe(200);
    expect(h.fake.responses).toEqual([{ id: 'slash', body: { response_type: 'ephemeral', replace_original: false, text: volumeText, blocks: volumeBlocks(true) } }]);
    expect(h.fake.posts).toEqual([]);
  });

  test('the HTTP request is acknowledged before the slow part (posting the answer) finishes', async () => {
    let release!: () => void;
    h.fake.script('respond:slow', { body: 'ok', hold: new Promise<void>((r) => (release = r)) });
    const before = h.adapter.started;
    // The 200 arrives while the answer is still held at the fake response_url.
    expect(await h.post(new URLSearchParams(slashFields('what is a volume', 'slow')).toString(), 'application/x-www-form-urlencoded')).toBe(200);
    release();
    await expect.poll(() => h.adapter.started).toBeGreaterThan(before);
    await h.adapter.idle();
    expect(h.fake.responses.map((r) => r.id)).toEqual(['slow']);
  });

  test('help, topics, explain <typo>, quiz, leaderboard and schedule all answer', async () => {
    const titleOf = async (text: string) => {
      h.fake.responses.length = 0;
      await h.slash(slashFields(text));
      const blocks = h.fake.responses[0]!.body.blocks as { type: string; text?: { text: string } }[];
      return blocks[0]!.text!.text;
    };
    expect(await titleOf('help')).toBe('Container & VM tutor');
    expect(await titleOf('')).toBe('Container & VM tutor');
    expect(await titleOf('topics')).toMatch(/^Topics/);
    expect(await titleOf('explain hypervisr')).toBe('Hypervisor');
    expect(await titleOf('quiz')).toMatch(/^(Quiz|Practice): /);
    expect(await titleOf('leaderboard')).not.toBe('Something went wrong');
    expect(await titleOf('schedule show')).not.toBe('Something went wrong');
  });

  test('<!channel>, <!here> and user mentions echoed back are escaped, so they never ping', async () => {
    await h.slash(slashFields('explain <!channel> <!here> <@U0BOSS> pancakes & syrup'));
    const body = h.fake.responses[0]!.body;
    expect(JSON.stringify(body)).not.toMatch(/<!|<@/);
    expect((body.blocks as { text?: { text: string } }[])[1]!.text!.text).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; pancakes &amp; syrup');
  });

  test('an answer with a comparison table carries exactly one table block, in one attachment, before the buttons', async () => {
    await h.slash(slashFields('container vs vm'));
    expect(h.fake.responses).toEqual([{ id: 'slash', body: { response_type: 'ephemeral', replace_original: false, text: comparisonText, attachments: comparisonAttachments(true) } }]);
  });

  test('an unknown subcommand (/tutor frobnicate) answers with help', async () => {
    await h.slash(slashFields('frobnicate'));
    const blocks = h.fake.responses[0]!.body.blocks as { text?: { text: string } }[];
    expect(headerOf(blocks)).toBe('Container & VM tutor');
    expect(blocks[1]!.text!.text).toMatch(/^I don't know `frobnicate` as a command or a topic\./);
  });

  test('a markdown link in echoed text comes back as typed, never as a clickable Slack link', async () => {
    await h.slash(slashFields('explain [click me](https://evil.example)'));
    const body = h.fake.responses[0]!.body;
    expect(JSON.stringify(body)).not.toContain('<https://evil.example');
    // In a code span: Slack shows the brackets, parentheses and URL literally.
    expect((body.blocks as { text?: { text: string } }[])[1]!.text!.text).toContain('`[click me](https://evil.example)`');
  });
});

describe('mentions and direct messages', () => {
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

  test('Slack re-sending an event it thinks was missed does not double-post', async () => {
    const env = mention(`<@${BOT_USER_ID}> hypervisor`);
    await h.event(env);
    await h.event(env);
    expect(h.fake.of('chat.postMessage')).toHaveLength(1);
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
