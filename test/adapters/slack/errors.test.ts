/**
 * When Slack says no: Web API errors, rejected content, rate limits and dead response URLs.
 * The user's question is never lost: it is answered another way, or the user is told and it is logged.
 */
import { describe, expect, test } from 'vitest';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { fixture, useHarness } from './helpers/harness.ts';

const h = useHarness();

let seq = 0;
function mention(text: string) {
  const env = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  return { ...env, event_id: `EvErr${++seq}`, event: { ...env.event, text: `<@${BOT_USER_ID}> ${text}` } };
}
const slash = (text: string, id = 'r') => h.slash({ ...fixture<Record<string, string>>('slash-command.json'), text, response_url: h.fake.responseUrl(id) });
const headerOf = (args: Record<string, unknown>) => (args.blocks as { text?: { text: string } }[] | undefined)?.[0]?.text?.text;

describe('Web API errors', () => {
  test('a failed post is logged, the user is told (with their question), and the bot keeps working', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'fatal_error' } });
    await h.event(mention('what is a <volume> & why?'));
    expect(h.fake.posts.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postEphemeral']);
    const apology = h.fake.posts[1]!.args;
    expect(apology).toMatchObject({ channel: 'C0LAN2Q65', user: 'U061F7AUR', thread_ts: '1515449522.000016' });
    expect(apology.text).toBe('Sorry, I couldn\'t post my answer (Slack said: fatal_error). You asked: "what is a &lt;volume&gt; &amp; why?". Please try again in a moment.');
    const error = h.logs.find((l) => l.level === 50);
    expect(error).toMatchObject({ msg: 'could not deliver an answer to Slack', code: 'fatal_error', question: 'what is a <volume> & why?', userId: 'U061F7AUR' });

    h.fake.calls.length = 0;
    await h.event(mention('hypervisor'));
    expect(h.fake.posts.map((c) => [c.method, headerOf(c.args)])).toEqual([['chat.postMessage', 'Hypervisor']]);
  });

  test('when Slack rejects the table attachment, the answer is re-sent with the monospace table', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_attachments' } });
    await h.event(mention('container vs vm'));
    const [first, second] = h.fake.of('chat.postMessage');
    expect(first!.args.attachments).toBeDefined();
    expect(second!.args.attachments).toBeUndefined();
    const sections = (second!.args.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
    const table = sections.join('\n').split('*Containers vs VMs*')[1]!;
    expect(table).toBe(
      [
        '\n\n```',
        'Feature   | Containers           | Virtual machines',
        '----------+----------------------+------------------',
        'Kernel    | Shared with the host | Own kernel per VM',
        'Size      | Megabytes            | Gigabytes',
        'Startup   | Seconds              | Minutes',
        'Isolation | Process level        | Hardware level',
        '```',
      ].join('\n'),
    );
    expect(h.logs.some((l) => l.level === 40 && l.code === 'invalid_attachments')).toBe(true);
  });

  test('when Slack rejects all blocks, a text-only answer still goes out', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } }, { body: { ok: false, error: 'invalid_blocks' } });
    await h.event(mention('container vs vm'));
    const calls = h.fake.of('chat.postMessage');
    expect(calls).toHaveLength(3);
    expect(calls[2]!.args.blocks).toBeUndefined();
    expect(calls[2]!.args.text).toMatch(/^\*Containers vs virtual machines\*\n\n/);
    expect(calls[2]!.args.text).toContain('Related: Volumes, Hypervisor');
  });

  test('a 429 with Retry-After is waited out and retried once with the same message', async () => {
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await h.event(mention('hypervisor'));
    const calls = h.fake.of('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args).toEqual(calls[0]!.args);
    expect(h.logs.some((l) => l.level === 40 && l.msg === 'rate limited by Slack; retrying once' && l.retryAfter === 1)).toBe(true);
    expect(h.logs.some((l) => l.level >= 50)).toBe(false);
  });

  test('a rate-limited response_url is retried once too', async () => {
    h.fake.script('respond:busy', { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
    await slash('hypervisor', 'busy');
    expect(h.fake.responses).toHaveLength(2);
    expect(h.fake.responses[1]!.body).toEqual(h.fake.responses[0]!.body);
  });

  test('an expired response_url falls back to an ephemeral message through the Web API', async () => {
    h.fake.script('respond:gone', { status: 404, body: 'expired_url' });
    await slash('hypervisor', 'gone');
    expect(h.fake.posts.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(h.fake.posts[0]!.args).toMatchObject({ channel: 'C2147483705', user: 'U2147483697' });
    expect(headerOf(h.fake.posts[0]!.args)).toBe('Hypervisor');
  });

  test('when nothing gets through, the question is logged and nothing crashes', async () => {
    h.fake.script('respond:dead', { status: 404, body: 'expired_url' }, { status: 404, body: 'expired_url' });
    h.fake.script('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } }, { body: { ok: false, error: 'channel_not_found' } });
    await slash('what is a hypervisor', 'dead');
    expect(h.logs.find((l) => l.level === 50)).toMatchObject({ msg: 'could not deliver an answer to Slack', question: 'what is a hypervisor' });
    expect(h.logs.filter((l) => l.msg === 'could not tell the user either')).toHaveLength(2);
    h.fake.responses.length = 0;
    await slash('hypervisor', 'alive');
    expect(h.fake.responses.map((r) => r.id)).toEqual(['alive']);
  });

  test('a failed users.info lookup is logged and means "not an admin"', async () => {
    const seen: boolean[] = [];
    const inner = h.app.tutor.quiz;
    h.app.tutor.quiz = {
      practice: (w) => inner.practice(w),
      practiceConcept: (c, w) => inner.practiceConcept(c, w),
      review: (w) => inner.review(w),
      answer: (a, w) => inner.answer(a, w),
      leaderboard: (a, w) => inner.leaderboard(a, w),
      schedule: async (args, who) => (seen.push(Boolean(who.canManageChannel)), inner.schedule(args, who)),
    };
    try {
      h.fake.script('users.info', { body: { ok: false, error: 'user_not_found' } });
      await slash('schedule show');
      expect(seen).toEqual([false]);
      expect(h.logs.some((l) => l.level === 40 && l.msg === 'users.info failed; treating the user as not an admin')).toBe(true);
      expect(h.fake.responses).toHaveLength(1);
    } finally {
      h.app.tutor.quiz = inner;
    }
  });
});
