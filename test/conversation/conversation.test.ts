import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTutorApp, decodeAction, loadContentOrThrow, ManualClock, parseConfig, silentLogger, Tutor, type Requester, type TutorApp } from '../../src/index.ts';
import { proseWords } from '../../src/reply/first-answer.ts';
import { echo } from '../../src/reply/echo.ts';
import { parseFollowUp } from '../../src/conversation/followup.ts';
import { tempDir } from '../quiz/helpers.ts';
// How Slack and Discord people type commands: each adapter registers its wording when loaded.
import '../../adapters/slack/wording.ts';
import '../../adapters/discord/wording.ts';

const ada: Requester = { platform: 'slack', userId: 'U1', channelId: 'C1', conversationId: '1700.1' };
const bob: Requester = { ...ada, userId: 'U2' };

describe('first answers on the shipped pack', () => {
  const pack = loadContentOrThrow('content');
  const tutor = new Tutor(pack);

  it('keep the prose short: median at most 90 words, none over 60 words of summary', async () => {
    const words: number[] = [];
    for (const c of pack.concepts) {
      const r = await tutor.handle({ type: 'command', name: 'explain', args: c.id }, ada);
      expect(r.title, c.id).toBe(c.title);
      words.push(proseWords(r));
      expect(proseWords(r), c.id).toBeLessThanOrEqual(60);
      // Explain more / Show an example / Quiz me on this, and related topics as one menu, not buttons.
      expect(r.extra.length, c.id).toBeLessThanOrEqual(3);
      expect(r.related, c.id).toEqual([]);
      if (c.related.length) expect(r.menu?.options.length, c.id).toBe(c.related.length);
      if (c.table) expect(r.table, c.id).toBeDefined();
      expect(r.code, c.id).toEqual([]);
    }
    words.sort((a, b) => a - b);
    expect(words[Math.floor(words.length / 2)]!).toBeLessThanOrEqual(90);
  });
});

