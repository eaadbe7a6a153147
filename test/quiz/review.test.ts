import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction, type TutorAction } from '../../src/reply/actions.ts';
import type { Reply } from '../../src/reply/types.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { afterAnswer, BOX_INTERVAL_DAYS } from '../../src/quiz/leitner.ts';
import { harness, person, setSchedule, type Harness } from './helpers.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2027-02-01T10:00:00Z');
const learner = person('U1');

function practiceButton(r: Reply, choice: number): Extract<TutorAction, { type: 'practice-answer' }> {
  const a = decodeAction(r.quiz!.choices[choice]!.action);
  if (a?.type !== 'practice-answer') throw new Error(`expected a practice button, got ${r.kind}`);
  return a;
}

describe('Leitner boxes', () => {
  it('a missed item comes back after 1 day, then 3, 7, 14 and 30 days as it is answered right', () => {
    const who = { platform: 'slack' as const, userId: 'U1' };
    let s = afterAnswer(undefined, who, 'q', false, T0);
    expect(s).toMatchObject({ box: 1, dueAt: T0 + DAY, wrongCount: 1 });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const at = s.dueAt;
      s = afterAnswer(s, who, 'q', true, at);
      seen.push((s.dueAt - at) / DAY);
    }
    expect(seen).toEqual([3, 7, 14, 30, 30]);
    expect(BOX_INTERVAL_DAYS.slice(0, 3)).toEqual([1, 3, 7]);
    expect(afterAnswer(s, who, 'q', false, T0)).toMatchObject({ box: 1, dueAt: T0 + DAY, rightCount: 5, wrongCount: 2 });
  });
});

describe('personal practice and review', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness({ clock: new ManualClock(T0) });
  });
  afterEach(() => h.store.close());

  it('drills missed items when they are due: 1 day, then 3, then 7', async () => {
    expect((await h.quiz.review(learner)).title).toBe('Nothing to review');
    const q = await h.quiz.practice(learner);
    expect(q.title).toMatch(/^Practice: /);
    const missed = practiceButton(q, 1);
    const feedback = await h.quiz.answer(missed, learner);
    expect(feedback.title).toBe('Not quite');
    expect(feedback.paragraphs.join(' ')).toContain('comes back for review in 1 day');
    expect(feedback.extra.map((e) => e.action)).toContain('n:');

    // Due at 10:00 tomorrow, so due all of tomorrow (UTC here: the channel has no schedule).
    h.clock.set(Date.parse('2027-02-01T23:59:59Z'));
    const none = await h.quiz.review(learner);
    expect(none.title).toBe('Nothing to review');
    expect(none.paragraphs.join(' ')).toContain('Your next review is on 2027-02-02.');
    h.clock.set(Date.parse('2027-02-02T00:00:00Z'));
    const due = await h.quiz.review(learner);
    expect(due.title).toMatch(/^Review: /);
    expect(due.paragraphs.join(' ')).toContain('Review 1 of 1 due today');
    expect(practiceButton(due, 0).itemId).toBe(missed.itemId);
    expect((await h.quiz.answer(practiceButton(due, 0), learner)).paragraphs.join(' ')).toContain('in 3 days');

    // Answered right at midnight on the 2nd: due 3 days later, on the 5th.
    h.clock.set(Date.parse('2027-02-04T23:59:59Z'));
    expect((await h.quiz.review(learner)).title).toBe('Nothing to review');
    h.clock.set(Date.parse('2027-02-05T00:00:00Z'));
    const again = await h.quiz.review(learner);
    expect((await h.quiz.answer(practiceButton(again, 0), learner)).paragraphs.join(' ')).toContain('in 7 days');
  });

  it('practice serves due reviews first, then questions not seen yet', async () => {
    const first = practiceButton(await h.quiz.practice(learner), 1);
    await h.quiz.answer(first, learner);
    h.clock.set(T0 + 2 * DAY);
    const next = await h.quiz.practice(learner);
    expect(next.title).toMatch(/^Review: /);
    expect(practiceButton(next, 0).itemId).toBe(first.itemId);
    await h.quiz.answer(practiceButton(next, 0), learner);
    const fresh = await h.quiz.practice(learner);
    expect(fresh.title).toMatch(/^Practice: /);
    expect(practiceButton(fresh, 0).itemId).not.toBe(first.itemId);
  });

  it('counts a review as due today in the channel schedule zone, and dates the next one there', async () => {
    await setSchedule(h, 'daily 09:00 America/New_York');
    // Missed at 02:00Z on the 2nd = 21:00 on the 1st in New York; due 21:00 New York time on the 2nd.
    h.clock.set(Date.parse('2027-02-02T02:00:00Z'));
    await h.quiz.answer(practiceButton(await h.quiz.practice(learner), 1), learner);
    const text = async (who = learner) => (await h.quiz.review(who)).paragraphs.join(' ');
    expect(await text()).toContain('Your next review is on 2027-02-02.');
    h.clock.set(Date.parse('2027-02-02T04:59:59Z')); // still the 1st in New York
    expect((await h.quiz.review(learner)).title).toBe('Nothing to review');
    h.clock.set(Date.parse('2027-02-02T05:00:00Z')); // New York midnight: the review is due today
    expect(await text()).toContain('Review 1 of 1 due today');
    // In a DM (no schedule) the day is UTC's, which still has the 2nd until 00:00Z on the 3rd.
    expect(await text(person('U1', { channelId: 'D1', direct: true }))).toContain('Your next review is on 2027-02-03.');
  });

  it('keeps review state per learner', async () => {
    await h.quiz.answer(practiceButton(await h.quiz.practice(learner), 1), learner);
    h.clock.set(T0 + DAY);
    expect((await h.quiz.review(person('U2'))).title).toBe('Nothing to review');
    expect((await h.quiz.review(learner)).title).toMatch(/^Review: /);
  });
});
