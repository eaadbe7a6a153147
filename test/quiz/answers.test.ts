import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/reply/actions.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { harness, person, setSchedule, type Harness } from './helpers.ts';

describe('answering a channel quiz', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness({ clock: new ManualClock('2027-01-04T08:00:00Z') });
    await setSchedule(h, 'daily 09:00 UTC');
    h.clock.set('2027-01-04T09:00:00Z');
    await h.scheduler.tick();
  });
  afterEach(() => h.store.close());

  const button = (choice: number) => {
    const a = decodeAction(h.poster.posts[0]!.reply.quiz!.choices[choice]!.action);
    if (a?.type !== 'post-answer') throw new Error('expected a post-answer button');
    return a;
  };

  it('gives the clicker private feedback with the misconception note and explanation', async () => {
    const r = await h.quiz.answer(button(1), person('U1'));
    expect(r).toMatchObject({ kind: 'quiz-feedback', title: 'Not quite', audience: 'requester' });
    expect(r.paragraphs).toContain('You picked: Wrong');
    expect(r.paragraphs.some((p) => p.includes('A common mix-up'))).toBe(true);
    expect(r.paragraphs.some((p) => p.startsWith('Because '))).toBe(true);
    const right = await h.quiz.answer(button(0), person('U2'));
    expect(right.title).toBe('Correct!');
    expect(right.paragraphs.join(' ')).toContain('+1 point');
  });

  it('counts only the first answer; a second click is told "you already answered"', async () => {
    await h.quiz.answer(button(1), person('U1'));
    const again = await h.quiz.answer(button(0), person('U1'));
    expect(again.kind).toBe('notice');
    expect(again.title).toBe('You already answered');
    expect(again.paragraphs.join(' ')).toContain('You picked B. Wrong, which was not right');
    expect(await h.store.answerTally(button(0).postId)).toEqual({ total: 1, correct: 0 });
    expect((await h.quiz.leaderboard('', person('U1'))).paragraphs[0]).toContain('0 points (1 answered)');
  });

  it('refuses unknown posts, other platforms and impossible choices without recording anything', async () => {
    expect((await h.quiz.answer({ type: 'post-answer', postId: 999, choice: 0 }, person('U1'))).title).toBe('Quiz not found');
    expect((await h.quiz.answer(button(0), person('U1', { platform: 'discord' }))).title).toBe('Quiz not found');
    expect((await h.quiz.answer({ ...button(0), choice: 7 }, person('U1'))).title).toBe('Quiz expired');
    expect(await h.store.answerTally(button(0).postId)).toEqual({ total: 0, correct: 0 });
  });

  it('puts a missed channel question into the learner’s review for tomorrow', async () => {
    await h.quiz.answer(button(1), person('U1'));
    const [state] = await h.store.listReviews({ platform: 'slack', userId: 'U1' });
    expect(state).toMatchObject({ box: 1, dueAt: Date.parse('2027-01-05T09:00:00Z') });
  });
});