describe('conversation memory and follow-ups', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: TutorApp;
  const clock = new ManualClock('2027-03-01T10:00:00Z');
  const open = () => createTutorApp(parseConfig({ DATA_DIR: tmp.dir, CONVERSATION_MINUTES: '15' }), silentLogger, {}, { clock });
  const say = (text: string, who = ada) => app.tutor.handle({ type: 'text', text }, who);
  beforeEach(async () => {
    tmp = tempDir();
    app = await open();
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  it('reads "explain more" and "explain that" as follow-ups, while "explain volumes" still names a concept', async () => {
    expect((await say('why is my data gone after docker rm?')).conceptId).toBe('ephemeral-filesystem');
    expect((await say('explain more')).title).toBe('Ephemeral container filesystem: in more depth');
    expect((await say('Explain that again!')).title).toBe('Ephemeral container filesystem: in more depth');
    expect((await say('explain volumes')).conceptId).toBe('volumes');
  });

  it('resolves follow-ups against the last concept, per person and conversation, across a restart', async () => {
    expect((await say('why is my data gone after docker rm?')).conceptId).toBe('ephemeral-filesystem');
    const more = await say('tell me more');
    expect(more.title).toBe('Ephemeral container filesystem: in more depth');
    expect((await say('why?')).title).toBe('Ephemeral container filesystem: in more depth');
    expect((await say('example?')).code.length).toBeGreaterThan(0);
    expect((await say('show me the command')).title).toBe('Ephemeral container filesystem: example');
    // Another person in the same thread has no context of their own.
    expect((await say('tell me more', bob)).title).toBe('More about what?');
    // A restart keeps it: it lives in the store.
    await app.close();
    app = await open();
    const keep = await say('how do I keep it then?');
    expect(keep.conceptId).toBe('volumes');
    expect(keep.code).toHaveLength(1);
    const diff = await say("what's the difference with bind mounts?");
    expect(diff.conceptId).toBe('volumes');
    expect(diff.table).toBeDefined();
    const quiz = await say('quiz me on that');
    expect(quiz.kind).toBe('quiz-question');
    expect(quiz.quiz?.conceptId).toBe('volumes');
  });

  it('a short question that names its own topic is a new question, even with "it" in it', async () => {
    await say('what is a volume');
    expect((await say('is it safe to run docker as root?')).conceptId).toBe('container-security');
  });

  it('moves to a concept a follow-up names, and forgets after the configured minutes', async () => {
    await say('how fast do containers start?');
    expect((await say('and for VMs?')).conceptId).toBe('virtual-machine');
    expect((await say('more')).title).toBe('Virtual machine (VM): in more depth');
    clock.advance(16 * 60_000);
    expect((await say('more')).title).toBe('More about what?');
  });

  it('a practice question takes one answer; later clicks change nothing', async () => {
    const q = await say('quiz');
    const [first, second] = q.quiz!.choices;
    const a1 = await app.tutor.handle({ type: 'action', action: first!.action }, ada);
    expect(a1.kind).toBe('quiz-feedback');
    expect(a1.quiz?.answered).toBe(0);
    expect(a1.inPlace).toBe(true);
    const item = (decodeAction(first!.action) as { itemId: string }).itemId;
    const before = await app.store.getReview(ada, item);
    clock.advance(60_000);
    const a2 = await app.tutor.handle({ type: 'action', action: second!.action }, ada);
    expect(a2.title).toBe('You already answered');
    expect(await app.store.getReview(ada, item)).toEqual(before);
    // Someone else pressing the same button is not answering their own question.
    expect((await app.tutor.handle({ type: 'action', action: second!.action }, bob)).title).toBe('Not your question');
  });

  it('👍 is stored at once; 👎 asks what was missing and stores the note with the question, never the user', async () => {
    const r = await say('what is a hypervisor');
    // A follow-up on the same concept keeps the question that started it.
    expect((await say('tell me more')).conceptId).toBe(r.conceptId);
    const up = await app.tutor.handle({ type: 'action', action: r.feedback!.up }, ada);
    expect(up.paragraphs[0]).toContain('glad');
    const down = await app.tutor.handle({ type: 'action', action: r.feedback!.down }, ada);
    expect(down.form?.submit).toBe(`g:${r.conceptId}`);
    await app.tutor.handle({ type: 'action', action: down.form!.submit, text: 'I wanted  type 1 vs type 2\u202e' }, ada);
    const report = await app.store.feedbackReport(10);
    expect(report).toEqual([{ conceptId: r.conceptId, up: 1, down: 1, notes: [{ question: 'what is a hypervisor', note: 'I wanted type 1 vs type 2', at: clock.now().getTime() }] }]);
    expect(JSON.stringify(report)).not.toContain('U1');
  });
});

describe('echoed text', () => {
  it('is one inert code span with no invisible or direction characters', () => {
    expect(echo('explain [free nitro](https://evil.example)')).toBe('`explain [free nitro](https://evil.example)`');
    expect(echo('a`b``c')).toBe('`aʼbʼʼc`');
    expect(echo('abc\u202edef\u200b\u2066x')).toBe('`abcdefx`');
    expect(echo('')).toBe('(empty)');
  });

  it('no-match and unknown-command replies quote the question that way', async () => {
    const tutor = new Tutor(loadContentOrThrow('content'));
    const r = await tutor.handle({ type: 'text', text: '/frobnicate **now** `x`' }, ada);
    expect(r.paragraphs[0]).toBe('Unknown command `frobnicate`. Here is what I understand:');
    const x = await tutor.handle({ type: 'text', text: 'explain [free nitro](https://evil.example) `close' }, ada);
    expect(x.kind).toBe('no-match');
    expect(x.paragraphs[0]).toBe("I couldn't match `[free nitro](https://evil.example) ʼclose` to anything I teach.");
  });
});

describe('follow-up phrases', () => {
  it('reads the phrases learners use', () => {
    expect(parseFollowUp('Tell me more!')?.kind).toBe('more');
    expect(parseFollowUp('why?')?.kind).toBe('more');
    expect(parseFollowUp('example?')?.kind).toBe('example');
    expect(parseFollowUp('show me the command')?.kind).toBe('example');
    expect(parseFollowUp('quiz me on that')?.kind).toBe('quiz');
    expect(parseFollowUp('and for VMs?')).toEqual({ kind: 'other', subject: 'vms' });
    expect(parseFollowUp("what's the difference with bind mounts?")).toEqual({ kind: 'compare', subject: 'bind mounts' });
    expect(parseFollowUp('how do I keep it then?')?.kind).toBe('about');
    expect(parseFollowUp('what is a volume')).toBeNull();
  });
});

describe('help speaks the platform', () => {
  const tutor = new Tutor(loadContentOrThrow('content'));
  it('Slack, Discord and the console each get their own syntax', async () => {
    const help = async (platform: Requester['platform']) => (await tutor.handle({ type: 'text', text: 'help' }, { ...ada, platform })).paragraphs.join('\n');
    expect(await help('slack')).toContain('`/tutor topics [page]`');
    expect(await help('discord')).toContain('`/tutor topics page:[page]`');
    expect(await help('console')).toContain('`topics [page]`');
    const topics = await tutor.handle({ type: 'text', text: 'topics' }, { ...ada, platform: 'discord' });
    expect(topics.paragraphs.at(-1)).toContain('`/tutor topics page:2`');
  });
});
