/**
 * Rendering rules that are easier to pin down without a server: mrkdwn conversion, escaping,
 * incoming-text cleanup, tables, quizzes and truncation.
 */
import { describe, expect, test } from 'vitest';
import { encodeAction, type Reply } from '../../../src/index.ts';
import { apiBase, createBolt } from '../../../adapters/slack/bolt.ts';
import { renderReply, renderTextOnly } from '../../../adapters/slack/render/index.ts';
import { clip, Truncations } from '../../../adapters/slack/render/limits.ts';
import { escapeMrkdwn, toMrkdwn } from '../../../adapters/slack/render/mrkdwn.ts';
import { monospaceTable, tableBlock } from '../../../adapters/slack/render/table.ts';
import { normalizeIncoming, wantsChannelManagement } from '../../../adapters/slack/text.ts';
import { parseConfig, silentLogger } from '../../../src/index.ts';

const reply = (extra: Partial<Reply>): Reply => ({ kind: 'answer', paragraphs: [], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: 'fallback', ...extra });

describe('core markdown to Slack mrkdwn', () => {
  test.each([
    ['**bold** and _italic_', '*bold* and _italic_'],
    ['use `docker **run**` & <stuff>', 'use `docker **run**` &amp; &lt;stuff&gt;'],
    ['~~old~~', '~old~'],
    ['## Heading', '*Heading*'],
    ['<!channel> <!here> <@U123> <#C1> <https://evil|click>', '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1&gt; &lt;https://evil|click&gt;'],
    ['```bash\necho <hi>\n```', '```\necho &lt;hi&gt;\n```'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', '```\n| a | b |\n| 1 | 2 |\n```'],
  ])('%j -> %j', (input, expected) => {
    expect(toMrkdwn(input)).toBe(expected);
  });

  test('markdown links become Slack links only when asked (content text), never by default', () => {
    const md = 'see [the docs](https://docs.docker.com/a?b=1&c=2)';
    expect(toMrkdwn(md, { links: true })).toBe('see <https://docs.docker.com/a?b=1&amp;c=2|the docs>');
    expect(toMrkdwn(md)).toBe('see [the docs](https://docs.docker.com/a?b=1&amp;c=2)');
  });

  test('a question quoted back (no-match) keeps its link as typed; a content answer converts it', () => {
    const typed = 'explain [click me](https://evil.example)';
    const noMatch = renderReply(reply({ kind: 'no-match', fallback: `No match for ${typed}`, paragraphs: [`I couldn't match "${typed}" to anything I teach.`] }));
    expect(JSON.stringify(noMatch)).not.toContain('<https://evil.example');
    expect((noMatch.blocks![0] as { text: { text: string } }).text.text).toBe(`I couldn't match "${typed}" to anything I teach.`);
    expect(renderTextOnly(reply({ kind: 'notice', paragraphs: [typed] })).text).toBe(typed);
    const answer = renderReply(reply({ kind: 'answer', paragraphs: ['See [the docs](https://docs.docker.com/)'] }));
    expect((answer.blocks![0] as { text: { text: string } }).text.text).toBe('See <https://docs.docker.com/|the docs>');
  });

  test('escaping is & first, so entities are not double-read', () => {
    expect(escapeMrkdwn('&lt; is <')).toBe('&amp;lt; is &lt;');
  });
});

describe('incoming Slack text', () => {
  test('the bot mention is removed and Slack escapes decoded', () => {
    expect(normalizeIncoming('<@UBOT0001> what is &lt;b&gt; &amp; <https://docker.com|docker.com>?', 'UBOT0001')).toBe('what is <b> & docker.com?');
    expect(normalizeIncoming('  <@UBOT0001|tutor>   explain   volumes ', 'UBOT0001')).toBe('explain volumes');
    expect(normalizeIncoming('<@UOTHER> knows <http://x.io>', 'UBOT0001')).toBe('<@UOTHER> knows http://x.io');
  });

  test('only schedule commands need the user looked up', () => {
    expect(wantsChannelManagement('schedule weekdays 09:00 Europe/Berlin')).toBe(true);
    expect(wantsChannelManagement('/schedule off')).toBe(true);
    expect(wantsChannelManagement('what is a schedule?')).toBe(false);
  });
});

describe('tables', () => {
  test('empty cells become a dash (Slack rejects empty cells); ragged rows are filled', () => {
    const t = tableBlock({ headers: ['A', 'B', 'C'], rows: [['x', '', '  '], ['y']] }, new Truncations());
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['A', 'B', 'C'],
      ['x', '—', '—'],
      ['y', '—', '—'],
    ]);
    expect(t.column_settings).toEqual([{ is_wrapped: true }, { is_wrapped: true }, { is_wrapped: true }]);
  });

  test('at most 100 rows (header included) and 20 cells per row, and it says so', () => {
    const trunc = new Truncations();
    const t = tableBlock({ headers: Array.from({ length: 24 }, (_, i) => `H${i}`), rows: Array.from({ length: 150 }, (_, i) => Array.from({ length: 24 }, (_, j) => `${i}.${j}`)) }, trunc);
    expect(t.rows).toHaveLength(100);
    expect(t.rows.every((r) => r.length === 20)).toBe(true);
    expect(trunc.toString()).toBe('…truncated: showing 20 of 24 table columns; showing 99 of 150 table rows.');
  });

  test('markdown in headers and cells is shown as plain text, in the table block and in monospace', () => {
    const t = { headers: ['**Feature**', '`docker`'], rows: [['`docker run`', '_fast_ start']] };
    expect(tableBlock(t, new Truncations()).rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Feature', 'docker'],
      ['docker run', 'fast start'],
    ]);
    expect(monospaceTable(t, 3000, new Truncations())).toBe(['```', 'Feature    | docker', '-----------+-----------', 'docker run | fast start', '```'].join('\n'));
  });

  test('the monospace fallback is aligned and wraps long cells inside their column', () => {
    const text = monospaceTable(
      { headers: ['Feature', 'Containers'], rows: [['Isolation', 'Process-level isolation by the OS kernel using namespaces and cgroups together in one host']] },
      3000,
      new Truncations(),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('```');
    expect(lines.at(-1)).toBe('```');
    expect(lines.slice(1, -1).every((l) => l.length <= 72)).toBe(true);
    expect(lines[3]).toMatch(/^Isolation \| Process-level/);
  });
});

