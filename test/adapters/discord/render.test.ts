/** The pure renderer: Reply in, discord.js builders out. */
import { describe, expect, it } from 'vitest';
import { encodeAction, type Reply } from '../../../src/index.ts';
import { CONTINUED_NOTE, renderParts, renderReply, SHARE_LABEL, SHORTENED_NOTE, toMessageBody } from '../../../adapters/discord/render/index.ts';
import { truncate } from '../../../adapters/discord/render/limits.ts';
import { GRID_WIDTH, renderTable } from '../../../adapters/discord/render/table.ts';
import { validateMessageBody } from './fake-discord.ts';

const reply = (extra: Partial<Reply> = {}): Reply => ({
  kind: 'answer',
  title: 'T',
  paragraphs: ['p'],
  code: [],
  related: [],
  suggestions: [],
  extra: [],
  audience: 'requester',
  fallback: 'f',
  ...extra,
});
const explain = (i: number, label = `Concept ${i}`) => ({ label, action: encodeAction({ type: 'explain', conceptId: `c-${i}` }) });
const body = (r: Reply, share = false) => toMessageBody(renderReply(r, { share }));
const ids = (b: ReturnType<typeof body>) => b.components.map((row) => row.components.map((c) => (c as { custom_id: string }).custom_id));

describe('tables', () => {
  it('a table is one aligned monospace block in a code block, the caption bold above it', () => {
    const t = renderTable({
      caption: 'Sizes',
      headers: ['What', 'Size'],
      rows: [
        ['Image', 'MBs'],
        ['**VM**', 'GBs'],
      ],
    });
    expect(t.text).toBe('**Sizes**\n```\nWhat  │ Size\n──────┼─────\nImage │ MBs\nVM    │ GBs\n```');
    expect(t.cut).toBe(false);
  });

  it('a wide table stays one block: cells wrap inside their columns, every line within the grid width', () => {
    const t = renderTable({
      caption: 'Compared',
      headers: ['Feature', 'Containers', 'Virtual machines'],
      rows: [['Kernel', 'Shared with the host kernel, always', 'Own kernel per VM, booted by the guest']],
    });
    const lines = t.text.split('\n').slice(2, -1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(GRID_WIDTH);
    expect(lines.length).toBeGreaterThan(3);
    expect(t.text.match(/```/g)).toHaveLength(2);
  });

  it('a column separator stays │ on a line whose last cell has run out of words', () => {
    const t = renderTable({ caption: 'Sizes', headers: ['What', 'A', 'B'], rows: [['Image', 'only the app and its many dependencies', 'MBs']] });
    expect(t.text).not.toContain('|');
    expect(t.text.split('\n').filter((l) => l.endsWith(' │')).length).toBeGreaterThan(0);
  });

  it('sits in the description right after the summary, before any example field', () => {
    const b = body(reply({ paragraphs: ['Intro.'], table: { caption: 'Compared', headers: ['Feature', 'Containers'], rows: [['Kernel', 'Shared']] }, code: [{ caption: 'Run', code: 'ls' }] }));
    expect(b.embeds[0]!.description).toBe('Intro.\n\n**Compared**\n```\nFeature │ Containers\n────────┼───────────\nKernel  │ Shared\n```');
    expect(b.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Run']);
  });

  it('a whitespace-only caption counts as none; backticks in cells cannot close the block', () => {
    expect(renderTable({ caption: ' \n ', headers: ['A', 'B'], rows: [['1', '2```']] }).text).toBe('```\nA │ B\n──┼─────\n1 │ 2ʼʼʼ\n```');
  });

  it('rows that do not fit are counted and marked', () => {
    const t = renderTable({ headers: ['A', 'B'], rows: Array.from({ length: 200 }, (_, i) => [`row ${i}`, 'x'.repeat(30)]) }, 1000);
    expect(t.text.length).toBeLessThanOrEqual(1000);
    expect(t.text).toMatch(/… \d+ more rows\n```$/);
    expect(t.cut).toBe(true);
  });
});

describe('what Discord would reject', () => {
  it('blank captions and an over-long custom_id render into a body the fake Discord accepts', () => {
    const longAction = { label: 'Far too long', action: `c:${'x'.repeat(120)}` };
    const r = reply({ table: { caption: '  ', headers: ['A', 'B'], rows: [['1', '2']] }, code: [{ caption: ' ', code: 'ls' }], related: [explain(1), longAction] });
    const b = body(r);
    expect(validateMessageBody(b)).toBeNull();
    expect(b.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Example']);
    // The button that cannot exist is named in the footer, and the reply is marked as shortened.
    expect(ids(b)).toEqual([['c:c-1']]);
    expect(b.embeds[0]!.footer?.text).toBe(`More: Far too long\n${SHORTENED_NOTE}`);
  });

  it('the fake rejects empty or long field names, long texts and long custom_ids', () => {
    const embed = (e: object) => ({ embeds: [{ title: 'T', ...e }] });
    expect(validateMessageBody(embed({ fields: [{ name: ' ', value: 'v' }] }))).toEqual({ 'fields.name': 'BASE_TYPE_REQUIRED' });
    expect(validateMessageBody(embed({ fields: [{ name: 'n'.repeat(257), value: 'v' }] }))).toEqual({ 'fields.name': 'BASE_TYPE_MAX_LENGTH' });
    expect(validateMessageBody(embed({ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }))).toEqual({ 'fields.value': 'BASE_TYPE_MAX_LENGTH' });
    expect(validateMessageBody(embed({ title: 't'.repeat(257) }))).toEqual({ title: 'BASE_TYPE_MAX_LENGTH' });
    expect(validateMessageBody(embed({ description: 'd'.repeat(4097) }))).toEqual({ description: 'BASE_TYPE_MAX_LENGTH' });
    expect(validateMessageBody({ components: [{ type: 1, components: [{ type: 2, style: 1, label: 'L', custom_id: 'x'.repeat(101) }] }] })).toEqual({ custom_id: 'BASE_TYPE_MAX_LENGTH' });
  });
});

describe('buttons', () => {
  it('rows: quiz choices, the control row (paging, Share at the end), then did-you-mean and related', () => {
    const r = reply({
      suggestions: [explain(1)],
      related: [explain(2), explain(3)],
      extra: [
        { label: '◀ Previous', action: encodeAction({ type: 'topics', page: 1 }) },
        { label: 'Next ▶', action: encodeAction({ type: 'topics', page: 3 }) },
      ],
      share: encodeAction({ type: 'share', conceptId: 'x' }),
    });
    expect(ids(body(r, true))).toEqual([
      ['t:1', 't:3', 's:x'],
      ['c:c-1', 'c:c-2', 'c:c-3'],
    ]);
    expect(ids(body(r, false))).toEqual([
      ['t:1', 't:3'],
      ['c:c-1', 'c:c-2', 'c:c-3'],
    ]);
    const labels = body(r, true).components[0]!.components.map((c) => (c as { label: string }).label);
    expect(labels.at(-1)).toBe(SHARE_LABEL);
  });

  it('drops duplicate custom_ids (Discord rejects them) and names what did not fit in the footer', () => {
    const many = Array.from({ length: 30 }, (_, i) => explain(i));
    const b = body(reply({ related: many, suggestions: many.slice(0, 5), share: 's:x' }), true);
    const flat = ids(b).flat();
    expect(new Set(flat).size).toBe(flat.length);
    expect(b.components.length).toBe(5);
    expect(b.components.every((r) => r.components.length <= 5)).toBe(true);
    expect(ids(b)[0]).toEqual(['s:x']);
    expect(b.embeds[0]!.footer?.text).toMatch(/^More: Concept 20, Concept 21, .*Concept 29$/);
  });

  it('long quiz choices are cut on the buttons and written out in full in the text', () => {
    const long = `A. ${'very '.repeat(30)}long answer`;
    const r = reply({
      kind: 'quiz-question',
      quiz: {
        prompt: 'Q?',
        conceptId: 'c',
        conceptTitle: 'C',
        choices: [
          { label: long, action: 'p:q:0' },
          { label: 'B. short', action: 'p:q:1' },
        ],
      },
    });
    const b = body(r);
    const labels = b.components[0]!.components.map((c) => (c as { label: string }).label);
    expect(labels[0]!.length).toBeLessThanOrEqual(80);
    expect(labels[0]!.endsWith('…')).toBe(true);
    expect(b.embeds[0]!.description).toContain(long);
    expect(b.embeds[0]!.footer?.text).toBe(SHORTENED_NOTE);
  });
});

describe('text', () => {
  it('cuts on a word boundary and marks the cut', () => {
    const words = `${'word '.repeat(20)}end`;
    expect(truncate(words, 60)).toEqual({ text: `${'word '.repeat(12).trimEnd()}…`, cut: true });
    // No space near the limit: cut mid-word rather than throw half the text away.
    expect(truncate('one two three four', 12)).toEqual({ text: 'one two thr…', cut: true });
    expect(truncate('short', 12)).toEqual({ text: 'short', cut: false });
    expect(truncate('ab😀cd', 4).text).toBe('ab…');
  });

  it('code examples are fenced fields; a ``` inside cannot close the fence; long code is cut inside the fence', () => {
    const b = body(
      reply({
        code: [
          { caption: 'Run', language: 'bash', code: 'echo ```\nls' },
          { caption: 'Long', code: Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n') },
        ],
      }),
    );
    const [run, longField] = b.embeds[0]!.fields!;
    expect(run).toEqual({ name: 'Run', value: '```bash\necho `\u200b``\nls\n```' });
    expect(longField!.value.length).toBeLessThanOrEqual(1024);
    expect(longField!.value.startsWith('```\nline 0\n')).toBe(true);
    expect(longField!.value.endsWith('\n…\n```')).toBe(true);
    expect(b.embeds[0]!.footer?.text).toBe(SHORTENED_NOTE);
  });

  it('never sets message content and never allows pings', () => {
    const b = body(reply({ paragraphs: ['@everyone @here <@&1>'] }));
    expect(b.allowed_mentions).toEqual({ parse: [] });
    expect('content' in b).toBe(false);
    expect(renderReply(reply()).allowedMentions).toEqual({ parse: [] });
  });
});

describe('long bodies', () => {
  it('go on in a second message, split at a paragraph boundary, nothing lost', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}. ${'word '.repeat(80).trim()}.`);
    const parts = renderParts(reply({ paragraphs })).map(toMessageBody);
    expect(parts.length).toBe(2);
    const [first, second] = parts.map((p) => p.embeds[0]!);
    expect(first!.description!.length).toBeLessThanOrEqual(4096);
    expect(first!.footer?.text).toBe(CONTINUED_NOTE);
    expect(second!.description!.startsWith('Paragraph ')).toBe(true);
    expect(parts[1]!.components).toEqual([]);
    expect(parts.flatMap((p) => p.embeds.map((e) => e.description)).join('\n\n')).toBe(paragraphs.join('\n\n'));
    expect(JSON.stringify(parts)).not.toContain(SHORTENED_NOTE);
  });
});

describe('labels', () => {
  it('buttons and menu options are plain text: no raw backticks or bold markers', () => {
    const r = reply({
      quiz: {
        prompt: 'Q?',
        conceptId: 'c',
        conceptTitle: 'C',
        choices: [
          { label: 'A. `docker rm -v`', action: 'p:q:0' },
          { label: 'B. **never**', action: 'p:q:1' },
        ],
      },
      menu: { placeholder: 'Related topics', options: [{ label: 'The `docker run` command', action: 'c:docker-run' }] },
    });
    const b = body(r);
    const labels = b.components.flatMap((row) => row.components.flatMap((c) => ('label' in c ? [c.label as string] : 'options' in c ? (c.options as { label: string }[]).map((o) => o.label) : [])));
    expect(labels).toEqual(['A. docker rm -v', 'B. never', 'The docker run command']);
  });
});
