import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_USER, decodeAction, encodeAction, loadContentOrThrow, Tutor, type Reply } from '../src/index.ts';

const pack = loadContentOrThrow(resolve(import.meta.dirname, 'fixtures/pack'));
const unmatched: string[] = [];
const tutor = new Tutor(pack, { onUnmatched: (t) => unmatched.push(t), starters: ['volume'] });
const ask = (text: string) => tutor.handle({ type: 'text', text }, CONSOLE_USER);

describe('Tutor replies', () => {
  it('answers a concept briefly: the summary, then buttons for more, an example, a quiz, and a related-topics menu', async () => {
    const r = await ask('what is a named volume?');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('Volumes');
    expect(r.paragraphs).toEqual(['A volume is storage managed by Docker that outlives any one container.']);
    expect(r.code).toEqual([]);
    expect(r.extra.map((a) => [a.label, a.action])).toEqual([
      ['Explain more', 'm:volume'],
      ['Show an example', 'x:volume'],
      ['Quiz me on this', 'q:volume'],
    ]);
    expect(r.related).toEqual([]);
    expect(r.menu).toEqual({ placeholder: 'Related topics', options: [{ label: 'Containers vs virtual machines', action: 'c:containers-vs-vms' }] });
    expect(r.feedback).toEqual({ up: 'f:volume:u', down: 'f:volume:d' });
    expect(r.share).toBe('s:volume');
    expect(r.fallback).toBe('Volumes: A volume is storage managed by Docker that outlives any one container.');
  });

  it('adds one short example to a "how do I" question, and gives the body and examples on request', async () => {
    const how = await ask('how do I make a named volume?');
    expect(how.title).toBe('Volumes');
    expect(how.code).toEqual([{ caption: 'Create a volume and mount it at /data', code: 'docker volume create app-data\ndocker run -v app-data:/data alpine', language: 'bash' }]);
    const more = await tutor.handle({ type: 'action', action: 'm:volume' }, CONSOLE_USER);
    expect(more.title).toBe('Volumes: in more depth');
    expect(more.inPlace).toBe(true);
    expect(more.paragraphs.at(-1)).toMatch(/^Source: https:/);
    expect(more.extra.map((a) => a.label)).toEqual(['Show an example', 'Quiz me on this']);
    const example = await tutor.handle({ type: 'action', action: 'x:volume' }, CONSOLE_USER);
    expect(example.code).toHaveLength(1);
    expect(example.extra.map((a) => a.label)).toEqual(['Explain more', 'Quiz me on this']);
  });

  it('always carries the table on a comparison answer', async () => {
    const r = await ask('container vs vm');
    expect(r.kind).toBe('comparison');
    expect(r.table?.headers).toEqual(['Feature', 'Containers', 'Virtual machines']);
    expect(r.table?.rows).toHaveLength(4);
  });

  it('says it does not know, with suggestions, and records the gap', async () => {
    const r = await ask('how do I bake bread');
    expect(r.kind).toBe('no-match');
    expect(r.suggestions).toEqual([]);
    expect(unmatched).toContain('how do i bake bread');
    const partial = await ask('docker stuff');
    expect(partial.kind === 'no-match' ? partial.suggestions.length : 1).toBeGreaterThan(0);
  });

  it('answers empty input and help with help, and small talk with one short line', async () => {
    for (const text of ['', '   ', 'help']) {
      const r = await ask(text);
      expect(r.kind, text).toBe('help');
      expect(r.suggestions.map((s) => s.action)).toEqual(['c:volume']);
    }
    for (const text of ['hello', 'thanks!', 'Thank you', 'ok', 'cool', 'lol', "you're wrong"]) {
      const r = await ask(text);
      expect(r.kind, text).toBe('notice');
      expect(r.paragraphs, text).toHaveLength(1);
      expect(r.paragraphs[0]!.split(' ').length, text).toBeLessThan(30);
      expect(r.suggestions, text).toEqual([]);
    }
    expect((await ask("you're wrong")).paragraphs[0]).toContain('👎');
  });

  it('routes command words, and treats them as questions when the rest does not fit', async () => {
    expect((await ask('topics')).kind).toBe('topics');
    expect((await ask('/explain hypervsior')).title).toBe('Hypervisor');
    expect((await ask('quiz')).kind).toBe('quiz-question');
    expect((await ask('help me with volumes')).title).toBe('Volumes');
    const unknown = await ask('/frobnicate now');
    expect(unknown.kind).toBe('help');
    expect(unknown.paragraphs[0]).toContain('Unknown command `frobnicate`');
  });

  it('explain with an unknown name offers suggestions', async () => {
    const r = await tutor.handle({ type: 'command', name: 'explain', args: 'volum storage thing' }, CONSOLE_USER);
    expect(['answer', 'no-match']).toContain(r.kind);
    const none = await tutor.handle({ type: 'command', name: 'explain', args: '' }, CONSOLE_USER);
    expect(none.title).toBe('Which concept?');
  });

  it('topics pages through every concept with buttons', async () => {
    const r = await tutor.handle({ type: 'command', name: 'topics', args: '' }, CONSOLE_USER);
    expect(r.related.map((a) => a.label)).toEqual(['Containers vs virtual machines', 'Hypervisor', 'Volumes']);
    expect(r.extra).toEqual([]);
  });

  it('grades a practice quiz through its button action', async () => {
    const q = await ask('quiz');
    const item = pack.quizById.get(decodeAction(q.quiz!.choices[0]!.action)!.type === 'practice-answer' ? (decodeAction(q.quiz!.choices[0]!.action) as { itemId: string }).itemId : '')!;
    const wrong = item.answerIndex === 0 ? 1 : 0;
    const fb: Reply = await tutor.handle({ type: 'action', action: q.quiz!.choices[wrong]!.action }, CONSOLE_USER);
    expect(fb.kind).toBe('quiz-feedback');
    expect(fb.title).toBe('Not quite');
    expect(fb.paragraphs).toContain(`**Answer:** ${item.choices[item.answerIndex]}`);
    const right = await tutor.handle({ type: 'action', action: q.quiz!.choices[item.answerIndex]!.action }, CONSOLE_USER);
    expect(right.title).toBe('Correct!');
  });

  it('shares a concept to the channel and handles stale or forged buttons', async () => {
    const shared = await tutor.handle({ type: 'action', action: encodeAction({ type: 'share', conceptId: 'volume' }) }, CONSOLE_USER);
    expect(shared.audience).toBe('channel');
    expect(shared.share).toBeUndefined();
    expect((await tutor.handle({ type: 'action', action: 'c:gone-concept' }, CONSOLE_USER)).title).toBe('Topic removed');
    expect((await tutor.handle({ type: 'action', action: '{"evil":1}' }, CONSOLE_USER)).title).toBe('Unknown button');
    expect((await tutor.handle({ type: 'action', action: 'p:volume-q1:9' }, CONSOLE_USER)).title).toBe('Quiz expired');
  });

  it('notes when a message was too long to read whole', async () => {
    const r = await ask(`volumes ${'x'.repeat(100_000)}`);
    expect(r.paragraphs[0]).toMatch(/long message/);
  });

  it('autocompletes concept names, prefix matches first', () => {
    expect(tutor.completeConcept('hyp')[0]).toEqual({ id: 'hypervisor', title: 'Hypervisor' });
    expect(tutor.completeConcept('').length).toBe(3);
    expect(tutor.completeConcept('volme').map((c) => c.id)).toContain('volume');
  });
});

