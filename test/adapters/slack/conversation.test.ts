/**
 * Conversations through real Bolt and the fake Slack API: follow-ups in a thread and in a DM,
 * small talk, Explain more in place, 👍/👎 with the modal, and hostile text echoed back inert.
 */
import { describe, expect, test } from 'vitest';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { fixture, useHarness } from './helpers/harness.ts';

const h = useHarness();
let seq = 0;

function mention(text: string, extra: Record<string, unknown> = {}) {
  const env = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention.json');
  return { ...env, event_id: `EvConv${++seq}`, event: { ...env.event, text: `<@${BOT_USER_ID}> ${text}`, ...extra } };
}
function dm(text: string, extra: Record<string, unknown> = {}) {
  const env = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im.json');
  return { ...env, event_id: `EvConvDm${++seq}`, event: { ...env.event, text, ts: `1515449600.${String(++seq).padStart(6, '0')}`, ...extra } };
}
function click(value: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, type = 'button') {
  const p = fixture<Record<string, unknown> & { actions: Record<string, unknown>[]; container: Record<string, unknown> }>('block-actions.json');
  return { ...p, response_url: h.fake.responseUrl('click'), container: { ...p.container, ...container }, actions: [{ ...p.actions[0], type, value }], ...extra };
}
type Blocks = { type: string; text?: { text: string }; elements?: unknown[] }[];
const title = (blocks: unknown) => (blocks as Blocks)[0]!.text!.text;
const lastPost = () => h.fake.posts.at(-1)!.args;

describe('follow-ups', () => {
  test('in a thread: "tell me more" and "example?" continue the concept of that thread, for the person who asked', async () => {
    await h.event(mention('what is a volume?', { ts: '1515450000.000001' }));
    expect(title(lastPost().blocks)).toBe('Volumes');
    await h.event(mention('tell me more', { ts: '1515450000.000002', thread_ts: '1515450000.000001' }));
    expect(lastPost()).toMatchObject({ thread_ts: '1515450000.000001' });
    expect(title(lastPost().blocks)).toBe('Volumes: in more depth');
    await h.event(mention('example?', { ts: '1515450000.000003', thread_ts: '1515450000.000001' }));
    expect(title(lastPost().blocks)).toBe('Volumes: example');
    expect(JSON.stringify(lastPost().blocks)).toContain('docker volume create app-data');
    // Another thread is another conversation.
    await h.event(mention('tell me more', { ts: '1515450100.000001', thread_ts: '1515450099.000001' }));
    expect(title(lastPost().blocks)).toBe('More about what?');
    // Someone else in the first thread has not asked anything yet.
    await h.event(mention('tell me more', { ts: '1515450000.000004', thread_ts: '1515450000.000001', user: 'U0SOMEONE' }));
    expect(title(lastPost().blocks)).toBe('More about what?');
  });

  test('in a DM: a follow-up names a new concept and the conversation moves there', async () => {
    await h.event(dm('what is a volume'));
    await h.event(dm('and for VMs?'));
    // The fixture pack's VM entry is the hypervisor.
    expect(title(lastPost().blocks)).toBe('Hypervisor');
    await h.event(dm('why?'));
    expect(title(lastPost().blocks)).toBe('Hypervisor: in more depth');
  });

  test('small talk gets one short line, not the command list', async () => {
    for (const text of ['thanks!', 'ok', 'lol', 'hello']) {
      await h.event(dm(text));
      const blocks = lastPost().blocks as Blocks;
      expect(
        blocks.map((b) => b.type),
        text,
      ).toEqual(['section']);
      expect(blocks[0]!.text!.text, text).not.toContain('leaderboard');
    }
    await h.event(dm("you're wrong"));
    expect((lastPost().blocks as Blocks)[0]!.text!.text).toContain('👎');
    await h.event(dm('hello'));
    expect((lastPost().blocks as Blocks)[0]!.text!.text).toContain('`/tutor help`');
  });
});

