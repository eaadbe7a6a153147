/**
 * End-to-end through real Bolt: signed Slack requests in, calls to the fake Slack API out.
 * The slash-command listener: `/tutor …`.
 */
import { describe, expect, test } from 'vitest';
import { useHarness } from './helpers/harness.ts';
import { comparisonAttachments, comparisonText, volumeBlocks, volumeText } from './helpers/answers.ts';
import { headerOf, slashFieldsFor } from './helpers/requests.ts';

const h = useHarness();

const slashFields = slashFieldsFor(h);

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