describe('actions', () => {
  it('round-trips every action and rejects junk', () => {
    for (const a of [
      { type: 'explain', conceptId: 'docker-vs-vm' },
      { type: 'share', conceptId: 'volumes' },
      { type: 'practice-answer', itemId: 'volumes-q3', choice: 2 },
      { type: 'post-answer', postId: 12345, choice: 4 },
      { type: 'next-practice' },
      { type: 'topics', page: 3 },
    ] as const) {
      const s = encodeAction(a);
      expect(s.length).toBeLessThanOrEqual(100);
      expect(decodeAction(s)).toEqual(a);
    }
    for (const junk of ['', 'x', 'c:Not A Slug', 'k:abc:1', 'p:a:77', 't:', `c:${'a'.repeat(200)}`]) expect(decodeAction(junk)).toBeNull();
  });
});

describe('unknown subcommands', () => {
  it('a lone unknown word gets help, a known topic word still gets its answer', async () => {
    const r = await ask('leaderbord');
    expect(r.kind).toBe('help');
    const junk = await ask('frobnicate');
    expect(junk.kind).toBe('help');
    expect(junk.paragraphs[0]).toContain("I don't know `frobnicate`");
    expect((await ask('hypervisor')).title).toBe('Hypervisor');
  });
});

describe('paragraphs', () => {
  it('rejoins wrapped lines but keeps list items apart', async () => {
    const { paragraphsOf } = await import('../src/reply/build.ts');
    expect(paragraphsOf('one\ntwo\n\n- a\n- b\n1. c')).toEqual(['one two', '- a\n- b\n1. c']);
  });

  it('greets a lone greeting without calling it unknown', async () => {
    const r = await ask('hello');
    expect(r.paragraphs[0]).toMatch(/^Hi!/);
    expect(r.paragraphs[0]).not.toContain("I don't know");
  });
});

describe('Tutor threshold option (MATCH_THRESHOLD)', () => {
  it('answers below a strict threshold only with suggestions', async () => {
    const strict = new Tutor(pack, { threshold: 0.99 });
    const q = 'where named volumes keep data';
    const loose = await tutor.handle({ type: 'text', text: q }, CONSOLE_USER);
    expect(loose.kind).toBe('answer');
    expect(tutor.matcher.match(q).best!.confidence).toBeLessThan(0.99);
    const r = await strict.handle({ type: 'text', text: q }, CONSOLE_USER);
    expect(r.kind).toBe('no-match');
    expect(r.suggestions.map((s) => s.label)).toContain('Volumes');
  });
});

describe('Tutor command words inside questions', () => {
  it('answers "schedule …" as a question unless it reads like a schedule', async () => {
    const q = await ask('schedule named volumes');
    expect(q.title).toBe('Volumes');
    const spec = await ask('schedule every monday');
    // The fixture tutor has no store, so the schedule command answers that quizzes are not set up.
    expect(spec.kind).toBe('notice');
    expect(spec.title).toBe('Not available yet');
  });
});