describe('continuing in place', () => {
  test('Explain more on an ephemeral answer replaces it; on a public answer it replies in the thread', async () => {
    await h.click(click('m:volume'));
    expect(h.fake.responses).toHaveLength(1);
    expect(h.fake.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(title(h.fake.responses[0]!.body.blocks)).toBe('Volumes: in more depth');

    await h.click(
      click(
        'x:volume',
        { is_ephemeral: false, channel_id: 'C0LAN2Q65', message_ts: '1515449700.000001' },
        {
          channel: { id: 'C0LAN2Q65', name: 'general' },
          message: { type: 'message', ts: '1515449700.000001', thread_ts: '1515449522.000016', bot_id: 'BBOT0001', text: 'x' },
        },
      ),
    );
    expect(h.fake.posts.map((c) => [c.method, c.args.thread_ts])).toEqual([['chat.postMessage', '1515449522.000016']]);
    expect(title(lastPost().blocks)).toBe('Volumes: example');
  });

  test('a related topic picked from the menu in a DM updates that message', async () => {
    const pick: Record<string, unknown> = {
      ...click(
        '',
        { is_ephemeral: false, channel_id: 'D0PNCRP9N', message_ts: '1515449601.000001' },
        { channel: { id: 'D0PNCRP9N', name: 'directmessage' }, message: { type: 'message', ts: '1515449601.000001', bot_id: 'BBOT0001', text: 'x' } },
        'static_select',
      ),
    };
    pick.actions = [{ type: 'static_select', action_id: 'tutor:menu', block_id: 'b1', selected_option: { text: { type: 'plain_text', text: 'Hypervisor' }, value: 'c:hypervisor' }, action_ts: '1' }];
    await h.click(pick);
    expect(h.fake.posts.map((c) => [c.method, c.args.ts])).toEqual([['chat.update', '1515449601.000001']]);
    expect(title(lastPost().blocks)).toBe('Hypervisor');
  });
});

describe('was this helpful?', () => {
  test('👍 is stored; 👎 opens a modal whose note is stored with the question and concept, never the user', async () => {
    await h.event(dm('what is a hypervisor'));
    await h.click(
      click(
        'f:hypervisor:u',
        { channel_id: 'D0PNCRP9N', is_ephemeral: false },
        { channel: { id: 'D0PNCRP9N', name: 'directmessage' }, user: { id: 'U061F7AUR', team_id: 'T0001TEST' } },
        'feedback_buttons',
      ),
    );
    expect(JSON.stringify(lastPost().blocks)).toContain('glad it helped');

    await h.click(
      click(
        'f:hypervisor:d',
        { channel_id: 'D0PNCRP9N', is_ephemeral: false },
        { channel: { id: 'D0PNCRP9N', name: 'directmessage' }, user: { id: 'U061F7AUR', team_id: 'T0001TEST' } },
        'feedback_buttons',
      ),
    );
    const [open] = h.fake.of('views.open');
    expect(open!.args.trigger_id).toBe('12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3');
    const view = (typeof open!.args.view === 'string' ? JSON.parse(open!.args.view) : open!.args.view) as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: { type: string }[];
    };
    expect(view.callback_id).toBe('tutor:form');
    expect(view.title.text).toBe('What were you looking…');
    expect(view.blocks.map((b) => b.type)).toEqual(['input']);

    await h.click({
      type: 'view_submission',
      team: { id: 'T0001TEST', domain: 'example' },
      user: { id: 'U061F7AUR', username: 'ada', name: 'ada', team_id: 'T0001TEST' },
      api_app_id: 'A0TUTOR01',
      token: 'x',
      trigger_id: '1.2.3',
      view: {
        id: 'V0001',
        type: 'modal',
        callback_id: 'tutor:form',
        private_metadata: view.private_metadata,
        state: { values: { note: { note: { type: 'plain_text_input', value: 'How type 1 differs from type 2' } } } },
        hash: 'h',
        team_id: 'T0001TEST',
        app_id: 'A0TUTOR01',
        bot_id: 'BBOT0001',
        blocks: [],
      },
    });
    expect(JSON.stringify(lastPost().blocks)).toContain('Thanks for telling me');
    const report = await h.app.store.feedbackReport(5);
    expect(report).toEqual([{ conceptId: 'hypervisor', up: 1, down: 1, notes: [{ question: 'what is a hypervisor', note: 'How type 1 differs from type 2', at: expect.any(Number) }] }]);
    expect(JSON.stringify(report)).not.toContain('U061F7AUR');
  });
});

test('when Slack will not open the modal, the clicker is told to try again', async () => {
  h.fake.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
  await h.click(click('f:volume:d'));
  expect(title(h.fake.responses[0]!.body.blocks)).toBe('Please try again');
});

describe('hostile echoes', () => {
  test('markdown, backticks, masked links and bidi overrides come back inert', async () => {
    await h.slash({
      ...fixture<Record<string, string>>('slash-command.json'),
      text: 'explain *free* _nitro_ ~now~ ``` [claim](https://evil.example) \u202Egnp.exe',
      response_url: h.fake.responseUrl('echo'),
    });
    const [text, hint] = (h.fake.responses[0]!.body.blocks as Blocks)[1]!.text!.text.split('\n\n');
    expect(hint).toContain('`/tutor topics`');
    // One code span, nothing inside able to close it, no direction override, no Slack link.
    expect(text).toBe("I couldn't match `*free* _nitro_ ~now~ ʼʼʼ [claim](https://evil.example) gnp.exe` to anything I teach.");
    expect(JSON.stringify(h.fake.responses[0]!.body)).not.toContain('<https://');
    expect(JSON.stringify(h.fake.responses[0]!.body)).not.toContain('\\u202e');
  });
});
