import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register as registerReport } from '../../src/cli/subcommands/report.ts';
import { createTutorApp, ManualClock, parseConfig, silentLogger, type Requester, type TutorApp } from '../../src/index.ts';
import { DB_FILE } from '../../src/store/sqlite.ts';
import { RecordingPoster, tempDir } from './helpers.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = (args: string[], env: Record<string, string> = {}) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });

/** `tutor report gaps …` in-process, returning what it printed. */
async function reportInProcess(...args: string[]): Promise<string> {
  const program = new Command('tutor').exitOverride();
  registerReport(program);
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await program.parseAsync(['report', 'gaps', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

const admin: Requester = { platform: 'slack', userId: 'UADMIN', channelId: 'C1', canManageChannel: true };
const learner: Requester = { platform: 'slack', userId: 'ulearner-secret-77', channelId: 'C1' };

describe('createTutorApp with the store and scheduler (the flow an adapter test drives)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: TutorApp;
  let clock: ManualClock;
  let poster: RecordingPoster;

  beforeEach(async () => {
    tmp = tempDir();
    clock = new ManualClock('2027-01-04T07:00:00Z');
    const config = parseConfig({ CONTENT_DIR: resolve(root, 'test/fixtures/pack'), DATA_DIR: tmp.dir, QUIZ_GRACE_MINUTES: '30' });
    app = await createTutorApp(config, silentLogger, {}, { clock, random: () => 0, scheduler: { perChannelIntervalMs: 0, sleep: async () => {} } });
    poster = new RecordingPoster('slack');
    app.registerPoster(poster);
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  it('schedule in chat, post at the time, button answer, summary at close', async () => {
    const set = await app.tutor.handle({ type: 'text', text: 'schedule weekdays 09:00 Europe/Berlin' }, admin);
    expect(set.title).toBe('Quiz scheduled');
    clock.set('2027-01-04T08:00:00Z');
    expect(await app.scheduler.tick()).toMatchObject({ sent: 1 });
    const quiz = poster.quizPosts('C1')[0]!.reply;
    const feedback = await app.tutor.handle({ type: 'action', action: quiz.quiz!.choices[0]!.action }, learner);
    expect(feedback.kind).toBe('quiz-feedback');
    const twice = await app.tutor.handle({ type: 'action', action: quiz.quiz!.choices[1]!.action }, learner);
    expect(twice.title).toBe('You already answered');
    clock.set('2027-01-05T08:00:00Z');
    await app.scheduler.tick();
    expect(poster.updates[0]!.reply.kind).toBe('quiz-summary');
    expect(poster.updates[0]!.reply.paragraphs).toContain('1 of 1 got it right (100%).');
  });

  it('records unmatched questions as content gaps without user ids, and `tutor report gaps` lists them', async () => {
    for (const q of ['How do I bake bread?', 'how do i bake bread', 'What is the airspeed of a swallow']) {
      expect((await app.tutor.handle({ type: 'text', text: q }, learner)).kind).toBe('no-match');
    }
    await app.tutor.handle({ type: 'text', text: 'how do I bake bread' }, { ...learner, platform: 'discord' });
    expect(await app.store.gapReport(10)).toEqual([
      { text: 'how do i bake bread', count: 3, lastAskedAt: Date.parse('2027-01-04T07:00:00Z'), platforms: ['discord', 'slack'] },
      { text: expect.stringContaining('airspeed'), count: 1, lastAskedAt: expect.any(Number), platforms: ['slack'] },
    ]);
    await app.close();
    const db = readFileSync(join(tmp.dir, DB_FILE)).toString('latin1');
    expect(db).toContain('how do i bake bread');
    expect(db).not.toContain('ulearner-secret-77');

    const json = await cli(['report', 'gaps', '--json'], { DATA_DIR: tmp.dir });
    expect(JSON.parse(json.stdout)).toEqual([
      { text: 'how do i bake bread', count: 3, lastAsked: '2027-01-04T07:00:00.000Z', platforms: ['discord', 'slack'] },
      { text: expect.stringContaining('airspeed'), count: 1, lastAsked: '2027-01-04T07:00:00.000Z', platforms: ['slack'] },
    ]);
    const text = await reportInProcess('--limit', '1', '--data', tmp.dir);
    expect(text.trim().split('\n')).toEqual([
      expect.stringMatching(/^count\s+last asked \(UTC\)\s+platforms\s+question$/),
      expect.stringMatching(/^\s+3 {2}2027-01-04 07:00 {2}discord,slack\s+how do i bake bread$/),
    ]);
    await expect(reportInProcess('--limit', 'x', '--data', tmp.dir)).rejects.toMatchObject({ exitCode: 2 });
    expect(await reportInProcess('--data', join(tmp.dir, 'none'))).toBe('No unanswered questions recorded yet.\n');
  });
});

describe('tutor report feedback', () => {
  it('lists 👍/👎 per concept with the notes, from the database, without user ids', async () => {
    const tmp = tempDir();
    try {
      const clock = new ManualClock('2027-02-01T09:00:00Z');
      const app = await createTutorApp(parseConfig({ DATA_DIR: tmp.dir, CONTENT_DIR: resolve(root, 'test/fixtures/pack') }), silentLogger, {}, { clock });
      const r = await app.tutor.handle({ type: 'text', text: 'what is a volume' }, learner);
      await app.tutor.handle({ type: 'action', action: r.feedback!.down }, learner);
      await app.tutor.handle({ type: 'action', action: 'g:volume', text: 'how to back one up' }, learner);
      await app.tutor.handle({ type: 'action', action: r.feedback!.up }, { ...learner, userId: 'U2' });
      await app.close();
      const text = await cli(['report', 'feedback', '--data', tmp.dir]);
      expect(text.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^concept\s+👍\s+👎$/),
        expect.stringMatching(/^volume\s+1\s+1$/),
        '    2027-02-01  "how to back one up"  (asked: "what is a volume")',
      ]);
      const json = await cli(['report', 'feedback', '--json', '--data', tmp.dir]);
      expect(JSON.parse(json.stdout)).toEqual([{ conceptId: 'volume', up: 1, down: 1, notes: [{ question: 'what is a volume', note: 'how to back one up', at: '2027-02-01T09:00:00.000Z' }] }]);
      expect(readFileSync(join(tmp.dir, DB_FILE)).toString('latin1')).not.toContain('ulearner-secret-77');
      expect((await cli(['report', 'feedback', '--data', join(tmp.dir, 'none')])).stdout).toBe('No feedback recorded yet.\n');
    } finally {
      tmp.cleanup();
    }
  });
});