describe('clip', () => {
  test('never splits an emoji (a surrogate pair) at the cut', () => {
    // 'ab' + 🐳 (two UTF-16 units): a cut after 3 units would keep only the high half.
    const text = 'ab\u{1F433}cdef';
    expect(clip(text, 4)).toBe('ab…');
    expect(clip(text, 5)).toBe('ab\u{1F433}…');
    expect(clip('x'.repeat(10), 5)).toBe('xxxx…');
    for (let max = 2; max < 30; max++) expect(clip('\u{1F433}'.repeat(20), max)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('replies', () => {
  test('quiz choices too long for a button are listed in full above the buttons', () => {
    const long = 'All containers on a host share the host kernel, while each VM runs its own kernel';
    const msg = renderReply(
      reply({
        kind: 'quiz-question',
        title: 'Quiz: Kernels',
        paragraphs: ['Which is true?'],
        quiz: {
          prompt: 'Which is true?',
          conceptId: 'k',
          conceptTitle: 'Kernels',
          choices: [`A. ${long}`, 'B. Short'].map((label, i) => ({ label, action: encodeAction({ type: 'practice-answer', itemId: 'k-q1', choice: i }) })),
        },
      }),
    );
    expect(msg.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Quiz: Kernels' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Which is true?' } },
      { type: 'section', text: { type: 'mrkdwn', text: `A. ${long}\nB. Short` } },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'A. All containers on a host share the host kernel, while each VM runs its…' }, action_id: 'tutor:0', value: 'p:k-q1:0' },
          { type: 'button', text: { type: 'plain_text', text: 'B. Short' }, action_id: 'tutor:1', value: 'p:k-q1:1' },
        ],
      },
    ]);
  });

  test('leaderboards may mention people by stored id; typed mentions and broadcasts stay escaped', () => {
    const line = '1. <@U012ABCDEF> 3 points <!channel>';
    const text = (kind: Reply['kind']) => (renderReply(reply({ kind, paragraphs: [line] })).blocks![0] as { text: { text: string } }).text.text;
    expect(text('leaderboard')).toBe('1. <@U012ABCDEF> 3 points &lt;!channel&gt;');
    expect(text('no-match')).toBe('1. &lt;@U012ABCDEF&gt; 3 points &lt;!channel&gt;');
  });

  test('the notification text is escaped too', () => {
    expect(renderReply(reply({ fallback: 'No match for <!channel>' })).text).toBe('No match for &lt;!channel&gt;');
  });

  test('an over-long body is cut with a "…truncated" note, never silently', () => {
    const msg = renderReply(reply({ title: 'Long', paragraphs: Array.from({ length: 30 }, (_, i) => `${i} ${'word '.repeat(200)}`) }));
    const texts = msg.blocks!.map((b) => JSON.stringify(b));
    expect(texts.at(-1)).toContain('…truncated: the answer is too long for one Slack message');
  });

  test('text-only fallback names the buttons it cannot show', () => {
    const msg = renderTextOnly(reply({ title: 'T', paragraphs: ['**p**'], related: [{ label: 'Volumes', action: 'c:volume' }] }));
    expect(msg).toEqual({ text: '*T*\n\n*p*\n\nRelated: Volumes' });
  });
});

describe('Bolt set-up', () => {
  const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

  test('HTTP mode by default; Socket Mode when an app-level token is set', () => {
    expect(createBolt(parseConfig(env).slack!, silentLogger).receiver).toBeDefined();
    expect(createBolt(parseConfig({ ...env, SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' }).slack!, silentLogger).receiver).toBeUndefined();
  });

  test('the Web API base URL always ends with a slash', () => {
    expect(apiBase(undefined)).toBe('https://slack.com/api/');
    expect(apiBase('http://127.0.0.1:9/api')).toBe('http://127.0.0.1:9/api/');
  });
});

describe('long bodies', () => {
  test('are split into sections at paragraph boundaries, each within 3,000 characters', () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => `Paragraph ${i}. ${'word '.repeat(150).trim()}.`);
    const reply: Reply = { kind: 'answer', title: 'T', paragraphs, code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: 'f' };
    const sections = (renderReply(reply).blocks ?? []).filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s).toMatch(/^Paragraph \d+\./);
      expect(s.endsWith('.')).toBe(true);
    }
    expect(sections.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });
});
