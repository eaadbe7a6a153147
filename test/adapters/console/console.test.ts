import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTutorApp, loadContentOrThrow, ManualClock, parseConfig, silentLogger, Tutor } from '../../../src/index.ts';
import { renderConsole, renderTable } from '../../../adapters/console/render.ts';
import { runConsoleChat } from '../../../adapters/console/chat.ts';
import { pipedChat } from '../../helpers/console-chat.ts';
import { normalReplies } from '../../contract/replies.ts';

const tutor = new Tutor(loadContentOrThrow(resolve(import.meta.dirname, '../../fixtures/pack')));

const chat = (lines: string[]) => pipedChat(tutor, lines);

describe('console rendering', () => {
  it('aligns table columns', () => {
    const t = renderTable({
      headers: ['Feature', 'A', 'B'],
      rows: [
        ['Kernel', 'Shared', 'Own'],
        ['Size', 'Small', 'Large'],
      ],
    });
    expect(t.split('\n')).toEqual(['Feature | A      | B', '--------+--------+------', 'Kernel  | Shared | Own', 'Size    | Small  | Large']);
  });

  it('wraps wide tables to the terminal width', () => {
    const t = renderTable({ headers: ['F', 'Long'], rows: [['x', 'word '.repeat(40).trim()]] }, 40);
    for (const line of t.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(t.split('\n').length).toBeGreaterThan(3);
  });

  it('renders every reply kind with numbered buttons and no markdown markers', () => {
    for (const r of normalReplies()) {
      const { text, buttons } = renderConsole(r);
      expect(text).not.toContain('**');
      expect(buttons.length).toBe(r.related.length + r.suggestions.length + r.extra.length + (r.quiz?.choices.length ?? 0) + (r.menu?.options.length ?? 0) + (r.feedback ? 2 : 0));
      if (r.title) expect(text.startsWith(r.title)).toBe(true);
    }
  });
});

describe('console chat (batch mode)', () => {
  it('answers each line in order and exits at EOF', async () => {
    const out = await chat(['what is a hypervisor', 'container vs vm', '', 'how do I make pancakes']);
    const h = out.indexOf('Hypervisor');
    const t = out.indexOf('Feature   | Containers');
    const n = out.indexOf("I don't know that one yet");
    expect(h).toBeGreaterThanOrEqual(0);
    expect(t).toBeGreaterThan(h);
    expect(n).toBeGreaterThan(t);
  });

  it('understands /help, /topics, /explain and a /quiz answered by letter', async () => {
    const out = await chat(['/help', '/topics', '/explain volum', '/quiz', 'A']);
    expect(out).toContain('Container & VM tutor');
    expect(out).toContain('Topics (page 1 of 1)');
    expect(out).toContain('Volumes');
    expect(out).toMatch(/Quiz: /);
    expect(out).toMatch(/Correct!|Not quite/);
  });

  it('lists help\'s starter topics under "Start with:", not as "did you mean" guesses', async () => {
    const first = tutor.pack.concepts[0]!;
    const out = await pipedChat(new Tutor(tutor.pack, { starters: [first.id] }), ['help']);
    expect(out).toContain(`\nStart with:\n  [1] ${first.title}\n`);
    expect(out).not.toContain('Did you mean');
  });

  it('presses buttons and related-topic entries by their number', async () => {
    const first = await tutor.handle({ type: 'text', text: 'what is a hypervisor' }, { platform: 'console', userId: 'n', channelId: 'n' });
    const { buttons } = renderConsole(first);
    const more = buttons.findIndex((b) => b.label === 'Explain more') + 1;
    const related = buttons.findIndex((b) => b.label === 'Containers vs virtual machines') + 1;
    const out = await chat(['what is a hypervisor', String(more), 'what is a hypervisor', String(related)]);
    expect(out).toContain('Hypervisor: in more depth');
    expect(out).toMatch(/\nContainers vs virtual machines\n\nContainers share the host kernel/);
  });
});

describe('console chat with the daily quiz', () => {
  it('schedules a quiz, prints it at the scheduled time, takes a letter as the answer, and prints the summary', async () => {
    const clock = new ManualClock('2027-01-04T07:00:00Z');
    const config = parseConfig({ CONTENT_DIR: resolve(import.meta.dirname, '../../fixtures/pack'), DATA_DIR: ':memory:' });
    const app = await createTutorApp(config, silentLogger, {}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, sleep: async () => {} } });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const done = runConsoleChat(app.tutor, { input, output, interactive: false, onPoster: (p) => app.registerPoster(p) });
    const settle = async (needle: string) => {
      for (let i = 0; i < 100 && !out.includes(needle); i++) await new Promise((r) => setTimeout(r, 10));
      expect(out).toContain(needle);
    };
    try {
      input.write('/schedule daily 09:00 UTC\n');
      await settle('Quiz scheduled');
      clock.set('2027-01-04T09:00:10Z');
      expect((await app.scheduler.tick()).sent).toBe(1);
      const posted = out.slice(out.indexOf('Quiz scheduled'));
      expect(posted).toContain('Daily quiz: Containers vs virtual machines');
      expect(posted).toMatch(/\n\s*A\. A container\n/);
      out = '';
      input.write('a\n');
      await settle('\n\n');
      expect(out).toMatch(/Correct|Not quite/);
      out = '';
      clock.set('2027-01-05T09:30:00Z');
      const closing = await app.scheduler.tick();
      expect(closing.closed).toBe(1);
      expect(out).toMatch(/answered|got it right|%/i);
    } finally {
      input.end();
      await done;
      await app.close();
    }
  });

  it('post-now prints the next question at once, and a second one in the same minute is refused', async () => {
    const clock = new ManualClock('2027-01-04T07:00:00Z');
    const config = parseConfig({ CONTENT_DIR: resolve(import.meta.dirname, '../../fixtures/pack'), DATA_DIR: ':memory:' });
    const app = await createTutorApp(config, silentLogger, {}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, sleep: async () => {} } });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const done = runConsoleChat(app.tutor, { input, output, interactive: false, onPoster: (p) => app.registerPoster(p) });
    const settle = async (needle: string) => {
      for (let i = 0; i < 200 && !out.includes(needle); i++) await new Promise((r) => setTimeout(r, 10));
      expect(out).toContain(needle);
    };
    try {
      input.write('/schedule daily 09:00 UTC\n');
      await settle('Quiz scheduled');
      input.write('/post-now\n');
      await settle('Quiz posted');
      expect(out).toContain('Daily quiz: Containers vs virtual machines');
      input.write('/post-now\n');
      await settle('Already posted');
      expect(out.split('Daily quiz:').length - 1).toBe(1);
    } finally {
      input.end();
      await done;
      await app.close();
    }
  });
});
